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
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(20));
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
