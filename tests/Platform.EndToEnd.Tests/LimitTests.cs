using Grpc.Core;
using Microsoft.Extensions.Options;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

public class LimitTests
{
    [Fact]
    public async Task Queries_over_the_per_client_rate_are_resource_exhausted_and_ingest_is_not_limited()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimit:PermitsPerSecond"] = "1",
            ["RateLimit:Burst"] = "3",
        });
        var client = new StorageService.StorageServiceClient(storage.Channel);

        // 30 calls at once: the burst of 3 passes, plus one per second that the calls take (a loaded machine may be
        // slow), and the rest are refused. Sent at once so that the test does not depend on how fast calls run.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            try
            {
                await client.SearchQuotesAsync(new SearchQuotesRequest());
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }));
        // A call that was let through and then failed is not the limiter's doing: the assertion names its status.
        Assert.Empty(outcomes.Where(e => e is not null && e.StatusCode != StatusCode.ResourceExhausted).Select(e => $"{e!.StatusCode}: {e.Status.Detail}"));
        var passed = outcomes.Count(e => e is null);
        Assert.InRange(passed, 3, 3 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1);
        var error = outcomes.First(e => e is not null)!;
        Assert.Contains("rate limit", error.Status.Detail, StringComparison.Ordinal);

        // The ingest backbone is internal traffic and never limited.
        for (var i = 0; i < 5; i++)
        {
            using var call = client.Ingest();
            await call.RequestStream.WriteAsync(new AnalysisBuilder($"limit-{i}", "Some text.").Request());
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(StoreStatus.Stored, call.ResponseStream.Current.Status);
        }
    }

    [Fact]
    public async Task A_setting_out_of_its_range_stops_the_start_and_names_the_setting()
    {
        // Checked when the host starts, not at the first call that would use it.
        var extraction = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartExtractionAsync(
            new Uri("http://127.0.0.1:1"), new Dictionary<string, string?> { ["Extraction:Limits:StreamWindow"] = "0" }));
        Assert.Contains("StreamWindow", extraction.Message, StringComparison.Ordinal);

        await using var database = await TestDatabase.CreateAsync();
        var storage = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartStorageAsync(
            database.ConnectionString, settings: new Dictionary<string, string?> { ["Storage:Limits:MaxPageSize"] = "0" }));
        Assert.Contains("MaxPageSize", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_stream_stops_and_the_service_keeps_serving()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString);
        await using var extraction = await RunningService.StartExtractionAsync(storage.Address);
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        using (var cancellation = new CancellationTokenSource())
        {
            using var call = client.ExtractStream(cancellationToken: cancellation.Token);
            await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = "c1", Text = "“One,” said Ann Lee." }, Store = true });
            Assert.True(await call.ResponseStream.MoveNext());
            await cancellation.CancelAsync();
            var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }

        var after = await client.ExtractAsync(new ExtractRequest { Article = new Article { Id = "c2", Text = "“Two,” said Ann Lee." }, Store = true });
        Assert.Equal(StoreStatus.Stored, after.Storage.Status);
    }

    [Fact]
    public async Task Expired_deadline_mid_stream_ends_the_call_and_the_service_keeps_serving()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var storage = await RunningService.StartStorageAsync(database.ConnectionString);
        await using var extraction = await RunningService.StartExtractionAsync(storage.Address);
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        // Long enough for the first article to be stored on a loaded machine; the stream is then held open past it.
        using (var call = client.ExtractStream(deadline: DateTime.UtcNow.AddSeconds(8)))
        {
            await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = "d1", Text = "“One,” said Ann Lee." }, Store = true });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(StoreStatus.Stored, call.ResponseStream.Current.Storage.Status);

            // The client keeps the stream open past its deadline.
            var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        }

        var after = await client.ExtractAsync(new ExtractRequest { Article = new Article { Id = "d2", Text = "“Two,” said Ann Lee." }, Store = true });
        Assert.Equal(StoreStatus.Stored, after.Storage.Status);
        var stored = await new StorageService.StorageServiceClient(storage.Channel).SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Ann Lee" });
        Assert.Equal(2, stored.Quotes.Count);
    }
}
