using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Ranking;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// <c>speakers train</c>: trains the speaker ranker on PolNeAR train's source spans and chooses the number of
/// epochs on PolNeAR dev (speaker-mention accuracy over all kinds at 0.3). The rules run once over train with the
/// ranker off; each quote the engine finds that matches a gold item (overlap ≥ 0.3 of the gold span, as the scorer
/// matches) becomes one example whose correct candidates are those whose span overlaps the gold source span.
/// </summary>
internal static class SpeakerTraining
{
    public static int Run(SpeakerTrainingOptions options)
    {
        var (train, dev, output, epochs, margins, seed) = options;
        var model = NerModel.Default ?? throw new InvalidOperationException("The engine was built without its named-entity model.");
        var examples = Examples(model, train);
        Console.WriteLine($"train: {examples.Count:N0} quotes with a reachable gold source, {examples.Sum(e => e.Candidates.Count):N0} candidates");

        SpeakerRanker? best = null;
        var bestAccuracy = -1.0;
        var bestEpochs = 0;
        var seedGold = options.SeedGold;
        foreach (var n in epochs)
        {
            var trained = SpeakerRankerTrainer.Train(examples, n, seed);
            foreach (var margin in margins)
            {
                var ranker = trained.WithMargin(margin);
                var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor { Ranker = ranker });
                var all = QuoteEvaluation.Run(new QuoteEvaluationOptions(dev), analyzer).Scores.Counts(KindSubset.All, 0.3);
                // The seed article's gate (resolved speakers ≥ 95 %) is a constraint on the choice, not a target.
                var seedScores = File.Exists(seedGold) ? QuoteEvaluation.Run(new QuoteEvaluationOptions(seedGold), analyzer).Scores : null;
                var seedSpeakers = seedScores?.Counts(KindSubset.All, 0.3).ResolvedAccuracy ?? double.NaN;
                var eligible = double.IsNaN(seedSpeakers) || seedSpeakers >= 0.95;
                Console.WriteLine($"epochs {n}, margin {margin}: dev F1 {100 * all.F1:F1}, speaker mention {100 * all.MentionAccuracy:F2} ({all.MentionCorrect}/{all.Matched}), cue {100 * all.CueAccuracy:F1}, seed speakers {100 * seedSpeakers:F1}, {ranker.Weights.Count:N0} features");
                foreach (var wrong in seedScores?.Errors.Where(e => e.StartsWith("WRONG", StringComparison.Ordinal)) ?? [])
                {
                    Console.WriteLine("  seed " + wrong);
                }

                if (eligible && all.MentionAccuracy > bestAccuracy)
                {
                    (best, bestAccuracy, bestEpochs) = (ranker, all.MentionAccuracy, n);
                }
            }
        }

        if (best is null)
        {
            Console.Error.WriteLine("no setting kept the seed article's speakers at 95 % or more; no model written");
            return 1;
        }

        using (var stream = File.Create(output))
        {
            best.Save(stream, $"speaker ranker: averaged perceptron, PolNeAR train, {bestEpochs} epochs, seed {seed}, margin {best.Margin}; chosen on PolNeAR dev (speaker mention {100 * bestAccuracy:F2} %)");
        }

        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes), {bestEpochs} epochs");
        return 0;
    }

    private static List<RankingExample> Examples(NerModel model, string path)
    {
        var trace = new List<(QuoteDraft Draft, IReadOnlyList<SpeakerCandidate> Candidates)>();
        var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor { Ranker = null, Trace = trace });
        var examples = new List<RankingExample>();
        int matched = 0, ruleRight = 0;
        foreach (var doc in GoldReaders.ReadPolnear(path))
        {
            trace.Clear();
            analyzer.Analyze(doc.Text);
            var used = new bool[trace.Count];
            foreach (var gold in doc.Quotes)
            {
                var match = BestMatch(gold.Span, trace, used);
                if (match < 0)
                {
                    continue;
                }

                used[match] = true;
                var (draft, candidates) = trace[match];
                var correct = candidates
                    .Select(c => Agrees(gold.SpeakerMention, c.IsRuleChoice ? draft.Speaker?.Mention : c.Span))
                    .ToList();
                matched++;
                ruleRight += correct[candidates.ToList().FindIndex(c => c.IsRuleChoice) is var r and >= 0 ? r : 0] ? 1 : 0;
                if (correct.Contains(true))
                {
                    examples.Add(new RankingExample(candidates, correct));
                }
            }
        }

        Console.WriteLine($"train: {matched:N0} matched quotes, the rules' speaker right in {ruleRight:N0}, a right candidate in {examples.Count:N0}");
        return examples;
    }

    // The scorer's rule: each gold item takes the unmatched system quote covering most of it, if at least 0.3.
    private static int BestMatch(TextSpan gold, List<(QuoteDraft Draft, IReadOnlyList<SpeakerCandidate> Candidates)> trace, bool[] used)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var i = 0; i < trace.Count; i++)
        {
            var score = gold.Length == 0 ? 0 : (double)Overlap(gold, trace[i].Draft.Span) / gold.Length;
            if (!used[i] && score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return bestScore >= 0.3 ? best : -1;
    }

    private static bool Agrees(TextSpan? gold, TextSpan? system)
        => gold is null ? system is null : system is { } s && Overlap(gold.Value, s) > 0;

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}

/// <summary>What <c>speakers train</c> reads, writes and tries.</summary>
/// <param name="Train">PolNeAR train (.jsonl).</param>
/// <param name="Dev">PolNeAR dev (.jsonl), to choose the epochs and margin on.</param>
/// <param name="Output">The model file to write.</param>
/// <param name="Epochs">Epoch counts to try.</param>
/// <param name="Margins">Decision margins over the rules' choice to try.</param>
/// <param name="Seed">Shuffling seed.</param>
internal sealed record SpeakerTrainingOptions(string Train, string Dev, string Output, int[] Epochs, float[] Margins, int Seed)
{
    /// <summary>The seed article's gold, a constraint on the choice when present.</summary>
    public string SeedGold { get; init; } = Path.Combine("..", "shared", "data", "seed", "gold.json");
}
