namespace Platform.Nlp.Quotes.Reporting;

/// <summary>
/// A linear model over <see cref="ReportCandidate.Features"/> that tells reported speech from other uses of a cue
/// word, trained as an averaged perceptron on PolNeAR train (<see cref="ReportTaggerTrainer"/>). It also carries the
/// cue words learned from the training attributions and the score a candidate must exceed (chosen on PolNeAR dev).
/// </summary>
internal sealed class ReportTagger
{
    private const string ResourceName = "Platform.Nlp.Resources.report-tagger.tsv.gz";
    private static readonly Lazy<ReportTagger?> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, float> _weights;
    private readonly Dictionary<ulong, float> _byKey;

    public ReportTagger(Dictionary<string, float> weights, IReadOnlySet<string> cueWords, float threshold = 0)
        : this(weights, FeatureKey.ByKey(weights), cueWords, threshold)
    {
    }

    private ReportTagger(Dictionary<string, float> weights, Dictionary<ulong, float> byKey, IReadOnlySet<string> cueWords, float threshold)
    {
        _weights = weights;
        _byKey = byKey;
        CueWords = cueWords;
        Threshold = threshold;
    }

    /// <summary>A model that scores with the weights a trainer is still updating.</summary>
    internal static ReportTagger Training(AveragedWeights weights, IReadOnlySet<string> cueWords) => new(weights.Current, weights.CurrentByKey, cueWords, 0);

    /// <summary>The model embedded in the engine, or null when it was built without one.</summary>
    public static ReportTagger? Default => Embedded.Value;

    /// <summary>Words outside the reporting-verb lexicon that head attributions often enough to be proposed as cues.</summary>
    public IReadOnlySet<string> CueWords { get; }

    /// <summary>The score above which a candidate becomes a quote.</summary>
    public float Threshold { get; }

    public IReadOnlyDictionary<string, float> Weights => _weights;

    public ReportTagger WithThreshold(float threshold) => new(_weights, _byKey, CueWords, threshold);

    public float Score(FeatureVector features)
    {
        var sum = 0f;
        foreach (var key in features.Keys)
        {
            sum += _byKey.GetValueOrDefault(key);
        }

        return sum;
    }

    /// <summary>Writes the model as gzipped text: threshold, cue words ("!cue"), then "feature TAB weight" lines in ordinal order.</summary>
    public void Save(Stream stream, string description)
        => WeightsFile.Write(
            stream,
            description,
            [("threshold", WeightsFile.Number(Threshold)), .. CueWords.Order(StringComparer.Ordinal).Select(w => ("cue", w))],
            _weights);

    public static ReportTagger Load(Stream stream)
    {
        var (weights, settings) = WeightsFile.Read(stream);
        var threshold = settings.Where(s => s.Name == "threshold").Select(s => WeightsFile.ParseNumber(s.Value)).LastOrDefault();
        var cues = settings.Where(s => s.Name == "cue").Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        return new ReportTagger(weights, cues, threshold);
    }

    private static ReportTagger? LoadEmbedded()
    {
        using var stream = typeof(ReportTagger).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
