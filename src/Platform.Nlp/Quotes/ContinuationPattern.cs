using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>"In addition, … “fragment” …" right after a reported clause in the same paragraph: the same source goes on.</summary>
internal sealed class ContinuationPattern(
    ArticleContext ctx, ClauseBounds clauses)
{
    // "In addition, … “fragment” …" right after a reported clause: the same source goes on.
    public (QuoteDraft, int, int)? Match(int a, int b, (QuoteDraft Draft, int Paragraph, int SentenceEnd)? previous,
        IReadOnlyList<QuotedCandidate> quoted)
    {
        if (previous is not { } prev || ctx.ParagraphAt(ctx.Tokens[a].Start) != prev.Paragraph)
        {
            return null;
        }

        var opener = ctx.Word(a);
        var start = a + 1;
        if (ctx.IsWord(a + 1) && (opener + " " + ctx.Word(a + 1)).Equals("In addition", StringComparison.OrdinalIgnoreCase))
        {
            opener = "in addition";
            start = a + 2;
        }

        if (!ClauseWords.ContinuationOpeners.Contains(opener) || start >= b || !ctx.IsPunct(start, ','))
        {
            return null;
        }

        var span = clauses.ContentSpan(start + 1, b);
        if (span is null || !quoted.Any(q => q.Role == QuotedRole.Fragment && q.Words >= ClauseBounds.MinFragmentWords && span.Value.Contains(q.Content)))
        {
            return null;
        }

        var draft = new QuoteDraft
        {
            Span = span.Value,
            Kind = QuoteKind.Mixed,
            InheritsSpeaker = true,
            Cue = prev.Draft.Cue,
            Phrase = prev.Draft.Phrase,
            Channel = prev.Draft.Channel,
            Confidence = QuoteConfidence.Continuation,
        };
        return (draft, -1, -2);
    }
}
