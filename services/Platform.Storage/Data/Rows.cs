namespace Platform.Storage.Data;

// Rows as they are stored. Offsets are code points, as on the wire. Dapper fills these by column name
// (snake_case columns match PascalCase properties), so SELECTs alias columns to the property names.

/// <summary>One article.</summary>
internal sealed record ArticleRow
{
    public required string Id { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Source { get; init; }

    public DateTime? PublishedAt { get; init; }

    public required string Text { get; init; }

    /// <summary>SHA-256 of the UTF-8 text.</summary>
    public required byte[] ContentHash { get; init; }

    public required string EngineVersion { get; init; }
}

/// <summary>One entity of an article; <see cref="Type"/> is the upper-case type name ("PERSON").</summary>
internal sealed record EntityRow
{
    public required string EntityKey { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public int MentionCount { get; init; }

    /// <summary>
    /// "FEMALE", "MALE" or "UNKNOWN": the gender the article gives a person; null when the analysis did not say.
    /// </summary>
    public string? Gender { get; init; }
}

/// <summary>One mention of an entity.</summary>
internal sealed record MentionRow
{
    public required string EntityKey { get; init; }

    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    public required string Text { get; init; }
}

/// <summary>One quote of an article; <see cref="Kind"/> is "DIRECT", "INDIRECT" or "MIXED".</summary>
internal record QuoteRow
{
    public int QuoteIndex { get; init; }

    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    public required string Text { get; init; }

    public required string Kind { get; init; }

    public string? SpeakerName { get; init; }

    public string? SpeakerEntityKey { get; init; }

    public int? SpeakerStart { get; init; }

    public int? SpeakerEnd { get; init; }

    public string? Cue { get; init; }

    public string? Channel { get; init; }

    public float Confidence { get; init; }

    /// <summary>The speaker's registry id (<c>known_entities.id</c>), when there is a speaker.</summary>
    public long? SpeakerId { get; init; }

    /// <summary>Keys of the entities mentioned inside the quote.</summary>
    public string[] EntityKeys { get; init; } = [];

    /// <summary>The group of near-identical quotes across articles (<c>quote_groups.id</c>); null when not grouped.</summary>
    public long? GroupId { get; init; }
}

/// <summary>A quote found by a search, with the article it comes from.</summary>
internal record QuoteHitRow : QuoteRow
{
    /// <summary>The article's ingest order: the keyset of quote searches.</summary>
    public long ArticleSeq { get; init; }

    /// <summary>Relevance to the text searched (0 when not ranked).</summary>
    public float Rank { get; init; }

    public required string ArticleId { get; init; }

    public string? ArticleTitle { get; init; }

    public string? ArticleSource { get; init; }

    public DateTime? PublishedAt { get; init; }
}

/// <summary>One quote with its article's text, for showing the quote in context.</summary>
internal sealed record QuoteInArticleRow : QuoteHitRow
{
    public required string ArticleText { get; init; }
}

/// <summary>An article with everything found in it: the unit that is stored in one transaction.</summary>
internal sealed record ArticleRecord(
    ArticleRow Article,
    IReadOnlyList<EntityRow> Entities,
    IReadOnlyList<MentionRow> Mentions,
    IReadOnlyList<QuoteRow> Quotes);

/// <summary>Registry ids of one article's entities (by entity key) and of each quote's speaker (by quote index).</summary>
internal sealed record ResolvedArticle(IReadOnlyDictionary<string, long> EntityIds, long?[] SpeakerIds);

/// <summary>A new article ready to be written: its rows, its ingest order and its registry ids.</summary>
internal sealed record StagedArticle(ArticleRecord Record, long Seq, ResolvedArticle Resolved);

/// <summary>One group of near-identical quotes across articles.</summary>
internal sealed record QuoteGroupRow
{
    public long Id { get; init; }

    /// <summary>The text of the quote that founded the group.</summary>
    public required string Representative { get; init; }

    public int QuoteCount { get; init; }

    public int ArticleCount { get; init; }

    /// <summary>The earliest publication time among the group's quotes (null when none has one).</summary>
    public DateTime? FirstPublishedAt { get; init; }

    /// <summary>The ingest order of the article of the group's first appearance.</summary>
    public long? FirstArticleSeq { get; init; }

    public int? FirstQuoteIndex { get; init; }
}
