using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Platform.Html;

/// <summary>
/// The article node of a page's JSON-LD (schema.org NewsArticle, Article, BlogPosting and their kinds), found in
/// any <c>application/ld+json</c> script, at the top level, in an array or in an <c>@graph</c>. Authors and the
/// publisher may be names, objects with a name, or <c>{"@id"}</c> references to other nodes of the graph.
/// Scripts that are not valid JSON are skipped: pages often carry broken ones.
/// </summary>
internal sealed record JsonLdArticle(string? Headline, string? Authors, string? DatePublished, string? Url, string? SiteName)
{
    public static JsonLdArticle? Find(IHtmlDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                });
                var nodes = Nodes(json.RootElement).ToList();
                var article = nodes.FirstOrDefault(IsArticle);
                if (article.ValueKind == JsonValueKind.Object)
                {
                    return FromNode(article, nodes);
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // A broken script (bad JSON, or text that is not valid UTF-16) says nothing; the next one or the
                // meta tags may.
            }
        }

        return null;
    }

    private static JsonLdArticle FromNode(JsonElement article, List<JsonElement> nodes)
        => new(
            StringOf(article, "headline") ?? StringOf(article, "name"),
            Names(article, "author", nodes),
            StringOf(article, "datePublished") ?? StringOf(article, "dateCreated"),
            StringOf(article, "url") ?? IdOf(article, "mainEntityOfPage"),
            SiteNameOf(nodes) ?? Names(article, "publisher", nodes));

    /// <summary>The name of the graph's WebSite node: the outlet as readers know it, not its company name.</summary>
    private static string? SiteNameOf(List<JsonElement> nodes)
        => nodes.Where(n => StringOf(n, "@type") == "WebSite").Select(n => PageMetadata.Clean(StringOf(n, "name"))).FirstOrDefault(n => n is not null);

    /// <summary>Every node: the root, array items, and @graph members, recursively.</summary>
    private static IEnumerable<JsonElement> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(Nodes))
            {
                yield return item;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var item in Nodes(graph))
                {
                    yield return item;
                }
            }
        }
    }

    private static bool IsArticle(JsonElement node)
        => node.ValueKind == JsonValueKind.Object && node.TryGetProperty("@type", out var type) && type.ValueKind switch
        {
            JsonValueKind.String => IsArticleType(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticleType(t.GetString())),
            _ => false,
        };

    // NewsArticle, Article, ReportageNewsArticle, AnalysisNewsArticle, OpinionNewsArticle, BlogPosting, ...
    private static bool IsArticleType(string? type)
        => type is not null
           && (type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "LiveBlogPosting");

    /// <summary>"A", "A and B", "A, B and C" from a name, an object, a reference or an array of them.</summary>
    private static string? Names(JsonElement node, string property, List<JsonElement> nodes)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var names = items.Select(item => NameOf(item, nodes)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return names.Count switch
        {
            0 => null,
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    private static string? NameOf(JsonElement item, List<JsonElement> nodes)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return PageMetadata.Clean(item.GetString());
            case JsonValueKind.Object when StringOf(item, "name") is { } name:
                return PageMetadata.Clean(name);
            case JsonValueKind.Object when StringOf(item, "@id") is { } id:
                var target = nodes.FirstOrDefault(n => StringOf(n, "@id") == id && StringOf(n, "name") is not null);
                return target.ValueKind == JsonValueKind.Object ? PageMetadata.Clean(StringOf(target, "name")) : null;
            default:
                return null;
        }
    }

    /// <summary>A string property, or the @id of an object property ("mainEntityOfPage": {"@id": "https://..."}).</summary>
    private static string? IdOf(JsonElement node, string property)
        => node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? StringOf(value, "@id")
            : StringOf(node, property);

    private static string? StringOf(JsonElement node, string property)
        => node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
