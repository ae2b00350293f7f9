namespace Platform.Nlp.Entities.Model;

/// <summary>Scores of one pass: the trainer's float weights while learning, quantized weights when shipped.</summary>
internal interface IScorer
{
    int Bits { get; }

    ReadOnlySpan<float> Transitions { get; }

    void Score(ReadOnlySpan<int> features, Span<float> scores);

    /// <summary>Hints that the rows of these features will be read soon.</summary>
    void Prefetch(ReadOnlySpan<int> features)
    {
    }
}
