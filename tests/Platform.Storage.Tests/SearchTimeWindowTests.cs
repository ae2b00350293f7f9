using Google.Protobuf.WellKnownTypes;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// A search by words with a publication-time window reads the time from quote_search's own rows (migration 0008)
/// and steps back one partition at a time until the window is reached. Its own database: the ingest order is moved
/// far ahead, so that the window lies partitions behind the newest article.
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
