using Platform.V1;

namespace Platform.Testing;

/// <summary>
/// Builds an article and a hand-made analysis of it for storage tests, finding spans by their text so that tests
/// read as sentences. Offsets are code points, as on the wire.
/// </summary>
public sealed class AnalysisBuilder(string id, string text)
{
    private readonly Article _article = new() { Id = id, Text = text };
    private readonly ArticleAnalysis _analysis = new() { ArticleId = id, EngineVersion = "test-engine/1" };

    public AnalysisBuilder Title(string title)
    {
        _article.Title = title;
        return this;
    }

    public AnalysisBuilder Source(string source)
    {
        _article.Source = source;
        return this;
    }

    public AnalysisBuilder Published(DateTimeOffset time)
    {
        _article.PublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time);
        return this;
    }

    /// <summary>Adds an entity with every occurrence of each mention text.</summary>
    public AnalysisBuilder Entity(string entityId, string name, EntityType type, params string[] mentions)
    {
        var entity = new Entity { Id = entityId, Name = name, Type = type };
        foreach (var mention in mentions.Distinct())
        {
            for (var at = text.IndexOf(mention, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
            {
                entity.Mentions.Add(new EntityMention { Start = CodePoints(at), End = CodePoints(at + mention.Length), Text = mention });
            }
        }

        _analysis.Entities.Add(entity);
        return this;
    }

    /// <summary>Adds a direct quote of <paramref name="quoted"/> said by the entity (found by its first mention).</summary>
    public AnalysisBuilder Quote(string quoted, string speakerEntityId, string cue = "said", params string[] entityIds)
    {
        var at = text.IndexOf(quoted, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{quoted}' is not in the text", nameof(quoted));
        }

        var speaker = _analysis.Entities.Single(e => e.Id == speakerEntityId);
        var quote = new Quote
        {
            Start = CodePoints(at),
            End = CodePoints(at + quoted.Length),
            Text = quoted,
            Kind = QuoteKind.Direct,
            Cue = cue,
            Confidence = 0.9f,
            Speaker = new Speaker
            {
                Name = speaker.Name,
                EntityId = speaker.Id,
                Mention = new TextSpan { Start = speaker.Mentions[0].Start, End = speaker.Mentions[0].End },
            },
        };
        quote.EntityIds.AddRange(entityIds);
        _analysis.Quotes.Add(quote);
        return this;
    }

    public Article Article => _article;

    public ArticleAnalysis Analysis => _analysis;

    public IngestRequest Request(ulong sequence = 1) => new() { Sequence = sequence, Article = _article.Clone(), Analysis = _analysis.Clone() };

    private int CodePoints(int utf16Index) => text[..utf16Index].EnumerateRunes().Count();
}
