namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Deterministic 64-bit hashing of token text and feature templates. string.GetHashCode is randomized per
/// process, so the model needs its own hash to map features to the same weights at training and run time.
/// Characters are normalized while hashing (curly apostrophes and quotes, dashes) so that raw news text hashes
/// like the CoNLL training text without allocating a normalized copy.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Empty => Offset;

    public static ulong Text(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ Normalize(c)) * Prime;
        }

        return h;
    }

    /// <summary>Lowercased text with every digit mapped to '0' ("1996-08-22" and "1997-01-05" share a hash).</summary>
    public static ulong Lower(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h = (h ^ LowerChar(c)) * Prime;
        }

        return h;
    }

    public static ulong Append(ulong h, char c) => (h ^ c) * Prime;

    public static char LowerChar(char c)
    {
        c = Normalize(c);
        return char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
    }

    public static char Normalize(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201A' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
        _ => c,
    };

    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static ulong Combine(ulong a, ulong b) => Mix((a * 0x9E3779B97F4A7C15UL) ^ b);

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);
}
