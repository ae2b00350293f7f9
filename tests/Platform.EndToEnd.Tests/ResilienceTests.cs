using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

public class ResilienceTests
{
    [Fact]
    public async Task Article_sent_while_storage_is_down_is_stored_once_storage_starts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = RunningService.FreePort();
        await using var extraction = await RunningService.StartExtractionAsync(new Uri($"http://127.0.0.1:{port}"));
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        var pending = client.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = "early", Text = "“We waited for the database,” said Elena Marsh." },
            Store = true,
        }).ResponseAsync;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(pending.IsCompleted);

        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString, port);
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(StoreStatus.Stored, response.Storage.Status);

        var stored = await new StorageService.StorageServiceClient(storage.Channel).GetArticleAsync(new GetArticleRequest { Id = "early" });
        Assert.Equal(response.Analysis, stored.Analysis);
    }

    [Fact]
    public async Task Unreachable_storage_is_reported_as_not_stored_within_the_ack_timeout()
    {
        var port = RunningService.FreePort();
        await using var extraction = await RunningService.StartExtractionAsync(
            new Uri($"http://127.0.0.1:{port}"),
            new Dictionary<string, string?> { ["Storage:AckTimeout"] = "00:00:01" });
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await client.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = "lost", Text = "“Nobody is listening,” said Elena Marsh." },
            Store = true,
        }));
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("did not acknowledge", error.Status.Detail, StringComparison.Ordinal);
    }
}

public class DatabaseOutageTests
{
    [Fact]
    public async Task PostgreSQL_restarted_mid_ingest_costs_latency_not_articles_and_health_follows_it()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var storage = await RunningService.StartStorageAsync(cluster.ConnectionString);
        await using var extraction = await RunningService.StartExtractionAsync(storage.Address);
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);
        var health = new Grpc.Health.V1.Health.HealthClient(storage.Channel);

        async Task<StoreStatus> StoreAsync(int i) => (await client.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = $"outage-{i}", Text = $"“Berth {i} is open,” said pilot Jonas Berg." },
            Store = true,
        })).Storage.Status;

        Assert.Equal(StoreStatus.Stored, await StoreAsync(0));

        await cluster.StopAsync();
        var during = (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status;
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, during);

        // Articles sent while the database is away wait for it (up to Storage:Limits:DatabaseRetryTime).
        var waiting = Enumerable.Range(1, 5).Select(StoreAsync).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        await cluster.StartAgainAsync();

        Assert.All(await Task.WhenAll(waiting), s => Assert.Equal(StoreStatus.Stored, s));
        var after = (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status;
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, after);

        var storageClient = new StorageService.StorageServiceClient(storage.Channel);
        var all = await storageClient.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Berg", PageSize = 100 });
        Assert.Equal(6, all.Quotes.Count);
    }
}
