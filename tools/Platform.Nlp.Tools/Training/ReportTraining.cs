using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Reporting;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// <c>reports train</c>: trains the reported-speech tagger on PolNeAR train and chooses epochs and threshold on PolNeAR
/// dev (F1 over all kinds at 0.3), with the seed article's gates as a constraint on the choice. The rules run once
/// over train; every candidate the tagger would see (where no rule quote is) becomes one example, a report when a
/// gold attribution's cue overlaps the candidate's cue and the candidate covers at least 0.3 of the gold content (the
/// scorer's matching rule). Cue words outside the verb lexicon are learned first: lower-case words that head gold
/// cues often, and often enough relative to how often they occur at all.
/// </summary>
internal static partial class ReportTraining
{
    public static int Run(ReportTrainingOptions options)
    {
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its named-entity model.");
        var documents = ReadCueGold(options.Train).ToList();
        var cueWords = LearnCueWords(documents, options.MinCueCount, options.MinCueShare);
        Console.WriteLine($"learned cue words ({cueWords.Count}): {string.Join(' ', cueWords.Order(StringComparer.Ordinal))}");

        var examples = Examples(model, documents, cueWords);
        Console.WriteLine($"train: {examples.Count:N0} candidates, {examples.Count(e => e.IsReport):N0} reports");

        var results = new List<(ReportTagger Tagger, double F1, int Epochs)>();
        foreach (var n in options.Epochs)
        {
            var trained = ReportTaggerTrainer.Train(examples, cueWords, n, options.Seed);
            foreach (var threshold in options.Thresholds)
            {
                var tagger = trained.WithThreshold(threshold);
                var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor { Tagger = tagger });
                var dev = QuoteEvaluation.Run(new QuoteEvaluationOptions(options.Dev), analyzer).Scores;
                var all = dev.Counts(KindSubset.All, 0.3);
                var (seedOk, seedLine) = SeedGate(options.SeedGold, analyzer);
                var perKind = dev.RecallPerKind;
                Console.WriteLine(
                    $"epochs {n}, threshold {threshold}: dev F1 {100 * all.F1:F1} (P {100 * all.Precision:F1}, R {100 * all.Recall:F1}), " +
                    $"@0.8 {100 * dev.Counts(KindSubset.All, 0.8).F1:F1}, indirect {Recall(perKind, QuoteKind.Indirect)}, mixed {Recall(perKind, QuoteKind.Mixed)}, " +
                    $"speaker mention {100 * all.MentionAccuracy:F1}; seed {seedLine}; {tagger.Weights.Count:N0} features");
                if (seedOk)
                {
                    results.Add((tagger, all.F1, n));
                }
            }
        }

        if (results.Count == 0)
        {
            Console.Error.WriteLine("no setting passed the seed article's gates; no model written");
            return 1;
        }

        // Within a small tolerance of the best F1, the highest threshold wins: the same F1 with fewer false alarms
        // carries better to news the tagger has never seen; then the fewer epochs.
        var top = results.Max(r => r.F1);
        var (best, bestF1, bestEpochs) = results
            .Where(r => r.F1 >= top - options.F1Tolerance)
            .OrderByDescending(r => r.Tagger.Threshold)
            .ThenBy(r => r.Epochs)
            .First();
        using (var stream = File.Create(options.Output))
        {
            best.Save(stream, $"reported-speech tagger: averaged perceptron, PolNeAR train, {bestEpochs} epochs, seed {options.Seed}, threshold {best.Threshold}; chosen on PolNeAR dev (all kinds F1 at 0.3 {100 * bestF1:F1})");
        }

