using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>"According to X, …", "…, according to X." and the aside "Turnout, according to X, has doubled."</summary>
internal sealed class AccordingToPattern(
    ArticleContext ctx, SpeakerPhraseFinder phrases, ClauseBounds clauses, IndirectDrafts drafts)
{
    // "According to X, CLAUSE." and "CLAUSE, according to X."
    public QuoteDraft? Match(Cue cue, int first, int b)
    {
        if (cue.First == first)
        {
            var comma = clauses.NextComma(cue.Last + 1, b);
            if (comma < 0)
            {
                return null;
            }

            // An appositive after the source: "According to X, deputy director of …, the bill …".
            var next = clauses.NextComma(comma + 1, b);
            if (next > 0 && next - comma <= 16 && ctx.IsWord(comma + 1) && clauses.IsRoleStart(comma + 1))
            {
                comma = next;
            }

            var source = phrases.InWindow(cue.Last + 1, comma, preferRight: false) ?? drafts.Generic(cue.Last + 1, comma);
            var span = clauses.ContentSpan(comma + 1, b);
            if (source is null || span is null || clauses.Words(span.Value) < ClauseBounds.MinContentWords)
            {
                return null;
            }

            return drafts.Draft(span.Value, source, cue, cue.First, b);
        }

        if (cue.First > first && ctx.IsPunct(cue.First - 1, ','))
        {
            // An aside inside the clause: "Turnout, according to the county, has doubled since 2016."
            var close = clauses.NextComma(cue.Last + 1, b);
            if (close > 0 && close - cue.Last <= 12 && !clauses.HasFiniteVerb(first - 1, cue.First - 1) && clauses.HasFiniteVerb(close, b)
                && clauses.ContentSpan(close + 1, b) is { } rest && clauses.Words(rest) >= ClauseBounds.MinContentWords)
            {
                var asideSource = phrases.InWindow(cue.Last + 1, close, preferRight: false) ?? drafts.Generic(cue.Last + 1, close);
                var whole = clauses.ContentSpan(first, b);
                if (asideSource is not null && whole is not null)
                {
                    return drafts.Draft(whole.Value, asideSource, cue, cue.First, b);
                }
            }

            var source = phrases.InWindow(cue.Last + 1, b, preferRight: false) ?? drafts.Generic(cue.Last + 1, b);
            var span = clauses.ContentSpan(first, cue.First - 1);
            if (source is null || span is null || clauses.Words(span.Value) < ClauseBounds.MinLeadingContentWords)
            {
                return null;
            }

            return drafts.Draft(span.Value, source, cue, cue.First, b);
        }

        return null;
    }
}
