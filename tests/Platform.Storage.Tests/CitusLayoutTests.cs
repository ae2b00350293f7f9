using Dapper;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// The tables' layout: on a Citus coordinator (scripts/test-citus.sh) distributed as docs/scaling.md says, with one
/// article's rows on one node; on plain PostgreSQL untouched by the Citus step.
/// </summary>
public class CitusLayoutTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static bool OnCitus => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.CitusWorkersVariable));

    [Fact]
    public async Task Articles_sent_together_are_stored_several_to_a_transaction()
    {
        // On Citus a batch spans shards; a statement Citus refuses over several shards (as SELECT ... FOR UPDATE
        // was) makes every batch fall back to one article per transaction, and the articles would still be stored.
        // Articles of one transaction share its start time as their ingested_at, so fewer distinct times than
        // articles show that batches held several.
        var requests = Enumerable.Range(1, 40)
            .Select(i => ReadReplicaTests.Tides($"batch-{i:00}", 7, $"Buoy {i} is lit.", $"Buoy {i} is anchored.").Clone())
            .Select((r, i) => { r.Sequence = (ulong)i + 1; return r; })
            .ToArray();
        var acks = await storage.IngestAsync(requests);
        Assert.All(acks.Values, a => Assert.Equal(StoreStatus.Stored, a.Status));

        await using var connection = await storage.Database.OpenAsync();
        var transactions = await connection.ExecuteScalarAsync<long>(
            "SELECT count(DISTINCT ingested_at) FROM articles WHERE id LIKE 'batch-%'");
        Assert.InRange(transactions, 1, 39);
    }

    [Fact]
    public async Task On_Citus_a_batch_waits_its_turn_to_write_shared_rows_and_on_one_server_it_does_not()
    {
        // A transaction holding the turn's key (Data/SharedRowWrites.cs) stands for another batch writing the registry
        // and the quote groups: on Citus, where such batches could deadlock across nodes, this one waits for it.
        const long turnKey = 0x706C_6174_666F_726D;
        await using var connection = await storage.Database.OpenAsync();
        await using var other = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@turnKey)", new { turnKey }, other);

        var ingest = storage.IngestAsync(ReadReplicaTests.Tides("turn-1", 9, "The ferry waits.", "The tide turns."));
        // On one server it must finish however loaded the machine is; on Citus it must not finish at all.
        var waited = OnCitus ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(60);
        var finished = await Task.WhenAny(ingest, Task.Delay(waited)) == ingest;
        Assert.Equal(!OnCitus, finished);

        await other.CommitAsync();
        Assert.Equal(StoreStatus.Stored, (await ingest.WaitAsync(TimeSpan.FromSeconds(60))).Single().Value.Status);
    }

    [Fact]
    public async Task The_identity_sequence_gives_the_newest_ingest_order()
    {
        // On Citus a search by words starts from the identity sequence's last value instead of max(seq), which would
        // ask every shard (QuoteSearchTable): every insert draws from the coordinator's sequence, so after the last
        // acknowledgement the two agree. An insert drawing from a worker's range would break it.
        var requests = Enumerable.Range(1, 12)
            .Select(i => ReadReplicaTests.Tides($"newest-{i:00}", 8, $"Gate {i} is shut.", $"Gate {i} is painted.").Clone())
            .Select((r, i) => { r.Sequence = (ulong)i + 1; return r; })
            .ToArray();
        var acks = await storage.IngestAsync(requests);
        Assert.All(acks.Values, a => Assert.Equal(StoreStatus.Stored, a.Status));

        await using var connection = await storage.Database.OpenAsync();
        var (last, newest) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence('articles', 'seq')), (SELECT max(seq) FROM articles)");
        Assert.Equal(newest, last);
    }

    [Fact]
    public async Task Tables_are_distributed_by_article_on_Citus_and_left_alone_on_PostgreSQL()
    {
        Assert.Equal(StoreStatus.Stored, (await storage.IngestAsync(ReadReplicaTests.Tides("layout-1", 6, "The dunes moved.", "The path is closed."))).Single().Value.Status);
        await using var connection = await storage.Database.OpenAsync();
        var hasCitus = await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')");
        Assert.Equal(OnCitus, hasCitus);
        if (!OnCitus)
        {
            // The unique ingest order that the Citus step trades for a plain index is still checked here.
            Assert.True(await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'articles_seq_key')"));
            return;
        }

        var layout = (await connection.QueryAsync<(string Table, string Method, string? Column)>(
                """
                SELECT logicalrelid::text, partmethod::text, column_to_column_name(logicalrelid, partkey)
                FROM pg_dist_partition WHERE logicalrelid::text NOT LIKE 'quote\_search\_%' ORDER BY 1
                """))
            .ToList();
        Assert.Equal(
            [
                ("articles", "h", "id"), ("entities", "h", "article_id"), ("known_entities", "n", null),
                ("known_entity_aliases", "n", null), ("known_entity_deltas", "n", null), ("mentions", "h", "article_id"),
                ("quote_entities", "h", "article_id"), ("quote_group_bands", "n", null), ("quote_groups", "n", null),
                ("quote_search", "h", "article_id"), ("quote_speaker_weeks", "n", null), ("quote_stats", "n", null),
                ("quote_stats_deltas", "n", null), ("quote_stats_presence", "n", null), ("quote_stats_totals", "n", null),
                ("quote_timeline", "n", null), ("quote_timeline_deltas", "n", null), ("quotes", "h", "article_id"),
            ],
            layout);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'"));

        // The article's rows sit on one worker, and the two workers both hold shards.
        var nodes = await connection.QueryAsync<int>(
            """
            SELECT DISTINCT p.nodeport FROM unnest(ARRAY['articles', 'entities', 'mentions', 'quotes', 'quote_entities']) t
            JOIN pg_dist_shard_placement p ON p.shardid = get_shard_id_for_distribution_column(t, 'layout-1')
            """);
        Assert.Single(nodes);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(DISTINCT p.nodeport) FROM pg_dist_shard_placement p
            JOIN pg_dist_shard s ON s.shardid = p.shardid WHERE s.logicalrelid = 'quotes'::regclass
            """));
    }
}
