using Google.Protobuf.WellKnownTypes;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// Searches with a publication-time window read the time from the searched rows themselves: a search by words from
/// quote_search's (migration 0008), stepping back one partition at a time until the window is reached; a search by
/// speaker, entity or outlet from the quotes' and their links' (migration 0009). Its own database: the ingest order is
/// moved far ahead, so that the window lies partitions behind the newest article.
/// </summary>
public class SearchTimeWindowTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static IngestRequest Article(string id, string words, int year, int month, int day)
        => SearchPartitionTests.Builder(id, words).Published(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero)).Request();

    private static Timestamp Day(int year, int month, int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Words_in_a_time_window_are_found_partitions_behind_and_by_the_articles_current_time()
    {
        // Partition 0: one article from 2019; partition 12: three from March 2025. A window before 2020 is reached
        // after eight one-partition ranges (12 to 5) and then wider ones (4-3, then 2-0).
        await storage.IngestAsync(Article("t-2019", "orchard levy", 2019, 6, 1));
        await SearchPartitionTests.RestartIngestOrderAsync(storage, 12 * 4096);
        await storage.IngestAsync(Article("t-2025a", "orchard levy", 2025, 3, 1));
        await storage.IngestAsync(Article("t-2025b", "orchard levy", 2025, 3, 2));
        await storage.IngestAsync(Article("t-moved", "orchard levy", 2025, 3, 3));

        Assert.Equal(["t-2019"], await SearchAsync(before: Day(2020, 1, 1), order: QuoteOrder.Newest));
        Assert.Equal(["t-2019"], await SearchAsync(before: Day(2020, 1, 1), order: QuoteOrder.Relevance));
        Assert.Equal(["t-moved", "t-2025b", "t-2025a"], await SearchAsync(after: Day(2025, 1, 1), order: QuoteOrder.Newest));
        Assert.Equal(["t-2025b"], await SearchAsync(after: Day(2025, 3, 2), before: Day(2025, 3, 3), order: QuoteOrder.Newest));
        Assert.Empty(await SearchAsync(after: Day(2021, 1, 1), before: Day(2025, 1, 1), order: QuoteOrder.Newest));

        // A new version with a corrected date: found by its new time only.
        await storage.IngestAsync(Article("t-moved", "orchard levy again", 2018, 1, 1));
        Assert.Equal(["t-moved", "t-2019"], await SearchAsync(before: Day(2020, 1, 1), order: QuoteOrder.Newest));
        Assert.Equal(["t-2025b", "t-2025a"], await SearchAsync(after: Day(2025, 1, 1), order: QuoteOrder.Newest));
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task Speaker_entity_and_outlet_searches_in_a_time_window_are_found_by_the_articles_current_time()
    {
        // Stored oldest first: a window in the past is reached after walking past every newer quote.
        await storage.IngestAsync(HarbourStatement("w-2016", "ferry", 2016, 5, 1));
        await storage.IngestAsync(HarbourStatement("w-2024a", "ferry", 2024, 4, 1));
        await storage.IngestAsync(HarbourStatement("w-2024b", "ferry", 2024, 4, 2));
        await storage.IngestAsync(HarbourStatement("w-moved", "ferry", 2024, 4, 3));
        SearchQuotesRequest[] searches =
        [
            new() { Speaker = "Tomas Reed" },
            new() { Entity = "Harbour Board" },
            new() { Speaker = "Tomas Reed", Entity = "Harbour Board" },
            new() { Source = "Coast Post" },
            // The window alone; the other test's articles lie outside both windows used here.
            new(),
        ];
        foreach (var search in searches)
        {
            Assert.Equal(["w-2016"], await WindowAsync(search, before: Day(2017, 6, 1)));
            Assert.Equal(["w-moved", "w-2024b", "w-2024a"], await WindowAsync(search, after: Day(2024, 1, 1), before: Day(2025, 1, 1)));
            Assert.Equal(["w-2024b"], await WindowAsync(search, after: Day(2024, 4, 2), before: Day(2024, 4, 3)));
        }

        // A new version with a corrected date: every row of the article moves to the new time (and, stored again, the
        // article is the newest by ingest order).
        await storage.IngestAsync(HarbourStatement("w-moved", "tug", 2016, 1, 1));
        foreach (var search in searches)
        {
            Assert.Equal(["w-moved", "w-2016"], await WindowAsync(search, before: Day(2017, 6, 1)));
            Assert.Equal(["w-2024b", "w-2024a"], await WindowAsync(search, after: Day(2024, 1, 1), before: Day(2025, 1, 1)));
        }

        Assert.Empty(await storage.DanglingRowsAsync());
    }

    /// <summary>An article in the Coast Post with one quote of Tomas Reed's about the Harbour Board.</summary>
    private static IngestRequest HarbourStatement(string id, string vessel, int year, int month, int day)
        => new AnalysisBuilder(id, $"“The Harbour Board must fund the {vessel},” said Tomas Reed.")
            .Source("Coast Post")
            .Published(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero))
            .Entity("e1", "Tomas Reed", EntityType.Person, "Tomas Reed")
            .Entity("e2", "Harbour Board", EntityType.Org, "Harbour Board")
            .Quote($"The Harbour Board must fund the {vessel}", "e1", "said", "e2")
            .Request();

    // The articles of every page of the search's quotes in the window, newest first.
    private async Task<List<string>> WindowAsync(SearchQuotesRequest search, Timestamp? after = null, Timestamp? before = null)
    {
        var request = search.Clone();
        request.PageSize = 1;
        if (after is not null)
        {
            request.PublishedAfter = after;
        }

        if (before is not null)
        {
            request.PublishedBefore = before;
        }

        return (await storage.SearchAllPagesAsync(request)).Select(h => h.ArticleId).ToList();
    }

    // The articles of every page of quotes matching "orchard levy" in the window, in the order given.
    private async Task<List<string>> SearchAsync(QuoteOrder order, Timestamp? after = null, Timestamp? before = null)
    {
        var request = new SearchQuotesRequest { Text = "orchard levy", Order = order, PageSize = 1 };
        if (after is not null)
        {
            request.PublishedAfter = after;
        }

        if (before is not null)
        {
            request.PublishedBefore = before;
        }

        return (await storage.SearchAllPagesAsync(request)).Select(h => h.ArticleId).ToList();
    }
}
