namespace Platform.Nlp.Analysis;

/// <summary>What the engine found in one text.</summary>
/// <param name="Quotes">Quotes in text order.</param>
/// <param name="Entities">Entities ordered by first mention.</param>
public sealed record TextAnalysis(IReadOnlyList<Quote> Quotes, IReadOnlyList<Entity> Entities)
{
    public static TextAnalysis Empty { get; } = new([], []);

    /// <summary>
    /// Stages that failed on this text and gave no output (empty when all ran). The engine never throws over one
    /// article, so this is how a bug reaches the host, which logs and counts it instead of storing silently less.
    /// </summary>
    public IReadOnlyList<StageFailure> Failures { get; init; } = [];
}

/// <summary>A stage of the engine that failed on one text.</summary>
/// <param name="Stage">The stage: <see cref="QuotesStage"/>.</param>
/// <param name="Error">What it threw.</param>
public sealed record StageFailure(string Stage, Exception Error)
{
    /// <summary>Quote finding and attribution.</summary>
    public const string QuotesStage = "quotes";
}

/// <summary>How a quotation is rendered.</summary>
public enum QuoteKind
{
    /// <summary>Verbatim words inside quotation marks.</summary>
    Direct,
    /// <summary>Reported speech without marks.</summary>
    Indirect,
    /// <summary>Reported speech containing a verbatim fragment.</summary>
    Mixed,
}

/// <summary>The type of a named entity.</summary>
public enum EntityType
{
    Person,
    Org,
    Loc,
    Norp,
    Misc,
    Date,
    Money,
}

/// <summary>
/// A person's gender as the text gives it (see <see cref="Entities.PersonGender"/>); <see cref="Unknown"/> for
/// persons without clear evidence and for everything that is not a person.
/// </summary>
public enum Gender
{
    /// <summary>No evidence, conflicting evidence, an ambiguous first name, or not a person.</summary>
    Unknown,
    /// <summary>Female pronouns or honorifics for the person, or (without either) a female first name.</summary>
    Female,
    /// <summary>Male pronouns or honorifics for the person, or (without either) a male first name.</summary>
    Male,
}

/// <summary>One occurrence of an entity.</summary>
public sealed record EntityMention(TextSpan Span, string Text);

/// <summary>One real-world entity of a text with all its mentions.</summary>
/// <param name="Id">Index of the entity in <see cref="TextAnalysis.Entities"/>.</param>
/// <param name="Name">Canonical name: the longest full name used for it in the text.</param>
public sealed record Entity(int Id, string Name, EntityType Type, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>The person's gender as the text gives it; always <see cref="Gender.Unknown"/> for other types.</summary>
    public Gender Gender { get; init; }
}

/// <summary>Who said a quote.</summary>
/// <param name="Name">Canonical name of the speaker (the entity's name when <paramref name="EntityId"/> is set).</param>
/// <param name="EntityId">Index of the speaker's entity, or null when the speaker is not a named entity.</param>
/// <param name="Mention">The span signalling the attribution (name, pronoun, description), if any.</param>
public sealed record Speaker(string Name, int? EntityId, TextSpan? Mention);

/// <summary>One quotation.</summary>
/// <param name="Span">The quoted words (without the marks for direct quotes).</param>
/// <param name="Cue">The reporting verb or phrase as written, or null.</param>
/// <param name="Channel">Where it was said or who reported it, or null.</param>
/// <param name="Confidence">0 to 1.</param>
/// <param name="EntityIds">Entities mentioned inside the quote.</param>
public sealed record Quote(
    TextSpan Span,
    string Text,
    QuoteKind Kind,
    Speaker? Speaker,
    string? Cue,
    string? Channel,
    float Confidence,
    IReadOnlyList<int> EntityIds);
