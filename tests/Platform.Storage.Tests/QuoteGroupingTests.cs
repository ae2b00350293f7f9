using Platform.Storage.Groups;

namespace Platform.Storage.Tests;

/// <summary>The pure grouping logic: normalization, the near-duplicate test, band keys, and a batch's plan.</summary>
public class QuoteGroupingTests
{
    [Theory]
    [InlineData("“We have heard promises like this before,”", "we have heard promises like this before")]
    [InlineData("\"WE  have heard\tpromises -- like this before!\"", "we have heard promises like this before")]
    [InlineData("«Nous n’avons pas été consultés»", "nous navons pas ete consultes")]
    [InlineData("'Don't panic,' she said", "dont panic she said")]
    [InlineData("...", "")]
    public void Typesetting_does_not_change_the_words(string text, string words)
        => Assert.Equal(words, string.Join(' ', QuoteFingerprint.Tokens(text)));

    [Fact]
    public void Same_words_differently_typeset_share_a_key_and_every_band()
    {
        var a = QuoteShingles.Of("“The cranes are back in service,” she said.");
        var b = QuoteShingles.Of("\"the cranes are back in service\" SHE SAID");
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(1.0, a.Similarity(b));
        Assert.Equal(MinHashBands.Keys(a), MinHashBands.Keys(b));
        Assert.Equal(MinHashBands.Bands, MinHashBands.Keys(a).Length);
    }

    [Fact]
    public void A_quote_without_words_has_no_key_and_no_bands()
    {
        var empty = QuoteShingles.Of("“…”");
        Assert.True(empty.IsEmpty);
        Assert.Equal(0, empty.Key);
        Assert.Empty(MinHashBands.Keys(empty));
        Assert.Equal(0, empty.Similarity(empty));
    }

    [Fact]
    public void Band_keys_are_stable_across_runs()
    {
        // Stored band keys must mean the same after a restart: no per-process hash seeds.
        Assert.Equal(5909809244822937269L, QuoteFingerprint.Key(QuoteFingerprint.Tokens("We have heard promises like this before")));
    }

    [Fact]
    public void A_batch_joins_stored_groups_and_groups_its_own_copies()
    {
        var quotes = new[]
        {
            QuoteGrouper.Prepare("We have heard promises like this before, and nothing changed."),
            QuoteGrouper.Prepare("“We have heard promises like this before and nothing changed”"),
            QuoteGrouper.Prepare("The council will publish the inspection report in March."),
            QuoteGrouper.Prepare("The council will publish the full inspection report in March."),
            QuoteGrouper.Prepare("…"),
        };
        var stored = new StoredGroup(42, "The council will publish the inspection report in March");
        var lookup = quotes[2].BandKeys.Select(k => (k, stored)).ToLookup(p => p.k, p => p.stored);

        var plan = QuoteGrouper.Plan(quotes, lookup);

        Assert.Single(plan.NewGroups);
        Assert.Equal("We have heard promises like this before, and nothing changed.", plan.NewGroups[0].Representative);
        Assert.Equal(new GroupChoice(null, 0), plan.Choices[0]);
        Assert.Equal(new GroupChoice(null, 0), plan.Choices[1]);
        Assert.Equal(new GroupChoice(42, null), plan.Choices[2]);
        Assert.Equal(new GroupChoice(42, null), plan.Choices[3]);
        Assert.Equal(GroupChoice.None, plan.Choices[4]);
    }

    [Fact]
    public void A_candidate_that_is_not_similar_is_not_joined()
    {
        var quote = QuoteGrouper.Prepare("We will rebuild the eastern terminal before the winter storms.");
        var unrelated = new StoredGroup(7, "Nobody in this country should have to drive two hours to see a nurse.");
        var plan = QuoteGrouper.Plan([quote], quote.BandKeys.ToLookup(k => k, _ => unrelated));
        Assert.Equal(new GroupChoice(null, 0), plan.Choices[0]);
    }

    /// <summary>
    /// Precision and recall of grouping (band-key lookup, then the exact test) on constructed pairs; the numbers are
    /// in docs/quality.md. A pair counts as grouped when the second quote, planned against the first as a stored
    /// group found through its band keys, joins it.
    /// </summary>
    [Fact]
    public void Precision_and_recall_on_constructed_pairs_stay_above_their_floors()
    {
        var (precision, recall, positives, negatives) = Measure();
        Console.WriteLine($"grouping: precision {precision:P1}, recall {recall:P1} on {positives} positive and {negatives} negative pairs");
        foreach (var (a, b) in GroupingPairs.Same.Where(p => !Grouped(p.Item1, p.Item2)))
        {
            Console.WriteLine($"missed: {a} | {b}");
        }

        foreach (var (a, b) in GroupingPairs.Different.Where(p => Grouped(p.Item1, p.Item2)))
        {
            Console.WriteLine($"wrongly grouped: {a} | {b}");
        }
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.90, $"recall {recall:P1}");
    }

    internal static (double Precision, double Recall, int Positives, int Negatives) Measure()
    {
        var truePositives = 0;
        foreach (var (a, b) in GroupingPairs.Same)
        {
            truePositives += Grouped(a, b) ? 1 : 0;
        }

        var falsePositives = 0;
        foreach (var (a, b) in GroupingPairs.Different)
        {
            falsePositives += Grouped(a, b) ? 1 : 0;
        }

        var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        return (precision, (double)truePositives / GroupingPairs.Same.Count, GroupingPairs.Same.Count, GroupingPairs.Different.Count);
    }

    [Fact]
    public void Every_pair_list_is_large_enough_to_measure()
    {
        Assert.True(GroupingPairs.Same.Count >= 40);
        Assert.True(GroupingPairs.Different.Count >= 40);
    }

    private static bool Grouped(string first, string second)
    {
        var stored = QuoteGrouper.Prepare(first);
        var group = new StoredGroup(1, first);
        var plan = QuoteGrouper.Plan([QuoteGrouper.Prepare(second)], stored.BandKeys.ToLookup(k => k, _ => group));
        return plan.Choices[0].StoredId == 1;
    }
}
