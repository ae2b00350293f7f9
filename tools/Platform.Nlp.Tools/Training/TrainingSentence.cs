namespace Platform.Nlp.Tools.Training;

/// <summary>A training sentence with its precomputed feature indices and gold BILOU labels.</summary>
internal sealed class TrainingSentence
{
    private readonly int[] _features;
    private readonly int[] _offsets;

    /// <param name="domain">When set, every feature is followed by its copy conjoined with this domain
    /// (<see cref="DomainFeatures"/>) in a table of <c>Bits</c> bits.</param>
    public TrainingSentence(
        int[] features, int[] counts, int stride, int[] gold, bool[]? miscOpen = null, (TextDomain Domain, int Bits)? domain = null)
    {
        MiscOpen = miscOpen is not null && Array.IndexOf(miscOpen, true) >= 0 ? miscOpen : null;
        // Compact the fixed-stride buffer: training keeps every sentence's features in memory.
        var copies = domain is null ? 1 : 2;
        _offsets = new int[counts.Length + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            _offsets[i + 1] = _offsets[i] + (copies * counts[i]);
        }

        _features = new int[_offsets[^1]];
        for (var i = 0; i < counts.Length; i++)
        {
            Array.Copy(features, i * stride, _features, _offsets[i], counts[i]);
            if (domain is (var name, var bits))
            {
                for (var k = 0; k < counts[i]; k++)
                {
                    _features[_offsets[i] + counts[i] + k] = DomainFeatures.CopyOf(features[(i * stride) + k], name, bits);
                }
            }
        }

        Gold = gold;
    }

    public int[] Gold { get; }

    /// <summary>Tokens whose O label may also be MISC (a corpus without MISC), or null.</summary>
    public bool[]? MiscOpen { get; }

    public int Length => Gold.Length;

    public ReadOnlySpan<int> FeaturesOf(int token) => _features.AsSpan(_offsets[token], _offsets[token + 1] - _offsets[token]);
}
