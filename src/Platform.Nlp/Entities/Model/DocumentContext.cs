namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Non-local evidence for the second pass (Ratinov and Roth 2009): every capitalized token learns which entity
/// types the first pass gave the other occurrences of the same word in the document. A headline "BONN" then
/// borrows the LOC label that "Bonn" got in the body, and "Zakharova" the PER label of "Maria Zakharova".
/// With <see cref="FeatureSet.LabelHistory"/> it also learns whether those occurrences were one-word entities or
/// parts of longer ones, and the type of the nearest earlier occurrence (the prediction history).
/// </summary>
internal static class DocumentContext
{
    private const int Classes = 5; // O and the four types
    private const int Parts = 8; // per type: one-word entity, part of a longer one

    public static void Fill(Span<TokenInfo> infos, ReadOnlySpan<int> firstPass)
    {
        var slots = new Dictionary<ulong, int>();
        var counts = new List<int>();
        var parts = new List<int>();
        var last = new List<int>();
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i].FirstPassLabel = firstPass[i];
            infos[i].DocumentMajority = -1;
            infos[i].EarlierClass = -1;
            if (!Counts(infos[i]))
            {
                continue;
            }

            if (!slots.TryGetValue(infos[i].Lower, out var slot))
            {
                slot = last.Count;
                slots.Add(infos[i].Lower, slot);
                counts.AddRange(new int[Classes]);
                parts.AddRange(new int[Parts]);
                last.Add(-1);
            }

            counts[(slot * Classes) + ClassOf(firstPass[i])]++;
            if (PartOf(firstPass[i]) is var part and >= 0)
            {
                parts[(slot * Parts) + part]++;
            }

            infos[i].EarlierClass = last[slot];
            last[slot] = ClassOf(firstPass[i]);
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
                var others = counts[(slot * Classes) + c] - (c == own ? 1 : 0);
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

            var ownPart = PartOf(firstPass[i]);
            var partsSeen = 0;
            for (var p = 0; p < Parts; p++)
            {
                if (parts[(slot * Parts) + p] - (p == ownPart ? 1 : 0) > 0)
                {
                    partsSeen |= 1 << p;
                }
            }

            infos[i].DocumentMajority = best;
            infos[i].DocumentSeen = seen;
            infos[i].DocumentParts = partsSeen;
        }
    }

    private static bool Counts(in TokenInfo info) => info.IsCapitalized && info.Length > 1;

    private static int ClassOf(int label) => NerLabels.TypeOf(label) + 1;

    // −1 for O, else 2·type for a one-word entity and 2·type + 1 for a token of a longer one.
    private static int PartOf(int label) =>
        label == 0 ? -1 : (2 * NerLabels.TypeOf(label)) + (NerLabels.PartOf(label) == NerLabels.Unit ? 0 : 1);
}
