using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;

namespace Platform.Nlp;

/// <summary>
/// The engine's entry point: text in, quotes and entities out. Thread-safe and reusable; create one per process.
/// </summary>
public sealed class NewsAnalyzer
{
    private readonly IEntityRecognizer _recognizer;
    private readonly IQuoteExtractor _quotes;
    private readonly PersonGender _genders;

    /// <param name="recognizer">Finds entities.</param>
    /// <param name="quotes">Finds and attributes quotes.</param>
    /// <param name="names">First-name lists for persons' genders; null takes the model's when
    /// <paramref name="recognizer"/> is the statistical one, else genders come from the text alone.</param>
    public NewsAnalyzer(IEntityRecognizer recognizer, IQuoteExtractor quotes, Lexicon? names = null)
    {
        _recognizer = recognizer;
        _quotes = quotes;
        _genders = new PersonGender(names ?? (recognizer as StatisticalEntityRecognizer)?.Model.Lexicon);
    }

    /// <summary>Name and version of the engine, stored with every analysis.</summary>
    public static string Version { get; } = "platform-nlp/0.2.0";

    /// <summary>The engine with its default components: the embedded named-entity model and the quote extractor.</summary>
    public static NewsAnalyzer CreateDefault()
    {
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its named-entity model.");
        return new(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor());
    }

    /// <summary>
    /// Analyses a text. Never throws on any string: a stage that fails gives no output and is named in
    /// <see cref="TextAnalysis.Failures"/>. Offsets are UTF-16 indices into <paramref name="text"/>.
    /// </summary>
    public TextAnalysis Analyze(string text) => Analyze(text, TextStyle.Auto);

    /// <summary>
    /// Analyses a text whose style the caller knows (<see cref="TextStyle"/>); otherwise as <see cref="Analyze(string)"/>.
    /// </summary>
    public TextAnalysis Analyze(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextAnalysis.Empty;
        }

        var document = Document.Parse(text);
        var entities = EntityCanonicalizer.Group(text, _recognizer.Recognize(document, style));
        try
        {
            var quotes = _quotes.Extract(document, entities);
            return new TextAnalysis(quotes, _genders.Assign(text, entities, quotes));
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            // The engine must not fail an article over a rule that met an input shape nobody foresaw: such an article
            // keeps its entities and gets no quotes, and says so, so that the host logs and counts it. The unit tests
            // fuzz the rules so that this stays a safety net.
            return new TextAnalysis([], _genders.Assign(text, entities, [])) { Failures = [new StageFailure(StageFailure.QuotesStage, e)] };
        }
    }
}
