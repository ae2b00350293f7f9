using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Platform.Html;

/// <summary>
/// Removes what surrounds a story on a news page: navigation, ads, share buttons, related links, photo captions and
/// credits, comments, forms, scripts and styles. Runs before the content is chosen, while class names and roles
/// (which Readability strips) are still there to tell furniture from story.
/// </summary>
internal static class Boilerplate
{
    /// <summary>Elements that never hold story text.</summary>
    private const string FurnitureSelector =
        "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, textarea, " +
        "nav, aside, footer, figure, figcaption, dialog, menu, " +
        "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=dialog], [role=banner], " +
        "[role=contentinfo], [role=search]";

    /// <summary>
    /// Words that mark furniture when they appear in an element's class or id, compared whole after splitting on
    /// '-', '_' and spaces, so that "ad-slot" and "inline-ad" match while "header" and "lead" do not.
    /// </summary>
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "sponsored", "promo", "banner", "leaderboard",
        "share", "sharing", "social", "sharebar",
        "related", "recommended", "recommendations", "more", "most", "trending", "outbrain", "taboola",
        "comment", "comments", "disqus", "discussion",
        "caption", "credit", "credits", "copyright",
        "newsletter", "subscribe", "subscription", "paywall", "cookie", "cookies", "consent", "popup", "modal",
        "breadcrumb", "breadcrumbs", "menu", "sidebar", "widget", "tags", "topics", "masthead", "colophon", "footer",
        // Story furniture: the headline block's byline, date and label lines; the metadata is read before this.
        "byline", "dateline", "kicker", "author", "timestamp", "meta",
    };

    public static void Remove(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(FurnitureSelector).ToList())
        {
            element.Remove();
        }

        // A date standing alone between blocks is a dateline; a date inside a sentence ("on <time>Friday</time>") is text.
        foreach (var time in document.QuerySelectorAll("time").Where(t => t.ParentElement?.LocalName is "article" or "div" or "section" or "header" or "main" or "body").ToList())
        {
            time.Remove();
        }

        // Top-down with an explicit stack (pages can nest deeply): a removed container takes its children along.
        var pending = new Stack<IElement>(document.Body?.Children ?? Enumerable.Empty<IElement>());
        while (pending.TryPop(out var element))
        {
            if (IsFurniture(element))
            {
                element.Remove();
                continue;
            }

            foreach (var child in element.Children)
            {
                pending.Push(child);
            }
        }
    }

    private static bool IsFurniture(IElement element)
        => !IsStoryContainer(element)
           && (HasFurnitureWord(element.ClassName) || HasFurnitureWord(element.Id)
           || IsHiddenByStyle(element.GetAttribute("style")));

    /// <summary>
    /// Containers that are kept whatever their class says: sites put state such as "comments-open" or
    /// "has-related" on the story element itself.
    /// </summary>
    private static bool IsStoryContainer(IElement element)
        => element.LocalName is "article" or "main"
           || string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase);

    private static bool HasFurnitureWord(string? names)
        => names is not null
           && names.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Any(FurnitureWords.Contains);

    private static bool IsHiddenByStyle(string? style)
        => style is not null
           && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
}
