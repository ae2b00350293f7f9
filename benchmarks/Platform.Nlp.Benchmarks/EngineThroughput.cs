using System.Diagnostics;
using System.Text;
using Platform.Nlp;
using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Benchmarks;

/// <summary>
/// Quick single-thread timings of the engine, for a table in a minute: entity-model tokens/s, the whole engine and
/// its stages on one article, articles/s per configuration and the quote stage alone. Best-of-N wall-clock figures
/// without BenchmarkDotNet's statistics: compare them only within one run.
/// </summary>
internal static class EngineThroughput
{
    /// <summary>The entity model alone on pre-tokenized CoNLL documents.</summary>
    public static void NerTokens(NerModel model, IReadOnlyList<TokenizedText> documents, int rounds)
    {
        var tokens = documents.Sum(d => d.Tokens.Length);
        foreach (var d in documents)
        {
            model.Tag(d);
        }

        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var d in documents)
            {
                model.Tag(d);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"NER: {tokens * rounds / seconds:N0} tokens/s on one thread ({tokens:N0} tokens x {rounds} rounds in {seconds:F2}s)");
    }

    /// <summary>The whole engine on one article, then where the time goes, stage by stage.</summary>
    public static void OneArticle(NerModel model, string text, int rounds)
    {
        var engine = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor());
        engine.Analyze(text);
        var times = Math.Max(1, 20 * rounds);
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < times; r++)
        {
            engine.Analyze(text);
        }

        var perSecond = text.Length * (double)times / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"engine: {perSecond / 1e6:F2} M chars/s on one thread ({text.Length:N0} chars x {times} in {watch.Elapsed.TotalSeconds:F2}s)");

        var recognizer = new StatisticalEntityRecognizer(model);
        var quotes = new RuleBasedQuoteExtractor();
        var stages = new double[5];
        for (var r = 0; r < times; r++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var document = Document.Parse(text);
            var t1 = Stopwatch.GetTimestamp();
            var spans = recognizer.Recognize(document);
            var t2 = Stopwatch.GetTimestamp();
            var entities = EntityCanonicalizer.Group(text, spans);
            var t3 = Stopwatch.GetTimestamp();
            quotes.Extract(document, entities);
            var t4 = Stopwatch.GetTimestamp();
            model.Tag(TokenizedText.FromDocument(document));
            stages[4] += Stopwatch.GetTimestamp() - t4;
            stages[0] += t1 - t0;
            stages[1] += t2 - t1;
            stages[2] += t3 - t2;
            stages[3] += t4 - t3;
        }

        double Ms(int stage) => stages[stage] * 1000 / Stopwatch.Frequency / times;
        Console.WriteLine($"engine stages (ms per article): parse {Ms(0):F2}, entities {Ms(1):F2}, canonicalize {Ms(2):F2}, quotes {Ms(3):F2}; of entities, the model alone {Ms(4):F2}");
    }

    /// <summary>Articles/s and MB/s on one thread: entities only, quotes without attribution, the full engine.</summary>
    public static void Configurations(IReadOnlyList<string> texts, int rounds)
    {
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its NER model.");
        var recognizer = new StatisticalEntityRecognizer(model);
        var configurations = new (string Name, NewsAnalyzer Analyzer)[]
        {
            ("entities only (no quotes)", new NewsAnalyzer(recognizer, new NoQuotes())),
            ("quotes without attribution", new NewsAnalyzer(recognizer, new RuleBasedQuoteExtractor { Attribute = false })),
            ("quotes with attribution, rules only (no speaker ranker, no report tagger)", new NewsAnalyzer(recognizer, new RuleBasedQuoteExtractor { Ranker = null, Tagger = null })),
            ("quotes with attribution (default)", new NewsAnalyzer(recognizer, new RuleBasedQuoteExtractor())),
        };
        var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1_000_000.0;
        Console.WriteLine($"{texts.Count} articles, {megabytes:F2} MB (UTF-8), best of {rounds} rounds, one thread");
        Console.WriteLine("| configuration | articles/s | MB/s |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, analyzer) in configurations)
        {
            foreach (var text in texts.Take(5))
            {
                analyzer.Analyze(text); // warm-up
            }

            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var watch = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    analyzer.Analyze(text);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"| {name} | {texts.Count / best:F1} | {megabytes / best:F3} |");
        }
    }

    /// <summary>The quote stage alone, on documents and entities prepared beforehand.</summary>
    public static void QuoteStage(IReadOnlyList<string> texts, int rounds)
    {
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its NER model.");
        var recognizer = new StatisticalEntityRecognizer(model);
        var prepared = texts.Select(t =>
        {
            var document = Document.Parse(t);
            return (document, EntityCanonicalizer.Group(t, recognizer.Recognize(document)));
        }).ToList();
        var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1_000_000.0;
        Console.WriteLine("| quote stage alone | articles/s | MB/s |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, extractor) in new (string, IQuoteExtractor)[]
                 {
                     ("detection only", new RuleBasedQuoteExtractor { Attribute = false }),
                     ("detection + attribution, no report tagger", new RuleBasedQuoteExtractor { Tagger = null }),
                     ("detection + attribution", new RuleBasedQuoteExtractor()),
                 })
        {
            var best = double.MaxValue;
            for (var r = 0; r < rounds + 1; r++)
            {
                var watch = Stopwatch.StartNew();
                foreach (var (document, entities) in prepared)
                {
                    extractor.Extract(document, entities);
                }

                if (r > 0)
                {
                    best = Math.Min(best, watch.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine($"| {name} | {texts.Count / best:F0} | {megabytes / best:F2} |");
        }
    }

    private sealed class NoQuotes : IQuoteExtractor
    {
        public IReadOnlyList<Quote> Extract(Document document, IReadOnlyList<Entity> entities) => [];
    }
}
