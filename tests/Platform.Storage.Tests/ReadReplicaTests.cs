using Grpc.Core;
using Platform.Testing;
using Platform.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Storage.Tests;

/// <summary>Queries on a streaming replica (ConnectionStrings:PlatformRead) while ingest writes to the primary.</summary>
public class ReadReplicaTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task Queries_are_served_by_the_replica_and_page_tokens_continue_across_servers()
    {
        var acks = await pair.IngestAsync(
            Tides("tides-1", 1, "The pier holds.", "The gulls stay."),
            Tides("tides-2", 2, "The wall was raised.", "The boats came in."),
            Tides("tides-3", 3, "The storm passed north.", "The lights stayed on."));
        Assert.All(acks, a => Assert.Equal(StoreStatus.Stored, a.Status));
        await pair.CaughtUpAsync();

        var search = new SearchQuotesRequest { Speaker = "Ines Calder", PageSize = 50 };
        var all = (await pair.ReadsPrimary.SearchQuotesAsync(search)).Quotes.Select(Key).ToList();
        Assert.Equal(6, all.Count);

        // Pages of two, alternately from the replica-reading service and the primary-reading one, and the other way
        // round: keyset tokens carry no server state, so each server continues where the other stopped.
        foreach (var first in new[] { pair.ReadsReplica, pair.ReadsPrimary })
        {
            var paged = new List<string>();
            var request = new SearchQuotesRequest { Speaker = "Ines Calder", PageSize = 2 };
            var client = first;
            for (var page = 0; page < 10; page++)
            {
                var response = await client.SearchQuotesAsync(request);
                paged.AddRange(response.Quotes.Select(Key));
                if (response.NextPageToken.Length == 0)
                {
                    break;
                }

                request.PageToken = response.NextPageToken;
                client = client == pair.ReadsReplica ? pair.ReadsPrimary : pair.ReadsReplica;
            }

            Assert.Equal(all, paged);
        }

        var speakers = await pair.ReadsReplica.ListSpeakersAsync(new ListSpeakersRequest { Name = "Ines Calder" });
        Assert.Equal(6, Assert.Single(speakers.Speakers).QuoteCount);
        var entities = await pair.ReadsReplica.ListEntitiesAsync(new ListEntitiesRequest { Name = "Harbour Board" });
        Assert.Equal(3, Assert.Single(entities.Entities).ArticleCount);
        var article = await pair.ReadsReplica.GetArticleAsync(new GetArticleRequest { Id = "tides-2" });
        Assert.Equal(2, article.Analysis.Quotes.Count);

        // The read connections are the replica's: the primary never sees one.
        const string readConnections = $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ReplicaPair.ReadApplicationName}'";
        Assert.True(await ReplicaPair.ScalarAsync<long>(pair.Replica, readConnections) > 0);
        Assert.Equal(0, await ReplicaPair.ScalarAsync<long>(pair.Primary, readConnections));
    }

    [Fact]
    public async Task An_acknowledged_article_is_missing_from_replica_reads_until_the_replica_replays_it()
    {
        await pair.CaughtUpAsync();
        // A replica that falls behind, for as long as the test wants: replay paused (WAL still arrives).
        await ReplicaPair.ScalarAsync<object>(pair.Replica, "SELECT pg_wal_replay_pause()");
        try
        {
            await ReplicaPair.EventuallyAsync(pair.Replica, "SELECT pg_get_wal_replay_pause_state() = 'paused'");
            var ack = Assert.Single(await pair.IngestAsync(Tides("lagging", 9, "The tide turned late.", "The ferry waited.")));
            Assert.Equal(StoreStatus.Stored, ack.Status);

            // Acknowledged means committed on the primary; a read from the lagging replica does not see it yet.
            var missing = await Assert.ThrowsAsync<RpcException>(
                async () => await pair.ReadsReplica.GetArticleAsync(new GetArticleRequest { Id = "lagging" }));
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
            Assert.Empty((await pair.ReadsReplica.SearchQuotesAsync(new SearchQuotesRequest { ArticleId = "lagging" })).Quotes);
            Assert.Equal(2, (await pair.ReadsPrimary.SearchQuotesAsync(new SearchQuotesRequest { ArticleId = "lagging" })).Quotes.Count);
        }
        finally
        {
            await ReplicaPair.ScalarAsync<object>(pair.Replica, "SELECT pg_wal_replay_resume()");
        }

        await pair.CaughtUpAsync();
        var stored = await pair.ReadsReplica.GetArticleAsync(new GetArticleRequest { Id = "lagging" });
        Assert.Equal(2, stored.Analysis.Quotes.Count);
        Assert.Equal(2, (await pair.ReadsReplica.SearchQuotesAsync(new SearchQuotesRequest { ArticleId = "lagging" })).Quotes.Count);
    }

    [Fact]
    public async Task Health_reports_the_primary_and_the_replica_apart()
    {
        Assert.Equal(ServingStatus.Serving, await pair.HealthAsync(""));
        Assert.Equal(ServingStatus.Serving, await pair.HealthAsync("ingest"));
        Assert.Equal(ServingStatus.Serving, await pair.HealthAsync("query"));
    }

    internal static IngestRequest Tides(string id, int day, string first, string second)
        => new AnalysisBuilder(id, $"“{first}” said Ines Calder of the Harbour Board. “{second}” Ines Calder added.")
            .Source("Coast Weekly")
            .Published(new DateTimeOffset(2026, 3, day, 8, 0, 0, TimeSpan.Zero))
            .Entity("e1", "Ines Calder", EntityType.Person, "Ines Calder")
            .Entity("e2", "Harbour Board", EntityType.Org, "Harbour Board")
            .Quote(first, "e1", "said", "e2")
            .Quote(second, "e1", "added")
            .Request();

    private static string Key(QuoteHit hit) => $"{hit.ArticleId}:{hit.Quote.Start}";
}

