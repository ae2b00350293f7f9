using System.Globalization;
using System.IO.Compression;

namespace Platform.Nlp.Quotes;

/// <summary>
/// The file format of the quote stage's linear models (speaker ranker, report tagger): gzipped text, a "# description"
/// line, settings as "!name TAB value" lines in the order given (a name may repeat: one learned cue word per line),
/// then one "feature TAB weight" line per non-zero weight in ordinal order, so that a model diffs line by line.
/// </summary>
internal static class WeightsFile
{
    public static void Write(
        Stream stream, string description, IEnumerable<(string Name, string Value)> settings, IReadOnlyDictionary<string, float> weights)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip);
        writer.NewLine = "\n";
        writer.WriteLine("# " + description.ReplaceLineEndings(" "));
        foreach (var (name, value) in settings)
        {
            writer.WriteLine("!" + name + "\t" + value);
        }

        foreach (var (feature, weight) in weights.Where(w => w.Value != 0).OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(feature + "\t" + Number(weight));
        }
    }

    /// <summary>The weights, and the settings in file order.</summary>
    public static (Dictionary<string, float> Weights, List<(string Name, string Value)> Settings) Read(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        var settings = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (line[0] == '!')
            {
                settings.Add((line[1..tab], line[(tab + 1)..]));
            }
            else
            {
                weights[line[..tab]] = float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            }
        }

        return (weights, settings);
    }

    /// <summary>A float as the file writes it: round-trippable, invariant culture.</summary>
    public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static float ParseNumber(string value) => float.Parse(value, CultureInfo.InvariantCulture);
}
