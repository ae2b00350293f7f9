namespace Platform.Storage.Data;

// Rows as they are stored. Offsets are code points, as on the wire. Positional records are materialized by Dapper
// through their constructors, so every SELECT lists its columns in constructor order.

/// <summary>One article.</summary>
internal sealed record ArticleRow(
    string Id,
    string? Url,
    string? Title,
    string? Source,
    DateTime? PublishedAt,
    string Text,
    byte[] ContentHash,
    string EngineVersion);

/// <summary>One entity of an article; <see cref="Type"/> is the upper-case type name ("PERSON").</summary>
internal sealed record EntityRow(string EntityKey, string Name, string Type, int MentionCount);

/// <summary>One mention of an entity.</summary>
internal sealed record MentionRow(string EntityKey, int StartOffset, int EndOffset, string Text);

/// <summary>One quote of an article; <see cref="Kind"/> is "DIRECT", "INDIRECT" or "MIXED".</summary>
internal sealed record QuoteRow(
    int QuoteIndex,
    int StartOffset,
    int EndOffset,
    string Text,
    string Kind,
    string? SpeakerName,
    string? SpeakerEntityKey,
    int? SpeakerStart,
    int? SpeakerEnd,
    string? Cue,
    string? Channel,
    float Confidence,
    string[] EntityKeys);

/// <summary>An article with everything found in it: the unit that is stored in one transaction.</summary>
internal sealed record ArticleRecord(
    ArticleRow Article,
    IReadOnlyList<EntityRow> Entities,
    IReadOnlyList<MentionRow> Mentions,
    IReadOnlyList<QuoteRow> Quotes);

/// <summary>A quote found by a search, with the article it comes from.</summary>
internal sealed record QuoteHitRow(
    long ArticleSeq,
    string ArticleId,
    string? ArticleTitle,
    string? ArticleSource,
    DateTime? PublishedAt,
    int QuoteIndex,
    int StartOffset,
    int EndOffset,
    string Text,
    string Kind,
    string? SpeakerName,
    string? SpeakerEntityKey,
    int? SpeakerStart,
    int? SpeakerEnd,
    string? Cue,
    string? Channel,
    float Confidence,
    string[] EntityKeys)
{
    public QuoteRow ToQuoteRow() => new(QuoteIndex, StartOffset, EndOffset, Text, Kind, SpeakerName, SpeakerEntityKey,
        SpeakerStart, SpeakerEnd, Cue, Channel, Confidence, EntityKeys);
}

/// <summary>An entity aggregated over all articles by canonical name and type.</summary>
internal sealed record EntitySummaryRow(string Name, string Type, long MentionCount, long ArticleCount);
