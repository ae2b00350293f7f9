using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes.Ranking;

/// <summary>One phrase that may name a quote's speaker, with the features the ranker scores it by.</summary>
/// <param name="Phrase">The phrase, or null for "no speaker phrase of its own" (the quote then inherits, as the rules do).</param>
/// <param name="IsRuleChoice">Whether the rules chose this phrase (or chose none, for the null candidate).</param>
/// <param name="Features">The features; the score is the sum of their weights.</param>
internal sealed record SpeakerCandidate(SpeakerPhrase? Phrase, bool IsRuleChoice, FeatureVector Features)
{
    /// <summary>The span reported as the speaker mention, if any.</summary>
    public TextSpan? Span => Phrase?.Span;
}
