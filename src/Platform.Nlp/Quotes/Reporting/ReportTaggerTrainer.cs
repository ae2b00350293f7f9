namespace Platform.Nlp.Quotes.Reporting;

/// <summary>One training candidate and whether it matches a gold attribution.</summary>
internal sealed record TaggingExample(string[] Features, bool IsReport);

/// <summary>
/// Trains <see cref="ReportTagger"/> as an averaged binary perceptron: a candidate scored on the wrong side of zero
/// moves its features by one towards its label. Examples are shuffled per epoch by a seeded generator, so one command
/// gives one model.
/// </summary>
internal static class ReportTaggerTrainer
{
    public static ReportTagger Train(IReadOnlyList<TaggingExample> examples, IReadOnlySet<string> cueWords, int epochs, int seed)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        // Averaging by the usual trick: totals of step-stamped updates, subtracted at the end.
        var stamped = new Dictionary<string, double>(StringComparer.Ordinal);
        var model = new ReportTagger(weights, cueWords);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var step = 1;
        foreach (var _ in Enumerable.Range(0, epochs))
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var example = examples[i];
                var positive = model.Score(example.Features) > 0;
                if (positive != example.IsReport)
                {
                    var sign = example.IsReport ? 1 : -1;
                    foreach (var f in example.Features)
                    {
                        weights[f] = weights.GetValueOrDefault(f) + sign;
                        stamped[f] = stamped.GetValueOrDefault(f) + (double)sign * step;
                    }
                }

                step++;
            }
        }

        var averaged = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (feature, w) in weights)
        {
            var value = w - stamped.GetValueOrDefault(feature) / step;
            if (Math.Abs(value) > 1e-3)
            {
                averaged[feature] = (float)Math.Round(value, 3);
            }
        }

        return new ReportTagger(averaged, cueWords);
    }
}
