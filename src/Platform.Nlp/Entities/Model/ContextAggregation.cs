using System.Runtime.CompilerServices;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Context aggregation (Ratinov and Roth 2009): a capitalized word learns the words next to its other occurrences in
/// the same document. "Brook" at the start of a sentence then sees the "said" that stands before it two paragraphs
/// later, and "BONN" in a headline the "in" before "Bonn" in the body. Filled once per document before the first
/// pass, from the tokens alone, so both passes can use it.
/// </summary>
internal static class ContextAggregation
{
    /// <summary>Distinct words kept per side, in document order: enough for the usual "Mr." / "said" contexts.</summary>
    public const int PerSide = 3;

    private const ulong PreviousTemplate = 76;
    private const ulong NextTemplate = 77;
    private const ulong PreviousClusterTemplate = 80;
    private const ulong NextClusterTemplate = 81;
    private const ulong PlaceClassTemplate = 82;

    // The 10-bit prefix of the Turian (newswire) clusters: "mr." and "mrs.", "said" and "told" share it.
    private const int ClusterPrefix = 2;

    /// <summary>Fills <see cref="TokenInfo.OtherContexts"/> for every capitalized word of a document.</summary>
    /// <param name="sentences">Token ranges of the sentences; a context never crosses a sentence boundary.</param>
    /// <param name="clusters">With a lexicon, a neighbour is represented by its Brown-cluster prefix when it has one
    /// (<see cref="FeatureSet.OtherContextClusters"/>), else by its lowercased word.</param>
    /// <param name="features">The model's feature set: <see cref="FeatureSet.OtherContextPlaceClass"/>,
    /// <see cref="FeatureSet.OtherContextLeftOnly"/> and <see cref="FeatureSet.OtherContextNotPlaces"/> change what is
    /// lent; other flags are ignored here.</param>
    public static void Fill(
        Span<TokenInfo> infos, IReadOnlyList<(int Start, int End)> sentences, FeatureSet features, Lexicon? clusters = null)
    {
        var placeClass = (features & FeatureSet.OtherContextPlaceClass) != 0;
        var leftOnly = (features & FeatureSet.OtherContextLeftOnly) != 0;
        var notPlaces = (features & FeatureSet.OtherContextNotPlaces) != 0;
        // Every occurrence of a counted word, by its lowercased form, in document order.
        var occurrences = new Dictionary<ulong, List<int>>();
        var previous = new ulong[infos.Length];
        var next = new ulong[infos.Length];
        foreach (var (start, end) in sentences)
        {
            for (var i = start; i < end; i++)
            {
                // 0 marks a sentence boundary: "no word there" tells nothing about the other occurrence.
                previous[i] = i > start ? Key(infos[i - 1], PreviousTemplate, PreviousClusterTemplate, clusters) : 0;
                next[i] = i + 1 < end ? Key(infos[i + 1], NextTemplate, NextClusterTemplate, clusters) : 0;
                if (!Counts(infos[i]))
                {
                    continue;
                }

                if (!occurrences.TryGetValue(infos[i].Lower, out var list))
                {
                    list = [];
                    occurrences.Add(infos[i].Lower, list);
                }

                list.Add(i);
            }
        }

        foreach (var list in occurrences.Values)
        {
            if (list.Count < 2)
            {
                continue;
            }

            foreach (var i in list)
            {
                ref var info = ref infos[i];
                info.OtherContextCount = 0;
                var place = placeClass || notPlaces ? PlaceClass(info) : 0;
                if (notPlaces && place != 0)
                {
                    continue;
                }

                var previousKept = 0;
                var nextKept = 0;
                foreach (var j in list)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    // A context the token has itself is already a local feature.
                    if (previousKept < PerSide && previous[j] != 0 && previous[j] != previous[i] && Add(ref info, Conjoin(previous[j], place)))
                    {
                        previousKept++;
                    }

                    if (!leftOnly && nextKept < PerSide && next[j] != 0 && next[j] != next[i] && Add(ref info, Conjoin(next[j], place)))
                    {
                        nextKept++;
                    }
                }
            }
        }
    }

    private static bool Counts(in TokenInfo info) => info.IsCapitalized && info.Length > 1;

    // 0 for a word no place gazetteer matched, else 1 (country), 2 (city) or 3 (both).
    private static int PlaceClass(in TokenInfo info)
    {
        var country = ((info.Phrases >> (3 * (int)PhraseList.Country)) & 7) != 0 ? 1 : 0;
        var city = ((info.Phrases >> (3 * (int)PhraseList.City)) & 7) != 0 ? 2 : 0;
        return country | city;
    }

    // A lent context of a known place is a feature of its own, so the model can weigh it apart from a person's.
    private static ulong Conjoin(ulong context, int place)
        => place == 0 ? context : FeatureHash.Combine(FeatureHash.Combine(PlaceClassTemplate, (ulong)place), context);

    // The hashed feature a neighbour lends: its cluster prefix when asked for and known, else its lowercased word.
    private static ulong Key(in TokenInfo neighbour, ulong wordTemplate, ulong clusterTemplate, Lexicon? clusters)
        => clusters is not null && neighbour.Cluster0 >= 0
            ? FeatureHash.Combine(clusterTemplate, clusters.ClusterPrefixHash(0, neighbour.Cluster0, ClusterPrefix))
            : FeatureHash.Combine(wordTemplate, neighbour.Lower);

    // Adds a context hash unless it is already there; true if added.
    private static bool Add(ref TokenInfo info, ulong hash)
    {
        for (var k = 0; k < info.OtherContextCount; k++)
        {
            if (info.OtherContexts[k] == hash)
            {
                return false;
            }
        }

        info.OtherContexts[info.OtherContextCount++] = hash;
        return true;
    }
}

/// <summary>The hashed context features of a token's other occurrences, stored inline in <see cref="TokenInfo"/>.</summary>
[InlineArray(2 * ContextAggregation.PerSide)]
internal struct OtherContextHashes
{
    private ulong _first;
}
