using Google.Protobuf.WellKnownTypes;
using Platform.Storage.Data;
using Platform.Storage.Store;
using Platform.V1;

namespace Platform.Storage.Ingest;

/// <summary>Maps between the wire messages and the stored rows, both ways.</summary>
internal static class RecordMapper
{
    public static ArticleRecord ToRecord(Article article, ArticleAnalysis analysis)
    {
        var row = new ArticleRow
        {
            Id = article.Id,
            Url = NullIfEmpty(article.Url),
            Title = NullIfEmpty(article.Title),
            Source = NullIfEmpty(article.Source),
            PublishedAt = WholeMicroseconds(article.PublishedAt?.ToDateTime()),
            Text = article.Text,
            ContentHash = ArticleStore.HashText(article.Text),
            EngineVersion = analysis.EngineVersion,
        };
        var entities = analysis.Entities
            .Select(e => new EntityRow
            {
                EntityKey = e.Id,
                Name = e.Name,
                Type = EntityTypeNames.Name(e.Type),
                MentionCount = e.Mentions.Count,
                // Only persons are gendered, whatever a client sends.
                Gender = e.Type != EntityType.Person && e.Gender is Gender.Female or Gender.Male ? "UNKNOWN" : GenderName(e.Gender),
            })
            .ToList();
        var mentions = analysis.Entities
            .SelectMany(e => e.Mentions.Select(m => new MentionRow { EntityKey = e.Id, StartOffset = m.Start, EndOffset = m.End, Text = m.Text }))
            // The same span listed twice for one entity is stored once.
            .DistinctBy(m => (m.EntityKey, m.StartOffset, m.EndOffset))
            .ToList();
        var quotes = analysis.Quotes
            .Select((q, i) => new QuoteRow
            {
                QuoteIndex = i,
                StartOffset = q.Start,
                EndOffset = q.End,
                Text = q.Text,
                Kind = KindName(q.Kind),
                SpeakerName = NullIfEmpty(q.Speaker?.Name),
                SpeakerEntityKey = NullIfEmpty(q.Speaker?.EntityId),
                SpeakerStart = q.Speaker?.Mention?.Start,
                SpeakerEnd = q.Speaker?.Mention?.End,
                Cue = NullIfEmpty(q.Cue),
                Channel = NullIfEmpty(q.Channel),
                Confidence = q.Confidence,
                EntityKeys = [.. q.EntityIds],
            })
            .ToList();
        return new ArticleRecord(row, entities, mentions, quotes);
    }

    public static Article ToArticle(ArticleRow row) => new()
    {
        Id = row.Id,
        Url = row.Url ?? string.Empty,
        Title = row.Title ?? string.Empty,
        Source = row.Source ?? string.Empty,
        PublishedAt = ToTimestamp(row.PublishedAt),
        Text = row.Text,
    };

    public static ArticleAnalysis ToAnalysis(ArticleRecord record)
    {
        var analysis = new ArticleAnalysis { ArticleId = record.Article.Id, EngineVersion = record.Article.EngineVersion };
        var mentionsByEntity = record.Mentions.ToLookup(m => m.EntityKey, StringComparer.Ordinal);
        foreach (var entity in record.Entities)
        {
            var message = new Entity { Id = entity.EntityKey, Name = entity.Name, Type = EntityTypeNames.Parse(entity.Type), Gender = ParseGender(entity.Gender) };
            message.Mentions.AddRange(mentionsByEntity[entity.EntityKey]
                .Select(m => new EntityMention { Start = m.StartOffset, End = m.EndOffset, Text = m.Text }));
            analysis.Entities.Add(message);
        }

        analysis.Quotes.AddRange(record.Quotes.Select(ToQuote));
        return analysis;
    }

