using System.Globalization;
using System.IO.Compression;

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

    public ReportTagger(Dictionary<string, float> weights, IReadOnlySet<string> cueWords, float threshold = 0)
    {
        _weights = weights;
        CueWords = cueWords;
        Threshold = threshold;
    }

    /// <summary>The model embedded in the engine, or null when it was built without one.</summary>
    public static ReportTagger? Default => Embedded.Value;

    /// <summary>Words outside the reporting-verb lexicon that head attributions often enough to be proposed as cues.</summary>
    public IReadOnlySet<string> CueWords { get; }

    /// <summary>The score above which a candidate becomes a quote.</summary>
    public float Threshold { get; }

    public IReadOnlyDictionary<string, float> Weights => _weights;

    public ReportTagger WithThreshold(float threshold) => new(_weights, CueWords, threshold);

    public float Score(IEnumerable<string> features)
    {
        var sum = 0f;
        foreach (var f in features)
        {
            sum += _weights.GetValueOrDefault(f);
        }

        return sum;
    }

    /// <summary>Writes the model as gzipped text: threshold, cue words ("!cue"), then "feature TAB weight" lines in ordinal order.</summary>
    public void Save(Stream stream, string description)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip);
        writer.NewLine = "\n";
        writer.WriteLine("# " + description.ReplaceLineEndings(" "));
        writer.WriteLine("!threshold\t" + Threshold.ToString("R", CultureInfo.InvariantCulture));
        foreach (var word in CueWords.Order(StringComparer.Ordinal))
        {
            writer.WriteLine("!cue\t" + word);
        }

        foreach (var (feature, weight) in _weights.Where(w => w.Value != 0).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(feature + "\t" + weight.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static ReportTagger Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        var cues = new HashSet<string>(StringComparer.Ordinal);
        var threshold = 0f;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (line.StartsWith("!cue\t", StringComparison.Ordinal))
            {
                cues.Add(line[(tab + 1)..]);
                continue;
            }

            var value = float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (line.StartsWith("!threshold\t", StringComparison.Ordinal))
            {
                threshold = value;
            }
            else
            {
                weights[line[..tab]] = value;
            }
        }

        return new ReportTagger(weights, cues, threshold);
    }

    private static ReportTagger? LoadEmbedded()
    {
        using var stream = typeof(ReportTagger).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
