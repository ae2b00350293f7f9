using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tests;

public class PassiveAggressiveTests
{
    private static readonly int Person = NerLabels.Make(0, NerLabels.Unit);

    // Token 0 has features 1 and 5, token 1 has 9 and 5. Gold "O U-PER"; the prediction will be "O O".
    private static TrainingSentence Sentence() =>
        new([1, 5, 0, 9, 5, 0], [2, 2], 3, [0, Person]);

    private static float Score(AveragedPerceptron model, TrainingSentence sentence, int[] labels)
    {
        var scores = new float[NerLabels.Count];
        var total = 0f;
        for (var i = 0; i < labels.Length; i++)
        {
            model.Score(sentence.FeaturesOf(i), scores);
            total += scores[labels[i]] + model.Transitions[Viterbi.TransitionIndex(i == 0 ? -1 : labels[i - 1], labels[i])];
        }

        return total;
    }

    [Fact]
    public void An_uncapped_step_makes_gold_win_by_the_number_of_wrong_tokens()
    {
        var model = new AveragedPerceptron(bits: 4);
        var sentence = Sentence();
        int[] predicted = [0, 0];

        var tau = model.UpdatePassiveAggressive(sentence, predicted, c: 100);

        // Φ(gold) − Φ(predicted) differs only at token 1: +1 at (9, U-PER), (5, U-PER) and O → U-PER; −1 at (9, O),
        // (5, O) and O → O. Squared norm 6, loss 1, margin 0: τ = 1/6.
        Assert.Equal(1f / 6, tau, 5);
        Assert.Equal(1f, Score(model, sentence, sentence.Gold) - Score(model, sentence, predicted), 4);
    }

    [Fact]
    public void A_capped_step_moves_towards_gold_by_at_most_C()
    {
        var model = new AveragedPerceptron(bits: 4);
        var sentence = Sentence();
        int[] predicted = [0, 0];

        var tau = model.UpdatePassiveAggressive(sentence, predicted, c: 0.01f);

        Assert.Equal(0.01f, tau);
        Assert.Equal(0.06f, Score(model, sentence, sentence.Gold) - Score(model, sentence, predicted), 4);
    }

    [Fact]
    public void A_correct_prediction_changes_nothing()
    {
        var model = new AveragedPerceptron(bits: 4);
        var sentence = Sentence();

        Assert.Equal(0f, model.UpdatePassiveAggressive(sentence, sentence.Gold, c: 1));
        Assert.Equal(0f, Score(model, sentence, sentence.Gold));
    }
}
