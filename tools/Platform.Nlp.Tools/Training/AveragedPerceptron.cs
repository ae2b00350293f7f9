using System.Runtime.InteropServices;
using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// Weights of one pass while learning, with the running sums needed for averaging: the averaged perceptron
/// generalizes far better than the last weights (Collins 2002). Averages use the usual trick of accumulating
/// c · update so that averaging costs nothing per step.
/// </summary>
internal sealed class AveragedPerceptron : IScorer
{
    private static readonly int L = NerLabels.Count;
    private readonly float[] _weights;
    private readonly double[] _sums;
    private readonly float[] _transitions = new float[Viterbi.TransitionCount];
    private readonly double[] _transitionSums = new double[Viterbi.TransitionCount];

    // Φ(gold) − Φ(predicted) of one sentence for the passive-aggressive step; reused so updates do not allocate.
    private readonly Dictionary<int, float> _difference = [];
    private readonly float[] _transitionDifference = new float[Viterbi.TransitionCount];
    private long _step = 1;

    public AveragedPerceptron(int bits)
    {
        Bits = bits;
        _weights = new float[(1 << bits) * L];
        _sums = new double[_weights.Length];
    }

    public int Bits { get; }

    public ReadOnlySpan<float> Transitions => _transitions;

    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores[..L].Clear();
        foreach (var f in features)
        {
            var row = _weights.AsSpan(f * L, L);
            for (var y = 0; y < L; y++)
            {
                scores[y] += row[y];
            }
        }
    }

    /// <summary>Moves weights towards the gold labels and away from the predicted ones, token by token.</summary>
    public void Update(TrainingSentence sentence, ReadOnlySpan<int> predicted) => Update(sentence, sentence.Gold, predicted);

    /// <summary>A perceptron step towards <paramref name="gold"/> (the sentence's gold or a completion of it).</summary>
    public void Update(TrainingSentence sentence, ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] != predicted[i])
            {
                foreach (var f in sentence.FeaturesOf(i))
                {
                    Add(_weights, _sums, (f * L) + gold[i], 1);
                    Add(_weights, _sums, (f * L) + predicted[i], -1);
                }
            }

            var goldPrevious = i == 0 ? -1 : gold[i - 1];
            var predictedPrevious = i == 0 ? -1 : predicted[i - 1];
            if (goldPrevious != predictedPrevious || gold[i] != predicted[i])
            {
                Add(_transitions, _transitionSums, Viterbi.TransitionIndex(goldPrevious, gold[i]), 1);
                Add(_transitions, _transitionSums, Viterbi.TransitionIndex(predictedPrevious, predicted[i]), -1);
            }
        }
    }

    /// <summary>
    /// Passive-aggressive (PA-I, 1-best MIRA) update: the smallest step along Φ(gold) − Φ(predicted) that makes gold
    /// win by the number of wrongly labeled tokens, capped at <paramref name="c"/>. Unlike the unit perceptron step
    /// it is small when the mistake was narrow and large when it was confident. Returns the step taken.
    /// </summary>
    public float UpdatePassiveAggressive(TrainingSentence sentence, ReadOnlySpan<int> predicted, float c)
    {
        var gold = sentence.Gold;
        _difference.Clear();
        Array.Clear(_transitionDifference);
        var loss = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] != predicted[i])
            {
                loss++;
                foreach (var f in sentence.FeaturesOf(i))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_difference, (f * L) + gold[i], out _) += 1;
                    CollectionsMarshal.GetValueRefOrAddDefault(_difference, (f * L) + predicted[i], out _) -= 1;
                }
            }

            var goldPrevious = i == 0 ? -1 : gold[i - 1];
            var predictedPrevious = i == 0 ? -1 : predicted[i - 1];
            _transitionDifference[Viterbi.TransitionIndex(goldPrevious, gold[i])] += 1;
            _transitionDifference[Viterbi.TransitionIndex(predictedPrevious, predicted[i])] -= 1;
        }

        // margin = score(gold) − score(predicted) under the current weights; norm = ||Φ(gold) − Φ(predicted)||².
        double margin = 0, norm = 0;
        foreach (var (index, d) in _difference)
        {
            margin += d * (double)_weights[index];
            norm += d * (double)d;
        }

        for (var index = 0; index < _transitionDifference.Length; index++)
        {
            var d = _transitionDifference[index];
            margin += d * (double)_transitions[index];
            norm += d * (double)d;
        }

        if (loss == 0 || norm == 0)
        {
            return 0;
        }

        var tau = (float)Math.Min(c, (loss - margin) / norm);
        if (tau <= 0)
        {
            return 0;
        }

        foreach (var (index, d) in _difference)
        {
            if (d != 0)
            {
                Add(_weights, _sums, index, tau * d);
            }
        }

        for (var index = 0; index < _transitionDifference.Length; index++)
        {
            if (_transitionDifference[index] != 0)
            {
                Add(_transitions, _transitionSums, index, tau * _transitionDifference[index]);
            }
        }

        return tau;
    }

    /// <summary>One sentence seen (the averaging clock).</summary>
    public void Tick() => _step++;

    /// <summary>The averaged weights, quantized for shipping.</summary>
    public WeightTable Average()
    {
        var (weights, transitions) = AveragedWeights();
        return WeightTable.Quantize(Bits, weights, transitions);
    }

    /// <summary>The averaged weights and transition scores in full precision.</summary>
    public (float[] Weights, float[] Transitions) AveragedWeights()
    {
        var weights = new float[_weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(_weights[i] - (_sums[i] / _step));
        }

        var transitions = new float[_transitions.Length];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (float)(_transitions[i] - (_transitionSums[i] / _step));
        }

        return (weights, transitions);
    }

    private void Add(float[] weights, double[] sums, int index, float delta)
    {
        weights[index] += delta;
        sums[index] += _step * (double)delta;
    }
}
