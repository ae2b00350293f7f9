using System.Text;

namespace Platform.Html.Tests;

/// <summary>Saved pages in the encodings browsers write them in.</summary>
public class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Page(string head) => $"<html><head>{head}</head><body><p>Café “Zürich” opened.</p></body></html>";

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "iso-8859-1")]
    [InlineData("<meta charset=utf-8>", "utf-8")]
    public void Declared_charset_is_used(string meta, string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Page(meta));

        var text = HtmlArticleExtractor.Extract(HtmlEncoding.Decode(bytes)).Text;

        // ISO-8859-1 has no curly quotes; its encoder writes '?' for them.
        Assert.StartsWith("Café ", text, StringComparison.Ordinal);
        Assert.Contains("Zürich", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_wins_and_no_declaration_means_utf8()
    {
        var page = Page("<meta charset=\"windows-1252\">");
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(page)).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(page)).ToArray();
        var undeclared = Encoding.UTF8.GetBytes(Page(string.Empty));

        Assert.Equal("Café “Zürich” opened.", HtmlArticleExtractor.Extract(HtmlEncoding.Decode(withBom)).Text);
        Assert.Equal("Café “Zürich” opened.", HtmlArticleExtractor.Extract(HtmlEncoding.Decode(utf16)).Text);
        Assert.Equal("Café “Zürich” opened.", HtmlArticleExtractor.Extract(HtmlEncoding.Decode(undeclared)).Text);
    }

    [Fact]
    public void Unknown_charset_falls_back_to_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("<meta charset=\"no-such-charset\">"));

        Assert.Equal("Café “Zürich” opened.", HtmlArticleExtractor.Extract(HtmlEncoding.Decode(bytes)).Text);
    }
}
