namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Non-local evidence for the second pass (Ratinov and Roth 2009): every capitalized token learns which entity
/// types the first pass gave the other occurrences of the same word in the document. A headline "BONN" then
/// borrows the LOC label that "Bonn" got in the body, and "Zakharova" the PER label of "Maria Zakharova".
/// </summary>
internal static class DocumentContext
{
    private const int Classes = 5; // O and the four types

    public static void Fill(Span<TokenInfo> infos, ReadOnlySpan<int> firstPass)
    {
        var slots = new Dictionary<ulong, int>();
        var counts = new List<int>();
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i].FirstPassLabel = firstPass[i];
            infos[i].DocumentMajority = -1;
            if (!Counts(infos[i]))
            {
                continue;
            }

            if (!slots.TryGetValue(infos[i].Lower, out var slot))
            {
                slot = counts.Count;
                slots.Add(infos[i].Lower, slot);
                for (var c = 0; c < Classes; c++)
                {
                    counts.Add(0);
                }
            }

            counts[slot + ClassOf(firstPass[i])]++;
        }

        for (var i = 0; i < infos.Length; i++)
        {
            if (!Counts(infos[i]))
            {
                continue;
            }

            var slot = slots[infos[i].Lower];
            var own = ClassOf(firstPass[i]);
            var best = -1;
            var bestCount = 0;
            var seen = 0;
            for (var c = 0; c < Classes; c++)
            {
                var others = counts[slot + c] - (c == own ? 1 : 0);
                if (others > 0)
                {
                    seen |= 1 << c;
                }

                if (others > bestCount)
                {
                    bestCount = others;
                    best = c;
                }
            }

            infos[i].DocumentMajority = best;
            infos[i].DocumentSeen = seen;
        }
    }

    private static bool Counts(in TokenInfo info) => info.IsCapitalized && info.Length > 1;

    private static int ClassOf(int label) => NerLabels.TypeOf(label) + 1;
}
