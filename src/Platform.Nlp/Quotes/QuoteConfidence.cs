namespace Platform.Nlp.Quotes;

/// <summary>
/// How sure the rules are of a quote, named by the evidence that found it. The numbers are reported with every quote
/// and also decide which of two overlapping drafts is kept (the more confident one), so their order matters more than
/// their values: a named speaker with a cue beats a bare pair of quotation marks, which beats a guess.
/// </summary>
internal static class QuoteConfidence
{
    /// <summary>A direct quote whose own clause names its speaker with a cue: "“…,” said Elena Marsh".</summary>
    public const float NamedSpeakerWithCue = 0.9f;

    /// <summary>A direct quote whose own clause gives a pronoun or description with a cue: "“…,” she said".</summary>
    public const float DescribedSpeakerWithCue = 0.75f;

    /// <summary>A direct quote signed by a name after a dash: "“…” ― Elena Marsh".</summary>
    public const float SignedAfterDash = 0.7f;

    /// <summary>Reported speech after a verb of speaking: "Marsh said that …".</summary>
    public const float IndirectAfterSpeechVerb = 0.7f;

    /// <summary>A direct quote with a speaker named right before a colon and no cue: "Elena Marsh: “…”".</summary>
    public const float NamedBeforeColon = 0.6f;

    /// <summary>Quotation marks around speech, before any attribution.</summary>
    public const float QuotationMarks = 0.6f;

    /// <summary>The most a quote that inherits the speaker of the quote before it can have.</summary>
    public const float InheritedSpeakerAtMost = 0.6f;

    /// <summary>Reported content after a verb that reports but is not speech ("believes", "found").</summary>
    public const float IndirectAfterOtherVerb = 0.5f;

    /// <summary>A line that a speaker label introduces: "Marsh: the harbour will reopen".</summary>
    public const float SpeakerLabel = 0.5f;

    /// <summary>A paragraph that continues the previous quote without a cue of its own.</summary>
    public const float Continuation = 0.5f;

    /// <summary>A reported question whose asker was not found.</summary>
    public const float QuestionWithoutAsker = 0.4f;

    /// <summary>A report the rules missed and the learned tagger found (below every rule finding).</summary>
    public const float LearnedReport = 0.45f;

    /// <summary>Reported speech with a verbatim fragment, before attribution.</summary>
    public const float Mixed = 0.4f;

    /// <summary>The most a quote left without any speaker can have.</summary>
    public const float WithoutSpeakerAtMost = 0.4f;
}
