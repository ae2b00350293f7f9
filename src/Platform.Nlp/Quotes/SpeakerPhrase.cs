using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes;

/// <summary>How a speaker is referred to at the point of attribution.</summary>
internal enum PhraseKind
{
    /// <summary>A named entity: "Maria Zakharova", "the Kremlin", "Moscow".</summary>
    Name,
    /// <summary>A personal pronoun: "she", "him", "they".</summary>
    Pronoun,
    /// <summary>A description by role: "the expert", "the head of the ministry", "analysts".</summary>
    Description,
}

/// <summary>The words that name or point to a speaker next to a cue.</summary>
/// <param name="Span">The span to report as the speaker mention.</param>
/// <param name="Mention">The entity mention, for names.</param>
/// <param name="Roles">Roles the description fits, for descriptions.</param>
/// <param name="Plural">Whether the phrase is plural ("analysts", "they").</param>
/// <param name="Possessor">For a description of someone through a named possessor ("Ada Brook's lawyer"), the name:
/// the speaker is somebody else than that entity.</param>
internal sealed record SpeakerPhrase(TextSpan Span, PhraseKind Kind, MentionRef? Mention, string[]? Roles, bool Plural, MentionRef? Possessor = null);
