using System.Text;
using AngleSharp.Dom;

namespace Platform.Html;

/// <summary>
/// Writes the text of an element as plain lines: each paragraph, heading, list item or quote block on its own line,
/// runs of whitespace (including no-break spaces) collapsed to one space, empty lines dropped. Entities are already
/// decoded by the parser. Captions and figures are skipped here too, because Readability keeps them.
/// </summary>
internal static class BlockText
{
    /// <summary>Elements whose content starts and ends a line.</summary>
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "th", "thead", "tr", "ul",
    };

    /// <summary>Elements whose content is never article text.</summary>
    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "figure", "figcaption", "script", "style", "noscript", "template", "button", "nav", "aside", "footer",
    };

    public static string Write(IElement root)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        // One <br> is a soft break inside a paragraph (a space); two in a row separate paragraphs, as on sites that
        // write paragraphs with <br><br> instead of <p>.
        var afterBreak = false;
        // Iterative depth-first walk (pages can nest deeply): a null entry marks the end of a block element.
        var pending = new Stack<INode?>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case null:
                    EndLine(lines, line);
                    afterBreak = false;
                    break;
                case IText text:
                    AppendCollapsed(line, text.Data);
                    afterBreak &= string.IsNullOrWhiteSpace(text.Data);
                    break;
                case IElement element when SkippedElements.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "br" } when afterBreak:
                    EndLine(lines, line);
                    afterBreak = false;
                    break;
                case IElement { LocalName: "br" }:
                    AppendCollapsed(line, " ");
                    afterBreak = true;
                    break;
                case IElement element:
                    var isBlock = BlockElements.Contains(element.LocalName);
                    if (isBlock)
                    {
                        EndLine(lines, line);
                        afterBreak = false;
                        pending.Push(null);
                    }

                    for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        pending.Push(element.ChildNodes[i]);
                    }

                    break;
            }
        }

        EndLine(lines, line);
        return string.Join('\n', lines.Where(l => !IsCreditLine(l)));
    }

    private static void AppendCollapsed(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                line.Append(c);
            }
        }
    }

    private static void EndLine(List<string> lines, StringBuilder line)
    {
        var text = line.ToString().Trim();
        if (text.Length > 0)
        {
            lines.Add(text);
        }

        line.Clear();
    }

    /// <summary>
    /// Photo credits and lone ad labels that some pages write as plain paragraphs, without a class to find them by
    /// ("Photo: Marek Dunst / Courier", "Advertisement").
    /// </summary>
    private static bool IsCreditLine(string line)
        => line.Length <= 80
           && (line.StartsWith("Photo:", StringComparison.OrdinalIgnoreCase)
               || line.StartsWith("Photograph:", StringComparison.OrdinalIgnoreCase)
               || line.StartsWith("Image:", StringComparison.OrdinalIgnoreCase)
               || line.StartsWith("Credit:", StringComparison.OrdinalIgnoreCase)
               || line.StartsWith("Picture:", StringComparison.OrdinalIgnoreCase)
               || line.Equals("Advertisement", StringComparison.OrdinalIgnoreCase)
               || line.Equals("Ad", StringComparison.OrdinalIgnoreCase));
}
