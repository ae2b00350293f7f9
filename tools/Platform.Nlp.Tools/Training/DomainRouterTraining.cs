using System.Globalization;
using System.Text.Json;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tools.Training;

/// <summary>One document for the router: its style features and whether it is web text.</summary>
internal sealed record RoutedDocument(string Source, int[] Features, bool Web);

/// <summary>
/// Trains the <see cref="DomainRouter"/>: an averaged perceptron over <see cref="DocumentStyle"/> features, news
/// (CoNLL-2003 train and PolNeAR train, with lower-cased copies of every fourth document, since lower-cased news is
/// still news) against web and forum text (UNER English-EWT train). The threshold is the highest score of any news
/// document held out from training (CoNLL-2003 dev, PolNeAR dev and their lower-cased copies), so that the router
/// sends no news it has seen of to the web passes: a web document tagged as news loses little, a news document
/// tagged as web loses its MISC and the news conventions the news passes learned.
/// </summary>
internal static class DomainRouterTraining
{
    /// <summary>The router's training data, read from the NER corpora and PolNeAR.</summary>
    public static (List<RoutedDocument> Train, List<RoutedDocument> HeldOutNews, List<RoutedDocument> HeldOutWeb) Load(string nerData, string polnear)
    {
        var conll = Path.Combine(nerData, "conll2003");
        var uner = Path.Combine(nerData, "uner_en_ewt");
        var train = new List<RoutedDocument>();
        train.AddRange(News("CoNLL train", ConllTexts(Path.Combine(conll, "train.bio.txt.gz"))));
        train.AddRange(News("PolNeAR train", PolnearTexts(Path.Combine(polnear, "train.jsonl"))));
        train.AddRange(ConllTexts(Path.Combine(uner, "en_ewt-ud-train.iob2.gz")).Select(t => Routed("UNER train", t, web: true)));
        var news = News("CoNLL dev", ConllTexts(Path.Combine(conll, "dev.bio.txt.gz")))
            .Concat(News("PolNeAR dev", PolnearTexts(Path.Combine(polnear, "dev.jsonl"))))
            .ToList();
        var web = ConllTexts(Path.Combine(uner, "en_ewt-ud-dev.iob2.gz")).Select(t => Routed("UNER dev", t, web: true)).ToList();
        return (train, news, web);
    }

    /// <summary>Features of a raw text as the engine sees it at run time.</summary>
    public static int[] FeaturesOf(string text) => DocumentStyle.Features(TokenizedText.FromDocument(Document.Parse(text)));

    /// <summary>Averaged perceptron weights, one per style feature; deterministic for a seed.</summary>
    public static float[] Train(IReadOnlyList<RoutedDocument> documents, int epochs, int seed)
    {
        var weights = new float[DocumentStyle.FeatureCount];
        var sum = new double[weights.Length];
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var random = new Random(seed);
        var steps = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                var document = documents[d];
                var y = document.Web ? 1 : -1;
                var score = 0f;
                foreach (var f in document.Features)
                {
                    score += weights[f];
                }

                if (y * score <= 0)
                {
                    foreach (var f in document.Features)
                    {
                        weights[f] += y;
                    }
                }

                for (var i = 0; i < weights.Length; i++)
                {
                    sum[i] += weights[i];
                }

                steps++;
            }
        }

        return [.. sum.Select(s => (float)(s / steps))];
    }

    /// <summary>The router that sends none of <paramref name="heldOutNews"/> to the web passes.</summary>
    public static DomainRouter WithNewsSafeThreshold(float[] weights, IReadOnlyList<RoutedDocument> heldOutNews)
    {
        var router = new DomainRouter(weights, float.PositiveInfinity);
        var highest = heldOutNews.Max(d => Score(router, d));
        return router.WithThreshold(highest);
    }

    public static float Score(DomainRouter router, RoutedDocument document) => router.Score(document.Features);

    /// <summary>Trains a router with the news-safe threshold and reports how it routes each set.</summary>
    public static DomainRouter Build(string nerData, string polnear, RouterSettings settings, TextWriter log)
    {
        var (train, news, web) = Load(nerData, polnear);
        log.WriteLine($"router data: {train.Count(d => !d.Web)} news and {train.Count(d => d.Web)} web training documents; held out {news.Count} news, {web.Count} web");
        var router = settings.ApplyTo(WithNewsSafeThreshold(Train(train, epochs: 10, seed: 17), news));
        log.WriteLine(RouterSettings.Describe(router));
        foreach (var group in train.Concat(news).Concat(web).GroupBy(d => d.Source))
        {
            var scores = group.Select(d => Score(router, d)).Order().ToArray();
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {group.Key}: {scores.Count(s => s > router.Threshold)} of {scores.Length} routed to web, {scores.Count(s => s > router.BlendFrom && s <= router.Threshold)} to the blend; score median {scores[scores.Length / 2]:F1}, max {scores[^1]:F1}"));
        }

        var strongest = Enumerable.Range(0, DocumentStyle.FeatureCount).OrderByDescending(i => Math.Abs(router.Weights[i])).Take(12);
        log.WriteLine("  strongest features: " + string.Join(", ", strongest.Select(i => string.Create(CultureInfo.InvariantCulture, $"{DocumentStyle.Name(i)} {router.Weights[i]:+0.0;-0.0}"))));
        return router;
    }

    // Each news text, and a lower-cased copy of every fourth one.
    private static IEnumerable<RoutedDocument> News(string source, IEnumerable<string> texts)
    {
        var i = 0;
        foreach (var text in texts)
        {
            yield return Routed(source, text, web: false);
            if (i++ % 4 == 0)
            {
                yield return Routed(source + ", lower-cased", text.ToLowerInvariant(), web: false);
            }
        }
    }

    private static RoutedDocument Routed(string source, string text, bool web) => new(source, FeaturesOf(text), web);

    private static IEnumerable<string> ConllTexts(string path)
        => ConllCorpus.ReadFile(path).Select(d => ConllDetokenizer.Detokenize(d).Text).Where(t => t.Length > 0);

    private static IEnumerable<string> PolnearTexts(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                using var json = JsonDocument.Parse(line);
                yield return json.RootElement.GetProperty("text").GetString() ?? "";
            }
        }
    }
}

/// <summary>
/// How a trained router decides: its threshold (null: the news-safe one), and a blend band of
/// <paramref name="BlendBelow"/> score units under the threshold (null: none) tagged at web share <paramref name="BlendWeight"/>.
/// </summary>
public sealed record RouterSettings(float? Threshold = null, float? BlendBelow = null, float BlendWeight = 0.5f)
{
    /// <summary>The router with this threshold, when one is set, and then this blend band under it, when one is set.</summary>
    public DomainRouter ApplyTo(DomainRouter router)
    {
        router = Threshold is { } threshold ? router.WithThreshold(threshold) : router;
        return BlendBelow is { } width ? router.WithBlend(router.Threshold - width, BlendWeight) : router;
    }

    /// <summary>The router's threshold and blend band, for the tools' logs.</summary>
    public static string Describe(DomainRouter router) => string.Create(
        CultureInfo.InvariantCulture, $"router threshold {router.Threshold:F2}, blend from {router.BlendFrom:F2} at web share {router.BlendWeight:F2}");
}
