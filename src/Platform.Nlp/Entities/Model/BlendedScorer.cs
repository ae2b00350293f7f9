namespace Platform.Nlp.Entities.Model;

/// <summary>
/// The scores of two passes folded from the same training for different domains, mixed:
/// <c>(1 − w) · a + w · b</c>. Folding is linear in the weights, so the mix is the training folded with both
/// domains' copies at those shares, computed from the two shipped tables instead of a third one. Each table was
/// quantized with its own scale; the transitions, which no domain changes, give the ratio between the scales.
/// </summary>
internal sealed class BlendedScorer : IScorer
{
    private readonly IScorer _a;
    private readonly IScorer _b;
    private readonly float _shareA;
    private readonly float _shareB;

    public BlendedScorer(IScorer a, IScorer b, float weightOfB)
    {
        if (a.Bits != b.Bits || a.Transitions.Length != b.Transitions.Length)
        {
            throw new ArgumentException("blended passes must come from the same training");
        }

        if (weightOfB is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weightOfB), weightOfB, "a share between 0 and 1");
        }

        _a = a;
        _b = b;
        float sumA = 0, sumB = 0;
        foreach (var t in a.Transitions)
        {
            sumA += Math.Abs(t);
        }

        foreach (var t in b.Transitions)
        {
            sumB += Math.Abs(t);
        }

        // b's scores in a's scale: both transition tables are the same floats, each times its table's scale.
        var bToA = sumB > 0 ? sumA / sumB : 1;
        _shareA = 1 - weightOfB;
        _shareB = weightOfB * bToA;
        Transitions = a.Transitions.ToArray();
    }

    public int Bits => _a.Bits;

    // The same in both tables once rescaled, so a's are the mix's.
    public float[] Transitions { get; }

    ReadOnlySpan<float> IScorer.Transitions => Transitions;

    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        Span<float> other = stackalloc float[scores.Length];
        _a.Score(features, scores);
        _b.Score(features, other);
        for (var y = 0; y < scores.Length; y++)
        {
            scores[y] = (_shareA * scores[y]) + (_shareB * other[y]);
        }
    }

    public void Prefetch(ReadOnlySpan<int> features)
    {
        _a.Prefetch(features);
        _b.Prefetch(features);
    }
}
