namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Best label sequence under emission and transition scores, restricted to valid BILOU sequences
/// (an entity that begins must continue with I or L of its own type and end with L).
/// </summary>
internal static class Viterbi
{
    private static readonly int L = NerLabels.Count;

    // Row 0 is the sentence start; row p + 1 is label p.
    private static readonly bool[] Allowed = BuildAllowed();

    /// <summary>Transition score index: from <paramref name="previous"/> (-1 = start) to <paramref name="next"/>.</summary>
    public static int TransitionIndex(int previous, int next) => ((previous + 1) * L) + next;

    public static int TransitionCount => (L + 1) * L;

    public static void Decode(
        ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> output, Span<float> dp, Span<int> back)
    {
        if (n == 0)
        {
            return;
        }

        for (var y = 0; y < L; y++)
        {
            dp[y] = Allowed[y] ? emissions[y] + transitions[y] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            var row = i * L;
            var prevRow = row - L;
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    var index = ((p + 1) * L) + y;
                    if (!Allowed[index])
                    {
                        continue;
                    }

                    var score = dp[prevRow + p] + transitions[index];
                    if (score > best)
                    {
                        best = score;
                        arg = p;
                    }
                }

                dp[row + y] = best + emissions[row + y];
                back[row + y] = arg;
            }
        }

        var last = (n - 1) * L;
        var bestLabel = 0;
        var bestScore = float.NegativeInfinity;
        for (var y = 0; y < L; y++)
        {
            if (NerLabels.CanEnd(y) && dp[last + y] > bestScore)
            {
                bestScore = dp[last + y];
                bestLabel = y;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = bestLabel;
            bestLabel = back[(i * L) + bestLabel];
        }
    }

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(L + 1) * L];
        for (var p = -1; p < L; p++)
        {
            for (var y = 0; y < L; y++)
            {
                allowed[((p + 1) * L) + y] = NerLabels.CanFollow(p, y);
            }
        }

        return allowed;
    }
}
