using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>Finds quotes in a document whose entities are already known, and attributes them to speakers.</summary>
public interface IQuoteExtractor
{
    IReadOnlyList<Quote> Extract(Document document, IReadOnlyList<Entity> entities);
}
