using Platform.Nlp.Text;
using Platform.V1;
using Engine = Platform.Nlp.Analysis;

namespace Platform.Extraction.Core;

/// <summary>
/// Maps the engine's result (UTF-16 offsets, integer entity ids) to the wire's <see cref="ArticleAnalysis"/>
/// (code point offsets, string entity ids "e1", "e2", …), for the extraction service and the console client's offline
/// mode alike.
/// </summary>
public static class AnalysisMapper
{
    public static ArticleAnalysis ToMessage(string articleId, string text, Engine.TextAnalysis analysis, string engineVersion)
    {
        var offsets = new CodePointIndex(text);
        var message = new ArticleAnalysis { ArticleId = articleId, EngineVersion = engineVersion };
        foreach (var entity in analysis.Entities)
        {
            var entityMessage = new Entity { Id = EntityId(entity.Id), Name = entity.Name, Type = ToMessage(entity.Type), Gender = ToMessage(entity.Gender) };
            foreach (var mention in entity.Mentions)
            {
                entityMessage.Mentions.Add(new EntityMention
                {
                    Start = offsets.ToCodePoint(mention.Span.Start),
                    End = offsets.ToCodePoint(mention.Span.End),
                    Text = mention.Text,
                });
            }

            message.Entities.Add(entityMessage);
        }

        foreach (var quote in analysis.Quotes)
        {
            var quoteMessage = new Quote
            {
                Start = offsets.ToCodePoint(quote.Span.Start),
                End = offsets.ToCodePoint(quote.Span.End),
                Text = quote.Text,
                Kind = ToMessage(quote.Kind),
                Cue = quote.Cue ?? string.Empty,
                Channel = quote.Channel ?? string.Empty,
                Confidence = quote.Confidence,
            };
            if (quote.Speaker is { } speaker)
            {
                quoteMessage.Speaker = new Speaker
                {
                    Name = speaker.Name,
                    EntityId = speaker.EntityId is { } id ? EntityId(id) : string.Empty,
                    Mention = speaker.Mention is { } span
                        ? new TextSpan { Start = offsets.ToCodePoint(span.Start), End = offsets.ToCodePoint(span.End) }
                        : null,
                };
            }

            quoteMessage.EntityIds.AddRange(quote.EntityIds.Select(EntityId));
            message.Quotes.Add(quoteMessage);
        }

        return message;
    }

    /// <summary>The wire id of the engine's entity index: "e1" for index 0.</summary>
    public static string EntityId(int index) => "e" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static QuoteKind ToMessage(Engine.QuoteKind kind) => kind switch
    {
        Engine.QuoteKind.Direct => QuoteKind.Direct,
        Engine.QuoteKind.Indirect => QuoteKind.Indirect,
        Engine.QuoteKind.Mixed => QuoteKind.Mixed,
        _ => QuoteKind.Unspecified,
    };

    private static Gender ToMessage(Engine.Gender gender) => gender switch
    {
        Engine.Gender.Female => Gender.Female,
        Engine.Gender.Male => Gender.Male,
        _ => Gender.Unknown,
    };

    private static EntityType ToMessage(Engine.EntityType type) => type switch
    {
        Engine.EntityType.Person => EntityType.Person,
        Engine.EntityType.Org => EntityType.Org,
        Engine.EntityType.Loc => EntityType.Loc,
        Engine.EntityType.Norp => EntityType.Norp,
        Engine.EntityType.Misc => EntityType.Misc,
        Engine.EntityType.Date => EntityType.Date,
        Engine.EntityType.Money => EntityType.Money,
        _ => EntityType.Unspecified,
    };
}
