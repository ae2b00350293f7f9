namespace Platform.Storage.Groups;

/// <summary>A stored group that shares a band key with a quote being grouped: a candidate, not yet a match.</summary>
public sealed record StoredGroup(long Id, string Representative);

/// <summary>A group a batch creates: founded by its first quote, whose text represents it.</summary>
public sealed record NewGroup(long Key, string Representative, long[] BandKeys);

/// <summary>Where a quote goes: a stored group (<see cref="StoredId"/>) or one of the batch's new groups (<see cref="NewIndex"/>); neither for a quote without words.</summary>
public readonly record struct GroupChoice(long? StoredId, int? NewIndex)
{
    public static GroupChoice None => new(null, null);
}

/// <summary>The groups of a batch's quotes: each quote's choice, in input order, and the groups to create.</summary>
public sealed record GroupPlan(IReadOnlyList<GroupChoice> Choices, IReadOnlyList<NewGroup> NewGroups);

/// <summary>
/// Groups a batch's quotes (pure: the stored candidates are looked up beforehand by their band keys). Each quote joins
/// the most similar candidate it is a near duplicate of, among the stored groups sharing one of its band keys and
/// the groups founded earlier in the same batch; otherwise it founds a group. A group is compared through its
/// representative (its founding quote), so a chain of small edits does not drift a group away from what it says.
/// </summary>
public static class QuoteGrouper
{
    /// <summary>A quote's shingles and band keys, computed once.</summary>
    public sealed record Prepared(string Text, QuoteShingles Shingles, long[] BandKeys);

    public static Prepared Prepare(string text)
    {
        var shingles = QuoteShingles.Of(text);
        return new Prepared(text, shingles, MinHashBands.Keys(shingles));
    }

    /// <param name="quotes">The batch's quotes, prepared.</param>
    /// <param name="stored">Stored groups by band key (from the band table, for the quotes' keys).</param>
    public static GroupPlan Plan(IReadOnlyList<Prepared> quotes, ILookup<long, StoredGroup> stored)
    {
        var storedShingles = new Dictionary<long, QuoteShingles>();
        var newByBand = new Dictionary<long, List<int>>();
        var newGroups = new List<NewGroup>();
        var newShingles = new List<QuoteShingles>();
        var choices = new GroupChoice[quotes.Count];
        foreach (var (quote, i) in quotes.Select((q, i) => (q, i)))
        {
            if (quote.Shingles.IsEmpty)
            {
                choices[i] = GroupChoice.None;
                continue;
            }

            var best = GroupChoice.None;
            var bestSimilarity = 0.0;
            foreach (var key in quote.BandKeys)
            {
                foreach (var group in stored[key])
                {
                    if (!storedShingles.TryGetValue(group.Id, out var shingles))
                    {
                        shingles = storedShingles[group.Id] = QuoteShingles.Of(group.Representative);
                    }

                    Consider(new GroupChoice(group.Id, null), shingles);
                }

                foreach (var index in newByBand.GetValueOrDefault(key) ?? [])
                {
                    Consider(new GroupChoice(null, index), newShingles[index]);
                }
            }

            if (best == GroupChoice.None)
            {
                best = new GroupChoice(null, newGroups.Count);
                newGroups.Add(new NewGroup(quote.Shingles.Key, quote.Text, quote.BandKeys));
                newShingles.Add(quote.Shingles);
                foreach (var key in quote.BandKeys)
                {
                    (newByBand.TryGetValue(key, out var list) ? list : newByBand[key] = []).Add(best.NewIndex!.Value);
                }
            }

            choices[i] = best;

            void Consider(GroupChoice candidate, QuoteShingles representative)
            {
                var similarity = quote.Shingles.Similarity(representative);
                // Ties go to the candidate seen first: stored groups before new ones, so a batch joins what exists.
                if (similarity >= QuoteShingles.MinJaccard && similarity > bestSimilarity)
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }

        return new GroupPlan(choices, newGroups);
    }
}
