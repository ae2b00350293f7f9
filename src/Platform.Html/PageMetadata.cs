using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Platform.Html;

/// <summary>
/// What a page says about its article, each field from the most reliable source that has it: JSON-LD
/// (NewsArticle/Article, also inside @graph), then OpenGraph and article:* meta tags, then plain HTML
/// (<c>&lt;meta name=author&gt;</c>, <c>&lt;time datetime&gt;</c>, <c>&lt;link rel=canonical&gt;</c>, the h1, the title).
/// </summary>
internal sealed record PageMetadata(string? Title, string? Byline, DateTimeOffset? PublishedAt, string? CanonicalUrl, string? SiteName)
{
    public static PageMetadata Read(IHtmlDocument document)
    {
        var jsonLd = JsonLdArticle.Find(document);
        var siteName = FirstText(Meta(document, "og:site_name"), jsonLd?.SiteName, Meta(document, "application-name"));
        var title = FirstText(
            jsonLd?.Headline,
            Meta(document, "og:title"),
            Meta(document, "twitter:title"),
            document.QuerySelector("h1")?.TextContent,
            WithoutSiteSuffix(document.Title, siteName));
        var byline = FirstText(
            jsonLd?.Authors,
            Meta(document, "author"),
            NameOrNull(Meta(document, "article:author")),
            document.QuerySelector("[rel=author], [itemprop=author]")?.TextContent,
            WithoutBy(document.QuerySelector(".byline, .author")?.TextContent));
        var published = FirstTime(
            jsonLd?.DatePublished,
            Meta(document, "article:published_time"),
            Meta(document, "og:published_time"),
            Meta(document, "datePublished"),
            Meta(document, "date"),
            document.QuerySelector("time[itemprop=datePublished], time[pubdate]")?.GetAttribute("datetime"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var canonical = new[]
        {
            document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Meta(document, "og:url"),
            jsonLd?.Url,
        }.FirstOrDefault(IsAbsoluteHttpUrl)?.Trim();
        return new PageMetadata(title, byline, published, canonical, siteName);
    }

    /// <summary>The content of the first meta tag with this property or name.</summary>
    private static string? Meta(IHtmlDocument document, string key)
        => document.Head?.QuerySelectorAll("meta[property], meta[name], meta[itemprop]")
            .FirstOrDefault(m => Matches(m, "property", key) || Matches(m, "name", key) || Matches(m, "itemprop", key))
            ?.GetAttribute("content");

    private static bool Matches(IElement meta, string attribute, string key)
        => string.Equals(meta.GetAttribute(attribute)?.Trim(), key, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first candidate with text; candidates come in order of preference.</summary>
    private static string? FirstText(params string?[] candidates)
        => candidates.Select(Clean).FirstOrDefault(c => c is not null);

    private static DateTimeOffset? FirstTime(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate)
                && DateTimeOffset.TryParse(candidate.Trim(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>Whitespace collapsed and trimmed; null when nothing is left.</summary>
    internal static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>"Headline | The Courier" → "Headline", when the suffix is the site's name.</summary>
    private static string? WithoutSiteSuffix(string? title, string? siteName)
    {
        if (title is null || siteName is null)
        {
            return title;
        }

        foreach (var separator in new[] { " | ", " - ", " – ", " — " })
        {
            var suffix = separator + siteName;
            if (title.TrimEnd().EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title.TrimEnd()[..^suffix.Length];
            }
        }

        return title;
    }

    /// <summary>"By Ines Kowalczyk" → "Ines Kowalczyk".</summary>
    private static string? WithoutBy(string? byline)
    {
        var clean = Clean(byline);
        return clean is not null && clean.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? clean[3..] : clean;
    }

    /// <summary>article:author is often a profile URL rather than a name; a URL is no byline.</summary>
    private static string? NameOrNull(string? author)
        => author is not null && Uri.TryCreate(author.Trim(), UriKind.Absolute, out _) ? null : author;

    private static bool IsAbsoluteHttpUrl(string? url)
        => url is not null
           && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
           && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
