using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>"As X noted, …" and "As noted by X, …".</summary>
internal sealed class AsClausePattern(
    SpeakerPhraseFinder phrases, ClauseBounds clauses, IndirectDrafts drafts)
{
    // "As X noted, CLAUSE." / "As noted by X, CLAUSE."
    public QuoteDraft? Match(Cue cue, int first, int b)
    {
        var comma = clauses.NextComma(cue.Last + 1, b);
        if (comma < 0 || comma - first > 16)
        {
            return null;
        }

        var source = phrases.InWindow(first + 1, cue.First, preferRight: true)
                     ?? phrases.InWindow(cue.Last + 1, comma, preferRight: true);
        var span = clauses.ContentSpan(comma + 1, b);
        if (source is null || span is null || clauses.Words(span.Value) < ClauseBounds.MinContentWords)
        {
            return null;
        }

        return drafts.Draft(span.Value, source, cue, first, comma);
    }
}
