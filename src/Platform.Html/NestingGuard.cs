namespace Platform.Html;

/// <summary>
/// A linear pre-scan that bounds how deeply a page nests its elements. HTML parsers (AngleSharp included) and
/// Readability spend time proportional to the nesting depth for every element, so a page of a few megabytes of
/// unclosed <c>&lt;div&gt;</c> would take minutes; no real page nests anywhere near the limit.
/// </summary>
/// <remarks>
/// The count is an upper bound of the parser's stack of open elements: start tags that are not void, not
/// self-closed and not of the elements whose end tag may be left out (p, li, td, …, which close themselves) add
/// one; end tags take one away. "/>" closes an element only inside svg and math, as in the parser: elsewhere
/// <c>&lt;div/&gt;</c> opens a div. Comments and the text of script, style and similar elements are skipped, so that
/// markup inside a script string does not count.
/// </remarks>
internal static class NestingGuard
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements: never have content.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "keygen", "frame",
        // Elements whose end tag may be omitted: the next sibling closes them.
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "rb", "rt", "rtc",
        "rp", "colgroup", "caption", "html", "head", "body",
    };

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

    /// <summary>Whether the page may open more than <paramref name="limit"/> elements inside each other.</summary>
    public static bool IsDeeperThan(string html, int limit)
    {
        var depth = 0;
        var foreign = 0; // open svg and math elements, inside which "/>" closes an element
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var name = html[nameStart..nameEnd];
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var isForeignRoot = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
            var selfClosed = html[tagEnd - 1] == '/' && (foreign > 0 || isForeignRoot);
            if (closing)
            {
                depth = NotNesting.Contains(name) ? depth : Math.Max(0, depth - 1);
                foreign = isForeignRoot ? Math.Max(0, foreign - 1) : foreign;
            }
            else if (RawTextElements.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                tagEnd = SkipPast(html, tagEnd, "</" + name) - 1;
            }
            else if (!NotNesting.Contains(name) && !selfClosed)
            {
                foreign += isForeignRoot ? 1 : 0;
                if (++depth > limit)
                {
                    return true;
                }
            }

            i = tagEnd + 1;
        }

        return false;
    }

    private static int SkipPast(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + marker.Length;
    }
}
