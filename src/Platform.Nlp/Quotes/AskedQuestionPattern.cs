using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>A question put to somebody: "… when asked (by a reporter) whether …", "after being asked about …".</summary>
internal sealed class AskedQuestionPattern(
    ArticleContext ctx, SpeakerPhraseFinder phrases, ClauseBounds clauses, IndirectDrafts drafts)
{
    // "… when asked (by a reporter) whether …" / "after being asked about …": the question put to somebody. The asker
    // is the source when named after "by"; otherwise the quote has no speaker of its own.
    public QuoteDraft? Match(Cue cue, int b)
    {
        if (!ctx.Word(cue.First).Equals("asked", StringComparison.Ordinal)
            || !(ctx.LowerWord(cue.First - 1) is "when" or "after" or "if" or "once" or "being" or "was" or "were"))
        {
            return null;
        }

        var k = cue.Last + 1;
        SpeakerPhrase? asker = null;
        if (ctx.Word(k) == "by")
        {
            var end = k + 1;
            while (end < b && end <= k + 7 && (ctx.IsWord(end) || clauses.IsTitleDot(end)) && !(ctx.Word(end) is "about" or "whether" or "if" or "what" or "why" or "how" or "who" or "when" or "where" or "to"))
            {
                end++;
            }

            asker = phrases.InWindow(k + 1, end, preferRight: false) ?? drafts.Generic(k + 1, end);
            k = end;
        }

        k = clauses.SkipTime(k, b);
        if (k >= b || !(ctx.Word(k) is "about" or "whether" or "if" or "what" or "why" or "how" or "who" or "when" or "where"))
        {
            return null;
        }

        // A leading "When asked about X, she …" ends at its comma; a trailing one runs to the end of the sentence.
        var leading = char.IsUpper(ctx.Word(cue.First - 1)[0]) || ctx.Word(cue.First - 1) == "being" && ctx.IsWord(cue.First - 2)
                      && char.IsUpper(ctx.Word(cue.First - 2)[0]);
        var comma = leading ? clauses.NextComma(k, b) : -1;
        var span = clauses.ContentSpan(k, comma > 0 ? comma : b);
        if (span is null || clauses.Words(span.Value) < ClauseBounds.MinContentWords)
        {
            return null;
        }

        if (asker is not null)
        {
            return drafts.Draft(span.Value, asker, cue, cue.First, b);
        }

        return new QuoteDraft { Span = span.Value, Kind = QuoteKind.Indirect, Cue = cue.Span.Of(ctx.Text), Confidence = QuoteConfidence.QuestionWithoutAsker, SourceUnnamed = true };
    }
}
