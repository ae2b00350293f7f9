using Dapper;
using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>A storage service that stores at most 2 batches of 4 articles at a time and queues 8 more.</summary>
public sealed class SmallIngestQueueFixture : StorageFixture
{
    public const int Parallelism = 2;
    public const int BatchArticles = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Limits:IngestParallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage:Limits:MaxBatchArticles"] = BatchArticles.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Backpressure: when the database is slow the storage service stops reading the Ingest stream, so the sender's
/// writes wait (HTTP/2 flow control) and the service holds a bounded number of articles whatever the stream's length.
/// </summary>
public class BackpressureTests(SmallIngestQueueFixture storage) : IClassFixture<SmallIngestQueueFixture>
{
    private const int Articles = 400;

    // About 16 KB per article, so that HTTP/2's flow-control windows hold few of them.
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("The council met again on the harbour plans.", 380));

    [Fact]
    public async Task Blocked_database_stops_the_reading_of_the_stream_and_everything_is_stored_once_it_is_released()
    {
        // Every batch waits at its first write to the articles table until the lock is released.
        await using var blocked = await storage.Database.BlockWritesAsync("articles");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var call = storage.Client.Ingest(cancellationToken: deadline.Token);
        var traffic = new DuplexTraffic<IngestRequest, IngestResponse>(call, Enumerable.Range(1, Articles).Select(Article), deadline.Token);

        // Wait until the sender has been held back for a second (at most 30 s).
        var stuck = await Progress.StallsAsync(() => traffic.Written, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.True(stuck, $"the sender never waited: {traffic.Written} of {Articles} articles written with the database blocked");

        // What the service may hold: the batches being stored, the queue, and what the HTTP/2 windows and the
        // client's and server's buffers let through (30 articles, ~500 KB, when this was written), with room to spare.
        var held = traffic.Written;
        const int Queued = 2 * SmallIngestQueueFixture.Parallelism * SmallIngestQueueFixture.BatchArticles;
        Assert.InRange(held, Queued, Queued + 100);
        Assert.Empty(traffic.Responses);
        Assert.False(traffic.Sending.IsCompleted);

        await blocked.ReleaseAsync();
        await traffic.CompletionAsync();
        var acknowledged = traffic.Responses;

        Assert.Equal(Articles, acknowledged.Count);
        Assert.All(acknowledged, a => Assert.Equal(StoreStatus.Stored, a.Status));
        Assert.Equal(Enumerable.Range(1, Articles).Select(i => (ulong)i), acknowledged.Select(a => a.Sequence).Order());
        await using var connection = await storage.Database.OpenAsync();
        Assert.Equal(Articles, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE id LIKE 'slow-%'"));
    }

    private static IngestRequest Article(int sequence)
        => new AnalysisBuilder($"slow-{sequence}", $"“Ships return on Monday,” said Elena Marsh. {Filler}")
            .Entity("e1", "Elena Marsh", EntityType.Person, "Elena Marsh")
            .Quote("Ships return on Monday", "e1", "said")
            .Request((ulong)sequence);
}