/// <summary>The primary stopped: queries go on from the replica; ingest and health say the primary is away.</summary>
public class PrimaryOutageTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task With_the_primary_down_every_query_still_answers_from_the_replica()
    {
        Assert.All(await pair.IngestAsync(ReadReplicaTests.Tides("outage-1", 4, "The crane is down.", "The berth is shut.")),
            a => Assert.Equal(StoreStatus.Stored, a.Status));
        await pair.CaughtUpAsync();

        await pair.Primary.StopAsync();

        Assert.Equal("outage-1", (await pair.ReadsReplica.GetArticleAsync(new GetArticleRequest { Id = "outage-1" })).Article.Id);
        Assert.Equal(2, (await pair.ReadsReplica.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Calder" })).Quotes.Count);
        Assert.Single((await pair.ReadsReplica.SearchQuotesAsync(new SearchQuotesRequest { Text = "crane" })).Quotes);
        Assert.Equal(2, Assert.Single((await pair.ReadsReplica.ListSpeakersAsync(new ListSpeakersRequest())).Speakers).QuoteCount);
        Assert.Equal(2, (await pair.ReadsReplica.ListEntitiesAsync(new ListEntitiesRequest())).Entities.Count);

        Assert.Equal(ServingStatus.NotServing, await pair.HealthAsync(""));
        Assert.Equal(ServingStatus.NotServing, await pair.HealthAsync("ingest"));
        Assert.Equal(ServingStatus.Serving, await pair.HealthAsync("query"));
    }
}

/// <summary>The replica stopped: ingest goes on; queries fail, and health says the replica is away.</summary>
public class ReplicaOutageTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task With_the_replica_down_ingest_goes_on_and_only_query_health_fails()
    {
        await pair.Replica.StopAsync();

        Assert.All(await pair.IngestAsync(ReadReplicaTests.Tides("outage-2", 5, "The quay flooded.", "The pumps ran.")),
            a => Assert.Equal(StoreStatus.Stored, a.Status));
        await Assert.ThrowsAsync<RpcException>(async () => await pair.ReadsReplica.GetArticleAsync(new GetArticleRequest { Id = "outage-2" }));
        Assert.Equal("outage-2", (await pair.ReadsPrimary.GetArticleAsync(new GetArticleRequest { Id = "outage-2" })).Article.Id);

        Assert.Equal(ServingStatus.NotServing, await pair.HealthAsync(""));
        Assert.Equal(ServingStatus.Serving, await pair.HealthAsync("ingest"));
        Assert.Equal(ServingStatus.NotServing, await pair.HealthAsync("query"));
    }
}
