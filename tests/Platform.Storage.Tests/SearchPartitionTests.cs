using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// Searches by words read quote_search, partitioned by ingest order (4,096 articles per partition) and searched
/// from the newest partition back. These tests move the ingest order far ahead, so that the quotes sit in
/// partitions far apart, one of which did not exist when its article was stored, and older partitions without
/// their newest-first index.
/// </summary>
public class SearchPartitionTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    internal static IngestRequest Article(string id, string words, ulong sequence = 1) => Builder(id, words).Request(sequence);

    /// <summary>An article with one quote of Ines Varga's saying that the given words must wait.</summary>
    internal static AnalysisBuilder Builder(string id, string words)
        => new AnalysisBuilder(id, $"“The {words} must wait,” said Ines Varga.")
            .Entity("e1", "Ines Varga", EntityType.Person, "Ines Varga")
            .Quote($"The {words} must wait", "e1");

    [Fact]
    public async Task Words_are_found_newest_first_across_partitions_including_one_added_after_its_article()
    {
        // Ingest orders 1-2 (partition 0), then 8190-8191 (partition 1), then 20480 (partition 5, which does not
        // exist yet: the article goes to the default partition and is moved when its partition is added).
        // One call each, so that the ingest order is the order of the calls.
        await storage.IngestAsync(Article("p-a", "lighthouse repairs"));
        await storage.IngestAsync(Article("p-b", "lighthouse tenders"));
        await RestartIngestOrderAsync(8190);
        await storage.IngestAsync(Article("p-c", "lighthouse budget"));
        await storage.IngestAsync(Article("p-d", "ferry budget"));
        await RestartIngestOrderAsync(20480);
        await storage.IngestAsync(Article("p-e", "lighthouse keepers"));

        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM quote_search_default"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM quote_search_5"));
        Assert.Equal(
            "FOR VALUES FROM ('20480') TO ('24576')",
            await ScalarAsync("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'quote_search_5'"));
        // The partition after the newest article's is ready for the next ones.
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM pg_class WHERE relname = 'quote_search_6'"));
        // Only the newest article's partition, the one before it and the one ahead keep a newest-first index; the
        // searches below read the older ones by their full-text index alone.
        Assert.Equal(
            "quote_search_4_newest quote_search_5_newest quote_search_6_newest",
            await ScalarAsync(
                @"SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class WHERE relkind = 'i' AND relname ~ '^quote_search_\d+_newest$'"));

        // Newest first, one quote per page: each page continues in the partition where the last one stopped.
        var hits = await storage.SearchAllPagesAsync(new SearchQuotesRequest { Text = "lighthouse", Order = QuoteOrder.Newest, PageSize = 1 });
        Assert.Equal(["p-e", "p-c", "p-b", "p-a"], hits.Select(q => q.ArticleId));

        // By relevance, the newest matches are ranked together whatever their partitions.
        var ranked = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "lighthouse budget", PageSize = 10 });
        Assert.Equal("p-c", ranked.Quotes.Single().ArticleId);
        var either = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "repairs OR budget", PageSize = 10 });
        Assert.Equal(["p-d", "p-c", "p-a"], either.Quotes.Select(q => q.ArticleId).Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task A_replaced_article_is_found_by_its_new_words_only()
    {
        await storage.IngestAsync(Article("p-replaced", "granary doors"));
        await storage.IngestAsync(Article("p-replaced", "granary roofs"));

        Assert.Empty((await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "doors" })).Quotes);
        Assert.Equal("p-replaced", (await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "granary roofs" })).Quotes.Single().ArticleId);
        Assert.Equal(1, await storage.CountAsync("quote_search", "p-replaced"));
    }

    private Task RestartIngestOrderAsync(long next) => RestartIngestOrderAsync(storage, next);

    internal static async Task RestartIngestOrderAsync(StorageFixture storage, long next)
    {
        await using var connection = await storage.Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('articles', 'seq'), {next}, false)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await storage.Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is long count ? (int)count : value;
    }
}

/// <summary>
/// Several storage replicas on one database: searches by words start from the newest article in the database,
/// whichever replica stored it.
/// </summary>
public class SearchReplicaTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task A_replica_finds_articles_another_replica_stored_a_moment_ago_far_ahead()
    {
        // A replica keeps partitions ahead of what it stores itself; its searches must still reach articles another
        // replica stored far ahead of those.
        await using var other = await RunningService.StartStorageAsync(storage.Database.ConnectionString);
        await storage.IngestAsync(SearchPartitionTests.Article("r-old", "signal flags"));
        Assert.Single((await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "signal flags" })).Quotes);

        // A replica that has stored nothing yet finds what the other stored.
        var client = new StorageService.StorageServiceClient(other.Channel);
        Assert.Single((await client.SearchQuotesAsync(new SearchQuotesRequest { Text = "signal flags" })).Quotes);

        await SearchPartitionTests.RestartIngestOrderAsync(storage, 40960);
        using (var call = client.Ingest())
        {
            await call.RequestStream.WriteAsync(SearchPartitionTests.Article("r-new", "signal lamps"));
            await call.RequestStream.CompleteAsync();
            Assert.Equal(StoreStatus.Stored, (await call.ResponseStream.ReadAllAsync().SingleAsync()).Status);
        }

        var page = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "signal", Order = QuoteOrder.Newest });
        Assert.Equal(["r-new", "r-old"], page.Quotes.Select(q => q.ArticleId));
    }
}
