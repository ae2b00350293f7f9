namespace Platform.Nlp.Entities.Model;

/// <summary>
/// The BILOU label set over the model's entity types: label 0 is O; type t has B = 1 + 4t, I = 2 + 4t,
/// L = 3 + 4t, U = 4 + 4t. BILOU rather than BIO because marking the last and unit tokens explicitly lets a
/// linear model learn boundaries better (Ratinov and Roth 2009).
/// </summary>
public static class NerLabels
{
    /// <summary>The types the statistical model predicts, in label order (CoNLL-2003 names).</summary>
    public static IReadOnlyList<string> Types { get; } = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Number of labels: O plus four per type.</summary>
    public static int Count { get; } = 1 + (4 * Types.Count);

    internal const int Begin = 0;
    internal const int Inside = 1;
    internal const int Last = 2;
    internal const int Unit = 3;

    /// <summary>The entity type index of a label, or -1 for O.</summary>
    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) / 4;

    internal static int PartOf(int label) => (label - 1) % 4;

    internal static int Make(int type, int part) => 1 + (type * 4) + part;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool CanFollow(int previous, int next)
    {
        var closed = previous < 0 || previous == 0 || PartOf(previous) is Last or Unit;
        if (closed)
        {
            return next == 0 || PartOf(next) is Begin or Unit;
        }

        return next != 0 && TypeOf(next) == TypeOf(previous) && PartOf(next) is Inside or Last;
    }

    /// <summary>Whether a sentence may end with <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => label == 0 || PartOf(label) is Last or Unit;

    /// <summary>
    /// Converts a BIO or IOB1 tag sequence (e.g. "B-PER", "I-PER", "O") into BILOU labels; unknown types become O.
    /// </summary>
    public static int[] FromTags(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var type = TypeIndex(tags[i]);
            if (type < 0)
            {
                continue;
            }

            var starts = tags[i][0] == 'B' || i == 0 || TypeIndex(tags[i - 1]) != type;
            var ends = i + 1 == tags.Count || TypeIndex(tags[i + 1]) != type || tags[i + 1][0] == 'B';
            var part = (starts, ends) switch
            {
                (true, true) => Unit,
                (true, false) => Begin,
                (false, true) => Last,
                _ => Inside,
            };
            labels[i] = Make(type, part);
        }

        return labels;
    }

    /// <summary>Converts BILOU labels into BIO (IOB2) tags.</summary>
    public static string[] ToBio(ReadOnlySpan<int> labels)
    {
        var tags = new string[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            tags[i] = label == 0 ? "O" : (PartOf(label) is Begin or Unit ? "B-" : "I-") + Types[TypeOf(label)];
        }

        return tags;
    }

    private static int TypeIndex(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-')
        {
            return -1;
        }

        var name = tag.AsSpan(2);
        for (var t = 0; t < Types.Count; t++)
        {
            if (name.SequenceEqual(Types[t]))
            {
                return t;
            }
        }

        return -1;
    }
}
