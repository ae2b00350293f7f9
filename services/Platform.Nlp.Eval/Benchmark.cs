using System.Diagnostics;
using System.Text;
using Platform.Nlp;
using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Eval;

/// <summary>Measures articles/s and MB/s on one thread: entities only, quotes without attribution, the full engine.</summary>
internal static class Benchmark
{
    public static void Run(IReadOnlyList<string> texts, int rounds)
    {
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its NER model.");
        var recognizer = new StatisticalEntityRecognizer(model);
        var configurations = new (string Name, NewsAnalyzer Analyzer)[]
        {
            ("entities only (no quotes)", new NewsAnalyzer(recognizer, new NoQuotes())),
            ("quotes without attribution", new NewsAnalyzer(recognizer, new RuleBasedQuoteExtractor { Attribute = false })),
            ("quotes with attribution, rules only (no speaker ranker)", new NewsAnalyzer(recognizer, new RuleBasedQuoteExtractor { Ranker = null })),
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
    public static void RunQuoteStage(IReadOnlyList<string> texts, int rounds)
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
