using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Platform.Html;

/// <summary>
/// Turns a saved news page into its article text and metadata. Pure: parses the string it is given and never
/// fetches anything (no scripts, styles, images or frames are loaded). Safe to call from many threads.
/// </summary>
/// <remarks>
/// Steps: metadata is read from the untouched page (<see cref="PageMetadata"/>); then known page furniture is
/// removed (<see cref="Boilerplate"/>); SmartReader, a port of Mozilla's Readability, picks the element that holds
/// the story by scoring text and link density, which copes with layouts no fixed selector list foresees; finally
/// the chosen content is written out one block per line (<see cref="BlockText"/>), again without captions and
/// credits, because Readability keeps figures.
/// </remarks>
public static class HtmlArticleExtractor
{
    // Used only to resolve relative links inside SmartReader; nothing is requested from it.
    private const string PlaceholderAddress = "http://localhost/";

    /// <summary>
    /// Deepest nesting of elements a page may have (see <see cref="IsTooDeeplyNested"/>). Real news pages stay far
    /// below a hundred levels.
    /// </summary>
    public const int MaxNestingDepth = 1000;

    /// <summary>
    /// Whether <paramref name="html"/> may nest elements deeper than <see cref="MaxNestingDepth"/>. Such a page is not
    /// parsed: parsing time grows with depth times size, so a few megabytes of unclosed tags would take minutes.
    /// </summary>
    public static bool IsTooDeeplyNested(string html) => NestingGuard.IsDeeperThan(html, MaxNestingDepth);

    /// <summary>
    /// The article of <paramref name="html"/>; <see cref="HtmlArticle.Text"/> is empty when there is none, and the
    /// whole result is empty when the page is too deeply nested (<see cref="IsTooDeeplyNested"/>).
    /// </summary>
    public static HtmlArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (IsTooDeeplyNested(html))
        {
            return new HtmlArticle(string.Empty, null, null, null, null, null);
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var metadata = PageMetadata.Read(document);

        Boilerplate.Remove(document);
        var text = ReadableText(parser, document, metadata.CanonicalUrl);
        return new HtmlArticle(text, metadata.Title, metadata.Byline, metadata.PublishedAt, metadata.CanonicalUrl, metadata.SiteName);
    }

    private static string ReadableText(HtmlParser parser, IHtmlDocument document, string? address)
    {
        if (document.Body is null)
        {
            return string.Empty;
        }

        // Short pages (a brief or a test page) are below Readability's "worth reading" threshold; the story is
        // still wanted, so the content is taken whenever SmartReader found any.
        var reader = new Reader(address ?? PlaceholderAddress, document) { ContinueIfNotReadable = true };
        var article = reader.GetArticle();
        if (string.IsNullOrWhiteSpace(article.Content))
        {
            return BlockText.Write(document.Body);
        }

        using var content = parser.ParseDocument(article.Content);
        return BlockText.Write(content.Body!);
    }
}
