using Dapper;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The stack with small windows everywhere a caller's articles can wait: 8 analysed articles ahead of the one being
/// answered, and HTTP/2's smallest flow-control windows (64 KB) on the extraction service.
/// </summary>
public sealed class SmallWindowsFixture : StackFixture
{
    public const int StreamWindow = 8;

    public const int Http2Window = 65_535;

    protected override Task<RunningService> StartExtractionAsync(Uri storageAddress)
        => RunningService.StartExtractionAsync(
            storageAddress,
            new Dictionary<string, string?> { ["Extraction:Limits:StreamWindow"] = StreamWindow.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            builder => builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Limits.Http2.InitialConnectionWindowSize = Http2Window;
                kestrel.Limits.Http2.InitialStreamWindowSize = Http2Window;
            }));
}

/// <summary>
/// Backpressure end to end: with the database blocked, neither service reads ahead without bound, so the caller of
/// the extraction service waits instead of filling their memory; once the database is back, everything is stored.
/// </summary>
public sealed class BackpressureTests(SmallWindowsFixture stack) : IClassFixture<SmallWindowsFixture>
{
    private const int Articles = 300;

    // About 2 KB per article: quick to analyse, and a 64 KB window holds about 30 of them.
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("The council met again on the harbour plans.", 45));

    [Fact]
    public async Task Blocked_database_makes_the_extraction_caller_wait_and_loses_nothing()
    {
        // Storage waits at its first write to the articles table until the lock is released: well within the
        // extraction service's wait for acknowledgements (30 s).
        await using var blocked = await stack.Database.BlockWritesAsync("articles");

        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var call = extraction.ExtractStream(cancellationToken: deadline.Token);
        var traffic = new DuplexTraffic<ExtractStreamRequest, ExtractStreamResponse>(call, Enumerable.Range(0, Articles).Select(Article), deadline.Token);

        var stuck = await Progress.StallsAsync(() => traffic.Written, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        var held = traffic.Written;
        Assert.True(stuck, $"the caller never waited: {held} of {Articles} articles written with the database blocked");

        // The articles analysed and waiting for storage (the window and the one being answered), plus what the
        // HTTP/2 windows and the buffers of both ends let through, with room to spare.
        var inWindows = 2 * SmallWindowsFixture.Http2Window / (Filler.Length + 100);
        Assert.InRange(held, SmallWindowsFixture.StreamWindow + 1, SmallWindowsFixture.StreamWindow + 1 + inWindows + 20);
        Assert.False(traffic.Sending.IsCompleted);
        Assert.Empty(traffic.Responses);

        await blocked.ReleaseAsync();
        await traffic.CompletionAsync();
        var answered = traffic.Responses;

        Assert.Equal(Enumerable.Range(0, Articles).Select(i => $"slow-{i:000}"), answered.Select(r => r.ArticleId));
        Assert.All(answered, r => Assert.Equal(StoreStatus.Stored, r.Storage?.Status));
        await using var connection = await stack.Database.OpenAsync();
        Assert.Equal(Articles, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles WHERE id LIKE 'slow-%'"));
    }

    private static ExtractStreamRequest Article(int i)
        => new() { Article = new Article { Id = $"slow-{i:000}", Text = $"“We rebuilt pier number {i} in one week,” said Tomas Okafor. {Filler}" }, Store = true };
}
