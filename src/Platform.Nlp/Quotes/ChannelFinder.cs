using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Finds where a statement was made or who relayed it, from the attribution clause: a platform ("on his Twitter
/// page" → Twitter), an interview or conversation partner ("in an interview with RT" → RT) or a news outlet that
/// relays it ("RIA Novosti quotes …", "… cites Interfax", "told Reuters").
/// </summary>
internal sealed class ChannelFinder(ArticleContext ctx, QuoteLexicon lexicon)
{
    private static readonly HashSet<string> Talks = new(StringComparer.OrdinalIgnoreCase)
    {
        "interview", "conversation", "talk", "briefing", "statement", "appearance", "call", "podcast", "op-ed",
        "column", "article", "letter", "post", "broadcast", "address", "speech", "remarks", "comments",
    };

    /// <summary>The channel named in tokens [from, to), or null.</summary>
    public string? Find(int from, int to)
    {
        to = Math.Min(to, ctx.Tokens.Count);
        for (var t = Math.Max(from, 0); t < to; t++)
        {
            if (!ctx.IsWord(t))
            {
                continue;
            }

            if (Outlet(t, to) is { } outlet)
            {
                // A known platform or outlet anywhere in the attribution clause.
                return outlet;
            }

            var w = ctx.Word(t);
            if (Talks.Contains(w) && t + 1 < to && ctx.IsWord(t + 1)
                && ctx.Word(t + 1).Equals("with", StringComparison.OrdinalIgnoreCase) && t + 2 < to)
            {
                // "in an interview with RT": the partner, when it is named.
                if (ctx.MentionAt(t + 2) is { } m)
                {
                    return m.Span.Of(ctx.Text);
                }

                if (char.IsUpper(ctx.First(t + 2)))
                {
                    return ctx.Word(t + 2);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the text of a phrase is a news outlet: then it relays, it does not speak. ("Twitter said" is the company.)</summary>
    public bool IsOutlet(string name) => lexicon.Channels.TryGetValue(name, out var platform) && !platform
                                         || lexicon.Channels.TryGetValue(StripArticle(name), out platform) && !platform;

    private string? Outlet(int t, int to)
    {
        // Longest listed name starting at token t (names have up to four words).
        for (var n = Math.Min(4, to - t); n >= 1; n--)
        {
            var span = ctx.Text[ctx.Tokens[t].Start..ctx.Tokens[t + n - 1].End];
            if (lexicon.Channels.ContainsKey(span) && (n > 1 || span.Length > 1 && !IsSentenceInitial(t)))
            {
                return span;
            }
        }

        return null;
    }

    private bool IsSentenceInitial(int t) => t == 0 || ctx.Tokens[t - 1].Kind == TokenKind.Punctuation && ctx.First(t - 1) is '.';

    private static string StripArticle(string name) => name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
}
