namespace Platform.Storage.Groups;

/// <summary>
/// A quote as the set of its word pairs (shingles, hashed), with the exact near-duplicate test. Word pairs rather than
/// single words: two different quotes of one speaker share many single words ("the", "we", "government") but few
/// pairs in a row, while a word added, removed or changed costs a copy only the two pairs around it.
/// </summary>
public sealed class QuoteShingles
{
    /// <summary>Jaccard similarity of the pair sets at or above which two quotes are one (one word edited in ten words: 0.64).</summary>
    public const double MinJaccard = 0.5;

    /// <summary>Share of the shorter quote's pairs found in the longer at or above which the shorter is a cut of it.</summary>
    public const double MinContainment = 0.8;

    /// <summary>The shorter quote needs this many pairs (six words) to count as a cut of a longer one: "we will see" is in many quotes.</summary>
    public const int MinContainedPairs = 5;

    private readonly HashSet<ulong> set;

    private QuoteShingles(IReadOnlyList<string> tokens, HashSet<ulong> set)
    {
        Tokens = tokens;
        this.set = set;
        Key = QuoteFingerprint.Key(tokens);
    }

    /// <summary>The quote's normalized words.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The key of the words alone (<see cref="QuoteFingerprint.Key"/>).</summary>
    public long Key { get; }

    /// <summary>The hashed shingles.</summary>
    public IReadOnlyCollection<ulong> Set => set;

    /// <summary>Whether the quote has words to group by.</summary>
    public bool IsEmpty => set.Count == 0;

    public static QuoteShingles Of(string text)
    {
        var tokens = QuoteFingerprint.Tokens(text);
        var set = new HashSet<ulong>();
        if (tokens.Count == 1)
        {
            set.Add(StableHash.Of(tokens[0]));
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            set.Add(StableHash.Of(tokens[i] + " " + tokens[i + 1]));
        }

        return new QuoteShingles(tokens, set);
    }

    /// <summary>
    /// How alike two quotes are, 0 to 1: the Jaccard similarity of their pairs, or the containment of the shorter in
    /// the longer when that is the stronger evidence (a quote trimmed by a copy editor); 1 for the same words.
    /// </summary>
    public double Similarity(QuoteShingles other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        if (Key == other.Key)
        {
            return 1;
        }

        var (small, large) = set.Count <= other.set.Count ? (set, other.set) : (other.set, set);
        var shared = small.Count(large.Contains);
        var jaccard = (double)shared / (small.Count + large.Count - shared);
        var containment = (double)shared / small.Count;
        return small.Count >= MinContainedPairs && containment >= MinContainment ? Math.Max(jaccard, containment) : jaccard;
    }

    /// <summary>Whether two quotes are the same quote as far as a newsroom is concerned.</summary>
    public bool IsNearDuplicateOf(QuoteShingles other)
    {
        var similarity = Similarity(other);
        return similarity >= MinJaccard;
    }
}
