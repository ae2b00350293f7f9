using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>Builds the quote drafts and fallback sources the reported-speech patterns share.</summary>
internal sealed class IndirectDrafts(ArticleContext ctx, ChannelFinder channels)
{
    // An indirect quote of the clause by the subject; the channel is searched around the cue and the clause, and a
    // news outlet as the subject ("Reuters reported …") is the channel itself.
    public QuoteDraft Draft(TextSpan span, SpeakerPhrase subject, Cue cue, int clauseFrom, int clauseTo)
    {
        var relay = subject.Kind == PhraseKind.Name && channels.IsOutlet(subject.Span.Of(ctx.Text));
        return new QuoteDraft
        {
            Span = span,
            Kind = QuoteKind.Indirect,
            Phrase = subject,
            Cue = cue.Span.Of(ctx.Text),
            Channel = relay ? subject.Span.Of(ctx.Text) : channels.Find(Math.Min(cue.First, clauseFrom), Math.Max(cue.Last + 1, clauseTo)),
            Confidence = (cue.Traits & VerbTraits.Speech) != 0 ? QuoteConfidence.IndirectAfterSpeechVerb : QuoteConfidence.IndirectAfterOtherVerb,
        };
    }

    // Any noun phrase as a source: "according to a new poll".
    public SpeakerPhrase? Generic(int from, int to)
    {
        while (to > from && !ctx.IsWord(to - 1) && ctx.Tokens[to - 1].Kind != TokenKind.Number)
        {
            to--;
        }

        if (to <= from || to - from > 12)
        {
            return null;
        }

        return new SpeakerPhrase(new TextSpan(ctx.Tokens[from].Start, ctx.Tokens[to - 1].End), PhraseKind.Description, null, ["group"], false);
    }
}
