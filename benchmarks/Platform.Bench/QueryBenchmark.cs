using System.Diagnostics;
using Platform.V1;

namespace Platform.Bench;

/// <summary>
/// <c>platform bench query</c>: latency of the common searches against what is stored, one call at a time, page
/// size 50. Speakers and entities are picked at random among the 500 most quoted or mentioned; text searches use two
/// words of a random stored quote, as someone would search for something they read. Text and speaker searches are
/// also measured in a window in the past; text and speaker searches also collapsed by group, and GetQuoteGroup of the
/// sampled quotes' groups. Quote statistics (GetQuoteStats, by each dimension, whole store and filtered) and timelines
/// (GetQuoteTimeline of a top-50 speaker about a top entity) are measured the same way.
/// </summary>
internal sealed class QueryBenchmark(StorageService.StorageServiceClient storage, TimeSpan warmUp)
{
    private const int PageSize = 50;

    public async Task<IReadOnlyList<(string Query, Latencies Latencies)>> RunAsync(int perKind, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var speakers = (await storage.ListSpeakersAsync(new ListSpeakersRequest { PageSize = 500 }, cancellationToken: cancellationToken)).Speakers;
        var entities = (await storage.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 500 }, cancellationToken: cancellationToken)).Entities
            .Where(e => e.Type is EntityType.Loc or EntityType.Org).ToList();
        if (speakers.Count == 0 || entities.Count == 0)
        {
            throw new InvalidOperationException("the store is empty: fill it first (platform bench seed)");
        }

        var phrases = new List<string>();
        var sample = (await storage.SearchQuotesAsync(new SearchQuotesRequest { PageSize = 500 }, cancellationToken: cancellationToken)).Quotes;
        for (var i = 0; i < perKind; i++)
        {
            var words = sample[random.Next(sample.Count)].Quote.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var at = random.Next(Math.Max(1, words.Length - 1));
            phrases.Add(string.Join(' ', words.Skip(at).Take(2)));
        }

        // A window in the past: published more than 90 days before the newest sampled quote (in the synthetic store,
        // about 10,000 articles behind the newest), as someone looking for what was said last quarter.
        var newestPublished = sample.Where(h => h.PublishedAt is not null).Select(h => h.PublishedAt.ToDateTime()).DefaultIfEmpty(DateTime.UtcNow).Max();
        var windowEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(newestPublished.AddDays(-90));

        var kinds = new (string Name, Func<int, SearchQuotesRequest> Request)[]
        {
            ("speaker name", i => new SearchQuotesRequest { Speaker = speakers[random.Next(speakers.Count)].Name }),
            ("speaker id", i => new SearchQuotesRequest { SpeakerId = speakers[random.Next(speakers.Count)].Id }),
            ("entity name", i => new SearchQuotesRequest { Entity = entities[random.Next(entities.Count)].Name }),
            ("speaker about entity", i => new SearchQuotesRequest
            {
                Speaker = speakers[random.Next(Math.Min(50, speakers.Count))].Name,
                Entity = entities[random.Next(entities.Count)].Name,
            }),
            ("text, by relevance", i => new SearchQuotesRequest { Text = phrases[i] }),
            ("text, newest first", i => new SearchQuotesRequest { Text = phrases[i], Order = QuoteOrder.Newest }),
            ("text + outlet", i => new SearchQuotesRequest { Text = phrases[i], Source = "Harbour Gazette" }),
            // "Did X ever say Y": one of the 50 most quoted speakers and a phrase that is often not theirs.
            ("text + speaker", i => new SearchQuotesRequest { Text = phrases[i], Speaker = speakers[random.Next(Math.Min(50, speakers.Count))].Name }),
            ("text + any speaker", i => new SearchQuotesRequest { Text = phrases[i], Speaker = speakers[random.Next(speakers.Count)].Name }),
            ("text + entity", i => new SearchQuotesRequest { Text = phrases[i], Entity = entities[random.Next(entities.Count)].Name }),
            ("text, 90+ days old", i => new SearchQuotesRequest { Text = phrases[i], Order = QuoteOrder.Newest, PublishedBefore = windowEnd }),
            ("speaker, 90+ days old", i => new SearchQuotesRequest { Speaker = speakers[random.Next(speakers.Count)].Name, PublishedBefore = windowEnd }),
            ("entity, 90+ days old", i => new SearchQuotesRequest { Entity = entities[random.Next(entities.Count)].Name, PublishedBefore = windowEnd }),
            ("newest quotes, page 2", i => new SearchQuotesRequest { PageToken = string.Empty }),
            // One row per group of near-identical quotes (collapse_groups): the same searches as a newsroom's list.
            ("text, collapsed by group", i => new SearchQuotesRequest { Text = phrases[i], CollapseGroups = true }),
            ("speaker, collapsed by group", i => new SearchQuotesRequest { Speaker = speakers[random.Next(speakers.Count)].Name, CollapseGroups = true }),
        };
        // GetQuoteGroup of the groups of the sampled quotes (a quote stored before grouping has none).
        var groups = sample.Select(h => h.GroupId).Where(id => id != 0).Distinct().ToList();

        var quarterStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(newestPublished.AddDays(-90));
        var statistics = new (string Name, Func<int, Task> Call)[]
        {
            ("stats by outlet", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.Outlet })),
            ("stats by week", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week })),
            ("stats by gender", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.Gender })),
            ("stats by speaker type", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.SpeakerType })),
            ("stats by week, 1 outlet", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week, Source = "Harbour Gazette" })),
            ("stats by gender, 90 days", _ => Stats(new GetQuoteStatsRequest { By = QuoteStatsDimension.Gender, PublishedAfter = quarterStart })),
            ("stats by week, 1 speaker", _ => Stats(new GetQuoteStatsRequest
            {
                By = QuoteStatsDimension.Week, SpeakerId = speakers[random.Next(speakers.Count)].Id,
            })),
            ("timeline speaker/entity", _ => storage.GetQuoteTimelineAsync(new GetQuoteTimelineRequest
            {
                SpeakerId = speakers[random.Next(Math.Min(50, speakers.Count))].Id,
                AboutId = entities[random.Next(entities.Count)].Id,
            }, cancellationToken: cancellationToken).ResponseAsync),
        };

        Task Stats(GetQuoteStatsRequest request) => storage.GetQuoteStatsAsync(request, cancellationToken: cancellationToken).ResponseAsync;

        // Unmeasured warm-up, every kind in turn for warmUp and at least five calls each. The storage service's hot
        // methods are compiled again with optimizations only after they have run for a while (.NET's tiered
        // compilation), and each pooled PostgreSQL session fills its caches on first use: the same speaker search,
        // repeated 400 times in a row, had p50 8.2 ms in the first round and 3.8-4.4 ms from the fourth (about ten
        // seconds in). A server that has been answering queries has done both; five calls per kind had not.
        var warming = Stopwatch.StartNew();
        for (var round = 0; warming.Elapsed < warmUp || round < 5; round++)
        {
            foreach (var (name, request) in kinds)
            {
                await CallAsync(name, request(round % perKind), cancellationToken);
            }

            if (groups.Count > 0)
            {
                await GroupAsync(groups[random.Next(groups.Count)], cancellationToken);
            }

            foreach (var (_, call) in statistics)
            {
                await call(round);
            }
        }

        var results = new List<(string, Latencies)>();
        foreach (var (name, request) in kinds)
        {
            var latencies = new Latencies();
            for (var i = 0; i < perKind; i++)
            {
                latencies.Add(await CallAsync(name, request(i), cancellationToken));
            }

            results.Add((name, latencies));
        }

        if (groups.Count > 0)
        {
            var latencies = new Latencies();
            for (var i = 0; i < perKind; i++)
            {
                latencies.Add(await GroupAsync(groups[random.Next(groups.Count)], cancellationToken));
            }

            results.Add(("quote group (GetQuoteGroup)", latencies));
        }

        foreach (var (name, call) in statistics)
        {
            var latencies = new Latencies();
            for (var i = 0; i < perKind; i++)
            {
                var clock = Stopwatch.StartNew();
                await call(i);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            results.Add((name, latencies));
        }

        return results;
    }

    // One GetQuoteGroup with page size 50, its latency in milliseconds.
    private async Task<double> GroupAsync(long groupId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await storage.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = groupId, PageSize = PageSize }, cancellationToken: cancellationToken);
        return clock.Elapsed.TotalMilliseconds;
    }

    // One search with page size 50, its latency in milliseconds; a "page 2" search first asks for its page token.
    private async Task<double> CallAsync(string kind, SearchQuotesRequest query, CancellationToken cancellationToken)
    {
        query.PageSize = PageSize;
        if (kind.EndsWith("page 2", StringComparison.Ordinal))
        {
            query.PageToken = (await storage.SearchQuotesAsync(new SearchQuotesRequest { PageSize = PageSize }, cancellationToken: cancellationToken)).NextPageToken;
        }

        var clock = Stopwatch.StartNew();
        await storage.SearchQuotesAsync(query, cancellationToken: cancellationToken);
        return clock.Elapsed.TotalMilliseconds;
    }
}
