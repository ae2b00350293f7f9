using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes;

/// <summary>A quote found but not yet resolved to a canonical speaker.</summary>
internal sealed class QuoteDraft
{
    public required TextSpan Span { get; init; }

    public required QuoteKind Kind { get; set; }

    /// <summary>The phrase naming the speaker, when the quote has its own attribution.</summary>
    public SpeakerPhrase? Phrase { get; set; }

    public string? Cue { get; set; }

    public string? Channel { get; set; }

    /// <summary>A channel the relay speaker implies ("RIA Novosti quotes …") overrides any later guess.</summary>
    public bool ChannelIsExplicit { get; set; }

    /// <summary>Set when the speaker should come from the neighbouring quote (interrupted or continued quotes).</summary>
    public bool InheritsSpeaker { get; set; }

    /// <summary>The text says the source is nobody named ("when asked why …"): no speaker is to be looked for.</summary>
    public bool SourceUnnamed { get; init; }

    public float Confidence { get; set; }

    /// <summary>
    /// The rules' named speaker when the ranker chose a pronoun or a description as the mention instead: the quote
    /// keeps that name and reports the ranker's mention.
    /// </summary>
    public SpeakerPhrase? NamedByRules { get; set; }

    /// <summary>The first token of the cue, or -1: where the speaker ranker measures distances from.</summary>
    public int CueToken { get; set; } = -1;

    public Speaker? Speaker { get; set; }
}
