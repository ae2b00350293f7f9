namespace Platform.Nlp.Quotes.Reporting;

/// <summary>One training candidate and whether it matches a gold attribution.</summary>
internal sealed record TaggingExample(FeatureVector Features, bool IsReport);

/// <summary>
/// Trains <see cref="ReportTagger"/> as an averaged binary perceptron: a candidate scored on the wrong side of zero
/// moves its features by one towards its label. Examples are shuffled per epoch by a seeded generator, so one command
/// gives one model.
/// </summary>
internal static class ReportTaggerTrainer
{
    public static ReportTagger Train(IReadOnlyList<TaggingExample> examples, IReadOnlySet<string> cueWords, int epochs, int seed)
    {
        var weights = new AveragedWeights();
        var model = ReportTagger.Training(weights, cueWords);
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
                    weights.Update(example.Features, example.IsReport ? 1 : -1, step);
                }

                step++;
            }
        }

        return new ReportTagger(weights.Averaged(step, floor: 1e-3, digits: 3), cueWords);
    }
}
