using Dapper;
using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

/// <summary>Faults injected into real processes on loopback; rows are counted afterwards. Bounded in count and time.</summary>
public class FaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Storage_stopped_mid_stream_and_restarted_loses_nothing_and_duplicates_nothing(bool graceful)
    {
        const int count = 120;
        await using var database = await TestDatabase.CreateAsync();
        var port = RunningService.FreePort();
        var storage = await ServiceProcess.StartStorageAsync(database.ConnectionString, port);
        await using var extraction = await RunningService.StartExtractionAsync(storage.Address, new Dictionary<string, string?>
        {
            ["Storage:AckTimeout"] = "00:00:40",
        });
        var client = new ExtractionService.ExtractionServiceClient(extraction.Channel);

        using var call = client.ExtractStream(deadline: DateTime.UtcNow.AddMinutes(2));
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var text = $"Report {i}. “Pier {i} is safe again,” said harbour master Nadia Holm.";
                await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = $"fault-{i:000}", Text = text }, Store = true });
            }

            await call.RequestStream.CompleteAsync();
        });

        var responses = new List<ExtractStreamResponse>();
        var stopped = false;
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
            if (!stopped && responses.Count == 30)
            {
                stopped = true;
                if (graceful)
                {
                    // SIGTERM: the article being stored finishes and is acknowledged; the process exits cleanly.
                    Assert.Equal(0, await storage.TerminateAsync(TimeSpan.FromSeconds(30)));
                }
                else
                {
                    await storage.KillAsync();
                }

                await storage.DisposeAsync();
                storage = await ServiceProcess.StartStorageAsync(database.ConnectionString, port);
            }
        }

        await send;
        await using (storage)
        {
            Assert.Equal(count, responses.Count);
            var stored = responses.Where(r => r.Storage?.Status is StoreStatus.Stored or StoreStatus.Duplicate).Select(r => r.ArticleId).ToList();
            var notStored = responses.Where(r => r.Storage?.Status is not (StoreStatus.Stored or StoreStatus.Duplicate)).ToList();

            await using var connection = await database.OpenAsync();
            var rows = (await connection.QueryAsync<(string Id, long Quotes)>(
                "SELECT a.id, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a")).ToList();

            // Every article acknowledged to the caller is there, once, whole (its one quote with it).
            Assert.Subset(rows.Select(r => r.Id).ToHashSet(), stored.ToHashSet());
            Assert.All(rows, r => Assert.Equal(1, r.Quotes));
            Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
            // With a restart well inside the acknowledgement timeout, everything is stored in the end.
            Assert.Empty(notStored);
            Assert.Equal(count, rows.Count);
        }
    }
}
