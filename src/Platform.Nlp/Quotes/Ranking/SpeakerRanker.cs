namespace Platform.Nlp.Quotes.Ranking;

/// <summary>
/// A linear model over <see cref="SpeakerCandidate.Features"/> that picks one speaker phrase per quote. Trained as an
/// averaged perceptron on PolNeAR train (<see cref="SpeakerRankerTrainer"/>); the rules' choice is one of its features,
/// and where no model is embedded the rules' choice stands.
/// </summary>
internal sealed class SpeakerRanker
{
    private const string ResourceName = "Platform.Nlp.Resources.speaker-ranker.tsv.gz";
    private static readonly Lazy<SpeakerRanker?> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, float> _weights;
    private readonly Dictionary<ulong, float> _byKey;

    public SpeakerRanker(Dictionary<string, float> weights, float margin = 0)
        : this(weights, FeatureKey.ByKey(weights), margin)
    {
    }

    private SpeakerRanker(Dictionary<string, float> weights, Dictionary<ulong, float> byKey, float margin)
    {
        _weights = weights;
        _byKey = byKey;
        Margin = margin;
    }

    /// <summary>A model that scores with the weights a trainer is still updating.</summary>
    internal static SpeakerRanker Training(AveragedWeights weights) => new(weights.Current, weights.CurrentByKey, 0);

    /// <summary>
    /// How much more than the rules' choice another candidate must score to replace it: the rules stay in charge
    /// unless the model is clearly surer (chosen on PolNeAR dev by the training command).
    /// </summary>
    public float Margin { get; }

    /// <summary>The model embedded in the engine, or null when it was built without one.</summary>
    public static SpeakerRanker? Default => Embedded.Value;

    public IReadOnlyDictionary<string, float> Weights => _weights;

    /// <summary>The same weights with another margin.</summary>
    public SpeakerRanker WithMargin(float margin) => new(_weights, _byKey, margin);

    public float Score(SpeakerCandidate candidate)
    {
        var sum = 0f;
        foreach (var key in candidate.Features.Keys)
        {
            sum += _byKey.GetValueOrDefault(key);
        }

        return sum;
    }

    /// <summary>
    /// The best-scoring candidate when it beats the rules' choice by more than <see cref="Margin"/>, otherwise the
    /// rules' choice; on a tie the earlier candidate.
    /// </summary>
    public SpeakerCandidate? Choose(IReadOnlyList<SpeakerCandidate> candidates)
    {
        SpeakerCandidate? best = null;
        SpeakerCandidate? rule = null;
        var bestScore = float.NegativeInfinity;
        var ruleScore = float.NegativeInfinity;
        foreach (var c in candidates)
        {
            var score = Score(c);
            if (c.IsRuleChoice && rule is null)
            {
                (rule, ruleScore) = (c, score);
            }

            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return rule is not null && bestScore - ruleScore <= Margin ? rule : best;
    }

    /// <summary>Writes the model as gzipped text: the margin, then one "feature TAB weight" per line in ordinal order.</summary>
    public void Save(Stream stream, string description)
        => WeightsFile.Write(stream, description, [("margin", WeightsFile.Number(Margin))], _weights);

    public static SpeakerRanker Load(Stream stream)
    {
        var (weights, settings) = WeightsFile.Read(stream);
        var margin = settings.Where(s => s.Name == "margin").Select(s => WeightsFile.ParseNumber(s.Value)).LastOrDefault();
        return new SpeakerRanker(weights, margin);
    }

    private static SpeakerRanker? LoadEmbedded()
    {
        using var stream = typeof(SpeakerRanker).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