    public static Quote ToQuote(QuoteRow row)
    {
        var quote = new Quote
        {
            Start = row.StartOffset,
            End = row.EndOffset,
            Text = row.Text,
            Kind = ParseKind(row.Kind),
            Cue = row.Cue ?? string.Empty,
            Channel = row.Channel ?? string.Empty,
            Confidence = row.Confidence,
        };
        if (row.SpeakerName is not null || row.SpeakerStart is not null)
        {
            quote.Speaker = new Speaker
            {
                Name = row.SpeakerName ?? string.Empty,
                EntityId = row.SpeakerEntityKey ?? string.Empty,
                Mention = row.SpeakerStart is { } start && row.SpeakerEnd is { } end ? new TextSpan { Start = start, End = end } : null,
            };
        }

        quote.EntityIds.AddRange(row.EntityKeys);
        return quote;
    }

    public static QuoteHit ToHit(QuoteHitRow row) => new()
    {
        Quote = ToQuote(row),
        ArticleId = row.ArticleId,
        ArticleTitle = row.ArticleTitle ?? string.Empty,
        ArticleSource = row.ArticleSource ?? string.Empty,
        PublishedAt = ToTimestamp(row.PublishedAt),
        SpeakerId = row.SpeakerId ?? 0,
        Rank = row.Rank,
        QuoteIndex = row.QuoteIndex,
        GroupId = row.GroupId ?? 0,
    };

    public static QuoteGroup ToGroup(QuoteGroupRow row, IReadOnlyList<QuoteHitRow> quotes) => new()
    {
        Id = row.Id,
        Representative = row.Representative,
        QuoteCount = row.QuoteCount,
        ArticleCount = row.ArticleCount,
        FirstPublishedAt = ToTimestamp(row.FirstPublishedAt),
        // The quotes come in order of appearance, so the first is the first appearance (an id the group row keeps
        // only as an ingest order).
        FirstArticleId = quotes.Count > 0 ? quotes[0].ArticleId : string.Empty,
        FirstQuoteIndex = quotes.Count > 0 ? quotes[0].QuoteIndex : row.FirstQuoteIndex ?? 0,
    };

    public static EntitySummary ToSummary(KnownEntityRow row)
    {
        var summary = new EntitySummary
        {
            Id = row.Id,
            Name = row.Name,
            Type = EntityTypeNames.Parse(row.Type),
            MentionCount = row.MentionCount,
            QuoteCount = row.QuoteCount,
            ArticleCount = row.ArticleCount,
            FirstSeen = ToTimestamp(row.FirstSeen),
            LastSeen = ToTimestamp(row.LastSeen),
            Gender = ParseGender(row.Gender),
        };
        summary.Aliases.AddRange(row.Aliases);
        return summary;
    }

    /// <summary>The stored name of a gender ("FEMALE", "MALE", "UNKNOWN"; null when not set).</summary>
    public static string? GenderName(Gender gender) => gender switch
    {
        Gender.Female => "FEMALE",
        Gender.Male => "MALE",
        Gender.Unknown => "UNKNOWN",
        _ => null,
    };

    /// <summary>The gender of a stored name (not set for null).</summary>
    public static Gender ParseGender(string? name) => name switch
    {
        "FEMALE" => Gender.Female,
        "MALE" => Gender.Male,
        "UNKNOWN" => Gender.Unknown,
        _ => Gender.Unspecified,
    };

    private static string KindName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "DIRECT",
        QuoteKind.Indirect => "INDIRECT",
        QuoteKind.Mixed => "MIXED",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "quote kind is not set"),
    };

    private static QuoteKind ParseKind(string name) => name switch
    {
        "DIRECT" => QuoteKind.Direct,
        "INDIRECT" => QuoteKind.Indirect,
        "MIXED" => QuoteKind.Mixed,
        _ => QuoteKind.Unspecified,
    };

    // PostgreSQL keeps microseconds. The article's time is copied onto its quotes by COPY in text, which drops finer
    // ticks, while Npgsql rounds them toward 2000 when it sends the article: cut them here so both store one value.
    private static DateTime? WholeMicroseconds(DateTime? time)
        => time is { } t ? new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerMicrosecond, t.Kind) : null;

    private static Timestamp? ToTimestamp(DateTime? value)
        => value is { } v ? Timestamp.FromDateTime(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
