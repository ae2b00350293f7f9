namespace Platform.Storage.Groups;

/// <summary>
/// Candidate lookup by locality-sensitive hashing: a MinHash signature of a quote's shingles cut into bands, each band
/// hashed to one 64-bit key. Two quotes share a band key with probability 1 - (1 - J^Rows)^Bands for a Jaccard
/// similarity J of their shingles: with 16 bands of 3, 0.99 at J = 0.64 (one word edited in ten), 0.88 at J = 0.5, 0.12
/// at J = 0.2. Band keys only propose candidates; <see cref="QuoteShingles.IsNearDuplicateOf"/> decides.
/// </summary>
/// <remarks>
/// Three rows per band, not two: a band of two minimums is often shared by unrelated quotes that both contain a common
/// pair ("of the"), and every such key would list thousands of groups to check.
/// </remarks>
public static class MinHashBands
{
    public const int Bands = 16;

    public const int Rows = 3;

    private static readonly ulong[] Seeds = Enumerable.Range(1, Bands * Rows)
        .Select(i => StableHash.Mix(0x9E3779B97F4A7C15UL * (ulong)i))
        .ToArray();

    /// <summary>The quote's band keys (distinct), none for a quote without words.</summary>
    public static long[] Keys(QuoteShingles shingles)
    {
        if (shingles.IsEmpty)
        {
            return [];
        }

        var signature = new ulong[Seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles.Set)
        {
            for (var i = 0; i < Seeds.Length; i++)
            {
                var h = StableHash.Mix(shingle ^ Seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            // The band's number is part of its key: the same minimums in two different bands are no evidence.
            var key = StableHash.Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++)
            {
                key = StableHash.Mix(key ^ signature[band * Rows + row]);
            }

            keys[band] = (long)key;
        }

        return keys.Distinct().ToArray();
    }
}
