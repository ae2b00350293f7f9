namespace Platform.Nlp.Quotes.Ranking;

/// <summary>One training quote: its candidates and which of them name the gold speaker.</summary>
internal sealed record RankingExample(IReadOnlyList<SpeakerCandidate> Candidates, IReadOnlyList<bool> Correct);

/// <summary>
/// Trains <see cref="SpeakerRanker"/> as an averaged ranking perceptron: for each quote, when the best-scoring
/// candidate is not a correct one, the best-scoring correct candidate's features gain 1 and the chosen one's lose 1.
/// The examples are visited in a fixed order, shuffled per epoch by a seeded generator, so one command gives one model.
/// </summary>
internal static class SpeakerRankerTrainer
{
    public static SpeakerRanker Train(IReadOnlyList<RankingExample> examples, int epochs, int seed)
    {
        var weights = new AveragedWeights();
        var model = SpeakerRanker.Training(weights);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var step = 1;
        foreach (var _ in Enumerable.Range(0, epochs))
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var example = examples[i];
                var predicted = Best(model, example, onlyCorrect: false);
                if (predicted < 0 || example.Correct[predicted])
                {
                    step++;
                    continue;
                }

                var target = Best(model, example, onlyCorrect: true);
                weights.Update(example.Candidates[target].Features, 1, step);
                weights.Update(example.Candidates[predicted].Features, -1, step);
                step++;
            }
        }

        return new SpeakerRanker(weights.Averaged(step, floor: 1e-6));
    }

    private static int Best(SpeakerRanker model, RankingExample example, bool onlyCorrect)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < example.Candidates.Count; i++)
        {
            if (onlyCorrect && !example.Correct[i])
            {
                continue;
            }

            var score = model.Score(example.Candidates[i]);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }
}