        Console.WriteLine($"wrote {options.Output} ({new FileInfo(options.Output).Length:N0} bytes), {bestEpochs} epochs, threshold {best.Threshold}");
        return 0;
    }

    private static string Recall(IReadOnlyDictionary<QuoteKind, (int Gold, int Matched)> perKind, QuoteKind kind)
        => perKind.TryGetValue(kind, out var r) && r.Gold > 0 ? $"{100.0 * r.Matched / r.Gold:F1}" : "n/a";

    // The seed article's gates (scripts/quality-gate-quotes.sh): a constraint on the choice, never a target.
    private static (bool Ok, string Line) SeedGate(string seedGold, NewsAnalyzer analyzer)
    {
        if (!File.Exists(seedGold))
        {
            return (true, "not found");
        }

        var scores = QuoteEvaluation.Run(new QuoteEvaluationOptions(seedGold), analyzer).Scores;
        var all = scores.Counts(KindSubset.All, 0.3);
        var directMixed = scores.Counts(KindSubset.DirectAndMixed, 0.8);
        var resolved = all.ResolvedAccuracy;
        var ok = all.F1 >= 0.90 && directMixed.F1 >= 0.95 && (double.IsNaN(resolved) || resolved >= 0.95) && scores.ReportedNonQuotes.Count == 0;
        return (ok, $"F1 {100 * all.F1:F1}, direct+mixed@0.8 {100 * directMixed.F1:F1}, speakers {100 * resolved:F1}, non-quotes {scores.ReportedNonQuotes.Count}{(ok ? "" : " FAILS")}");
    }

    // Words (not in the verb lexicon) that head at least minCount gold cues and at least minShare of their occurrences.
    private static HashSet<string> LearnCueWords(IReadOnlyList<CueGoldDocument> documents, int minCount, double minShare)
    {
        var asCue = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (Match m in WordPattern().Matches(doc.Text))
            {
                if (char.IsLower(m.Value[0]))
                {
                    seen[m.Value] = seen.GetValueOrDefault(m.Value) + 1;
                }
            }

            foreach (var cue in doc.Cues)
            {
                var text = cue.Of(doc.Text);
                if (WordPattern().IsMatch(text) && WordPattern().Match(text).Value == text && char.IsLower(text[0]))
                {
                    asCue[text] = asCue.GetValueOrDefault(text) + 1;
                }
            }
        }

        var lexicon = QuoteLexicon.Default;
        return asCue
            .Where(c => c.Value >= minCount && lexicon.VerbTraitsOf(c.Key) == VerbTraits.None
                        && (double)c.Value / Math.Max(1, seen.GetValueOrDefault(c.Key)) >= minShare)
            .Select(c => c.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static List<TaggingExample> Examples(NerModel model, IReadOnlyList<CueGoldDocument> documents, HashSet<string> cueWords)
    {
        var trace = new List<ReportCandidate>();
        // A threshold nobody passes: the rules run alone and the tagger only collects its candidates.
        var collector = new ReportTagger([], cueWords, float.PositiveInfinity);
        var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor { Tagger = collector, ReportTrace = trace });
        var examples = new List<TaggingExample>();
        foreach (var doc in documents)
        {
            trace.Clear();
            analyzer.Analyze(doc.Text);
            examples.AddRange(trace.Select(c => new TaggingExample(c.Features, doc.Items.Any(g => IsMatch(g, c)))));
        }

        return examples;
    }

    private static bool IsMatch(CueGoldItem gold, ReportCandidate candidate)
        => (gold.Cue is not { } cue || cue.Overlaps(candidate.Cue))
           && gold.Content.Length > 0 && Overlap(gold.Content, candidate.Content) >= 0.3 * gold.Content.Length;

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    // PolNeAR lines with the cue offsets the shared gold reader does not keep.
    private static IEnumerable<CueGoldDocument> ReadCueGold(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var items = new List<CueGoldItem>();
            foreach (var q in root.GetProperty("quotes").EnumerateArray())
            {
                TextSpan? cue = q.TryGetProperty("cue_start", out var cs) && cs.ValueKind == JsonValueKind.Number
                                && q.TryGetProperty("cue_end", out var ce) && ce.ValueKind == JsonValueKind.Number
                    ? new TextSpan(cs.GetInt32(), ce.GetInt32())
                    : null;
                items.Add(new CueGoldItem(new TextSpan(q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32()), cue));
            }

            yield return new CueGoldDocument(root.GetProperty("text").GetString() ?? "", items);
        }
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex WordPattern();

    private sealed record CueGoldItem(TextSpan Content, TextSpan? Cue);

    private sealed record CueGoldDocument(string Text, IReadOnlyList<CueGoldItem> Items)
    {
        public IEnumerable<TextSpan> Cues => Items.Where(i => i.Cue is not null).Select(i => i.Cue!.Value);
    }
}

/// <summary>What <c>reports train</c> reads, writes and tries.</summary>
/// <param name="Train">PolNeAR train (.jsonl).</param>
/// <param name="Dev">PolNeAR dev (.jsonl), to choose epochs and threshold on.</param>
/// <param name="Output">The model file to write.</param>
/// <param name="Epochs">Epoch counts to try.</param>
/// <param name="Thresholds">Score thresholds to try.</param>
/// <param name="Seed">Shuffling seed.</param>
/// <param name="MinCueCount">Gold cues a word must head to be learned as a cue word.</param>
/// <param name="MinCueShare">Share of a word's lower-case occurrences that must be gold cues.</param>
internal sealed record ReportTrainingOptions(
    string Train, string Dev, string Output, int[] Epochs, float[] Thresholds, int Seed, int MinCueCount, double MinCueShare)
{
    /// <summary>The seed article's gold, a constraint on the choice when present.</summary>
    public string SeedGold { get; init; } = Path.Combine("..", "shared", "data", "seed", "gold.json");

    /// <summary>How far below the best dev F1 a setting with a higher threshold may be and still be preferred.</summary>
    public double F1Tolerance { get; init; } = 0.002;
}
