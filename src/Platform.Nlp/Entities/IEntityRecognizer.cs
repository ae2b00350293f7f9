using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities;

/// <summary>A typed mention found in a text, before mentions are grouped into entities.</summary>
public readonly record struct EntitySpan(TextSpan Span, EntityType Type);

/// <summary>Finds entity mentions in a document. Implementations must return non-overlapping spans in text order.</summary>
public interface IEntityRecognizer
{
    IReadOnlyList<EntitySpan> Recognize(Document document);

    /// <summary>
    /// The mentions of a document whose style the caller knows; recognizers with one model for every style ignore it.
    /// </summary>
    IReadOnlyList<EntitySpan> Recognize(Document document, TextStyle style) => Recognize(document);
}
