using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>A subject, a cue and the reported clause after it: "X said (that) …", "X told reporters …", "X accused Y
/// of …", "…, saying that …".</summary>
internal sealed class SubjectCuePattern(
    ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ClauseBounds clauses, IndirectDrafts drafts)
{
    // "X said (that) CLAUSE", "X told Y CLAUSE", "X accused Y of CLAUSE", "…, saying that CLAUSE".
    public QuoteDraft? Match(Cue cue, int a, int b, SpeakerPhrase? inherited)
    {
        var word = ctx.Word(cue.First);
        // "… opened the meeting by saying that …": the gerund reports what the subject said.
        var byGerund = ctx.IsWord(cue.First - 1) && ctx.Word(cue.First - 1) == "by"
                       || ctx.Tokens[Math.Max(cue.First - 1, 0)].Kind == TokenKind.Punctuation && ctx.First(cue.First - 1) is '\u2013' or '\u2014';
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !ctx.IsPunct(cue.First - 1, ',') && !byGerund)
        {
            // A gerund ("after reporting that …") reports nothing by itself.
            return null;
        }

        SpeakerPhrase? subject = null;
        if (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && cue.First > a && (ctx.IsPunct(cue.First - 1, ',') || byGerund))
        {
            // A participle shares the subject of its sentence: "She left an hour later, saying that …".
            // "…,'' he said, adding that …": the subject of the verb before the comma.
            subject = inherited
                      ?? (cue.First - 2 > a && ctx.IsWord(cue.First - 2) && cues.At(cue.First - 2) is { AccordingTo: false } before
                          ? phrases.Before(before.First, a)
                          : null)
                      ?? phrases.InWindow(a, Math.Min(a + 6, cue.First), preferRight: false);
            if (subject is not null && ctx.InsideQuote(subject.Span.Start))
            {
                subject = null;
            }
        }

        subject ??= phrases.Before(cue.First, a);
        if (subject is null && cue.First - 1 > a && ctx.IsWord(cue.First - 1) && ctx.Word(cue.First - 1) is "but" or "and")
        {
            // "X welcomed the decision but warned that …": a second verb shares the subject the sentence opened with.
            subject = phrases.InWindow(a, Math.Min(a + 8, cue.First - 1), preferRight: false);
            if (subject is not null && (ctx.InsideQuote(subject.Span.Start) || subject.Kind == PhraseKind.Pronoun && subject.Span.Of(ctx.Text) is "It" or "it"))
            {
                subject = null;
            }
        }

        if (subject is null || subject.Kind == PhraseKind.Pronoun && subject.Span.Of(ctx.Text) is "It" or "it"
                                                                  && ctx.IsWord(cue.First - 1) && ctx.Word(cue.First - 1) is "is" or "was")
        {
            return null;
        }

        var start = clauses.ContentStart(cue, b);
        if (start < 0)
        {
            return null;
        }

        var span = clauses.ContentSpan(start, b);
        if (span is null || clauses.Words(span.Value) < ClauseBounds.MinContentWords && !(clauses.Words(span.Value) >= 2 && clauses.HasQuoteMark(span.Value)))
        {
            // Two words are enough when one is somebody's own word in marks: "called the plan “reckless.”"
            return null;
        }

        return drafts.Draft(span.Value, subject, cue, cue.First, b);
    }
}
