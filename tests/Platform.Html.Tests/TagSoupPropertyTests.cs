using CsCheck;

namespace Platform.Html.Tests;

/// <summary>
/// Properties that must hold for any input at all, since pages come from anywhere: no exception, and text that keeps
/// its shape (no empty lines, no whitespace at line ends, no markup-breaking characters).
/// </summary>
public class TagSoupPropertyTests
{
    // Pieces pages are made of, including broken ones: unclosed and stray tags, bad entities, scripts and JSON-LD
    // cut in half, attributes without quotes, comments, CDATA, control characters and lone surrogates.
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<div class=\"share\">", "<div class=story>", "</div>", "<article>", "</article>", "<br>", "<br/>",
        "<figure>", "<figcaption>", "</figure>", "<nav>", "</nav>", "<h2>", "</h2>", "<li>", "<ul>", "<table><tr><td>",
        "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<", ">", "&", "&amp;",
        "&nbsp;", "&#xD800;", "&#0;", "&bogus;", "&#8220;", "<time datetime=\"2026-01-01\">", "</time>",
        "<script type=\"application/ld+json\">", "{\"@type\":\"NewsArticle\",\"author\":[", "{\"@id\":\"#a\"}", "]}",
        "<meta property=\"og:title\" content=\"T\">", "<link rel=canonical href=\"http://x.example/\">",
        "“Quote,” said Ana Ruiz.", "The council met on Monday.", " ", "\n", "\t", "\u00A0", "\0", "\u0007", "\uD800",
        "\U0001F600", "שלום", "x",
    ];

    private static readonly Gen<string> TagSoup =
        Gen.Int[0, Pieces.Length - 1].Array[0, 80].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    [Fact]
    public void Any_tag_soup_gives_well_formed_text()
        => TagSoup.Sample(AssertWellFormed, iter: 1000);

    [Fact]
    public void Any_random_string_gives_well_formed_text()
        => Gen.String.Sample(AssertWellFormed, iter: 500);

    private static void AssertWellFormed(string html)
    {
        var article = HtmlArticleExtractor.Extract(html);
        if (article.Text.Length == 0)
        {
            return;
        }

        foreach (var line in article.Text.Split('\n'))
        {
            Assert.NotEmpty(line);
            Assert.Equal(line.Trim(), line);
            Assert.DoesNotContain('\0', line);
            Assert.DoesNotContain('\r', line);
        }
    }
}
