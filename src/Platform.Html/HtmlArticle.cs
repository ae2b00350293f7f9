namespace Platform.Html;

/// <summary>The readable article of a news page: its body as plain text and what the page says about it.</summary>
/// <param name="Text">
/// The article body: one paragraph or heading per line (separated by '\n'), entities decoded, whitespace collapsed.
/// Empty when the page holds no article text. The headline is not repeated here; it is <paramref name="Title"/>.
/// </param>
/// <param name="Title">Headline, or null when the page names none.</param>
/// <param name="Byline">Author or authors ("Ines Kowalczyk", "Ana Ruiz and Li Wei"), or null.</param>
/// <param name="PublishedAt">Publication time, or null. A time without an offset is taken as UTC.</param>
/// <param name="CanonicalUrl">The page's canonical absolute http(s) URL, or null.</param>
/// <param name="SiteName">Name of the publishing site or outlet, or null.</param>
public sealed record HtmlArticle(
    string Text,
    string? Title,
    string? Byline,
    DateTimeOffset? PublishedAt,
    string? CanonicalUrl,
    string? SiteName);
