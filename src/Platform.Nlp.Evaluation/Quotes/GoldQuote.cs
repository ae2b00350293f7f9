using Platform.Nlp.Analysis;

namespace Platform.Nlp.Evaluation.Quotes;

/// <summary>One annotated quote, with offsets already converted to UTF-16 indices of the document text.</summary>
/// <param name="Speaker">The resolved speaker (seed) or the source text as written (PolNeAR); several separated by ';'.</param>
/// <param name="SpeakerMention">The span naming the speaker, if annotated.</param>
/// <param name="Fragments">The parts of a discontinuous quote (PolNeAR annotates "A," he said. "B." as one item).</param>
public sealed record GoldQuote(
    TextSpan Span, QuoteKind Kind, string? Speaker, TextSpan? SpeakerMention, string? Cue,
    IReadOnlyList<TextSpan>? Fragments = null);

/// <summary>An annotated document.</summary>
/// <param name="NonQuotes">Spans in quotation marks (or caption lines) that must not come out as quotes.</param>
/// <param name="SpeakersResolved">Whether <see cref="GoldQuote.Speaker"/> is a resolved canonical name (no coreference gold otherwise).</param>
public sealed record GoldDocument(
    string Id, string Text, IReadOnlyList<GoldQuote> Quotes, IReadOnlyList<TextSpan> NonQuotes, bool SpeakersResolved);
