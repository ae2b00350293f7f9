using System.Globalization;
using System.Text;

namespace Platform.Nlp.Evaluation;

/// <summary>Counts of one entity type: gold phrases, predicted phrases and exact matches.</summary>
public sealed record TypeScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Phrase-level scoring in the manner of conlleval: a predicted phrase counts only if its boundaries and type
/// equal a gold phrase. Chunk boundaries follow conlleval's rules, so BIO and IOB1 tag sequences both work.
/// </summary>
public sealed class PhraseScorer
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    /// <summary>Number of tokens scored.</summary>
    public int Tokens { get; private set; }

    /// <summary>Adds one sentence (gold and predicted tags of the same tokens).</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted tag sequences differ in length.", nameof(predicted));
        }

        Tokens += gold.Count;
        var goldChunks = Chunks(gold);
        var predictedChunks = Chunks(predicted);
        foreach (var chunk in goldChunks)
        {
            Counts(chunk.Type)[0]++;
        }

        foreach (var chunk in predictedChunks)
        {
            Counts(chunk.Type)[1]++;
            if (goldChunks.Contains(chunk))
            {
                Counts(chunk.Type)[2]++;
            }
        }
    }

    /// <summary>
    /// Adds the phrases of one text given as (type, start, end) in any common unit (tokens or character offsets):
    /// a predicted phrase is correct when a gold phrase has the same type and boundaries.
    /// </summary>
    public void Add(IReadOnlySet<(string Type, int Start, int End)> gold, IEnumerable<(string Type, int Start, int End)> predicted, int tokens)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        Tokens += tokens;
        foreach (var chunk in gold)
        {
            Counts(chunk.Type)[0]++;
        }

        foreach (var chunk in predicted.Distinct())
        {
            Counts(chunk.Type)[1]++;
            if (gold.Contains(chunk))
            {
                Counts(chunk.Type)[2]++;
            }
        }
    }

    /// <summary>Scores per type, in name order.</summary>
    public IReadOnlyList<TypeScore> ByType => [.. _counts.Select(c => new TypeScore(c.Key, c.Value[0], c.Value[1], c.Value[2]))];

    /// <summary>Micro-averaged score over all types.</summary>
    public TypeScore Overall => new(
        "overall", _counts.Values.Sum(c => c[0]), _counts.Values.Sum(c => c[1]), _counts.Values.Sum(c => c[2]));

    /// <summary>A conlleval-like report.</summary>
    public string Report()
    {
        var builder = new StringBuilder();
        var o = Overall;
        builder.Append(CultureInfo.InvariantCulture, $"processed {Tokens} tokens with {o.Gold} phrases; found: {o.Predicted} phrases; correct: {o.Correct}.\n");
        builder.Append(CultureInfo.InvariantCulture, $"{"overall",-10} precision: {o.Precision,6:F2}%; recall: {o.Recall,6:F2}%; FB1: {o.F1,6:F2}\n");
        foreach (var t in ByType)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{t.Type,-10} precision: {t.Precision,6:F2}%; recall: {t.Recall,6:F2}%; FB1: {t.F1,6:F2}  {t.Predicted}\n");
        }

        return builder.ToString();
    }

    /// <summary>The phrases of a tag sequence as (type, first token, last token).</summary>
    public static HashSet<(string Type, int Start, int End)> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new HashSet<(string, int, int)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var (prefix, current) = i < tags.Count ? Split(tags[i]) : ('O', "");
            var (prevPrefix, prevType) = i > 0 ? Split(tags[i - 1]) : ('O', "");
            if (type is not null && EndsBefore(prevPrefix, prevType, prefix, current))
            {
                chunks.Add((type, start, i - 1));
                type = null;
            }

            if (StartsAt(prevPrefix, prevType, prefix, current))
            {
                start = i;
                type = current;
            }
        }

        return chunks;
    }

    private int[] Counts(string type)
    {
        if (!_counts.TryGetValue(type, out var counts))
        {
            counts = new int[3];
            _counts.Add(type, counts);
        }

        return counts;
    }

    private static (char Prefix, string Type) Split(string tag)
        => tag.Length >= 2 && tag[1] == '-' ? (tag[0], tag[2..]) : (tag.Length > 0 && tag[0] != 'O' ? 'I' : 'O', tag.Length > 1 && tag[0] != 'O' ? tag : "");

    // conlleval's endOfChunk: the phrase that the previous token belongs to ends before the current token.
    private static bool EndsBefore(char prevPrefix, string prevType, char prefix, string type)
        => prevPrefix != 'O' && (prefix is 'O' or 'B' || prevType != type || prevPrefix is 'E' or 'S' || prefix == 'S');

    // conlleval's startOfChunk: a new phrase starts at the current token.
    private static bool StartsAt(char prevPrefix, string prevType, char prefix, string type)
        => prefix != 'O' && (prefix is 'B' or 'S' || prevPrefix is 'O' or 'E' or 'S' || prevType != type);
}
