using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>Queries over a small, known corpus stored once for the class.</summary>
public class QueryTests(QueryTests.Corpus corpus) : IClassFixture<QueryTests.Corpus>
{
    private StorageService.StorageServiceClient Client => corpus.Storage.Client;

    public sealed class Corpus : IAsyncLifetime
    {
        public StorageFixture Storage { get; } = new();

        public async Task InitializeAsync()
        {
            await Storage.InitializeAsync();
            var requests = new List<IngestRequest>();
            // 30 articles with 4 quotes each: 120 quotes; Marsh speaks in every article, Okafor in even ones.
            for (var i = 0; i < 30; i++)
            {
                var text = $"Report {i}. Elena Marsh said “harbour number {i} will reopen soon”. " +
                           $"Tomas Okafor said “the fishermen of Valmora need {i} answers”. " +
                           $"Marsh added “tariffs will fall in {i} weeks”. Marsh concluded “100% of the 50_50 fund is spent”.";
                var builder = new AnalysisBuilder($"article-{i:00}", text)
                    .Source(i % 3 == 0 ? "Harbour Gazette" : "Valmora Daily")
                    .Published(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i))
                    .Entity("e1", "Elena Marsh", EntityType.Person, "Elena Marsh", "Marsh added", "Marsh concluded")
                    .Entity("e2", i % 2 == 0 ? "Tomas Okafor" : "Tomas Okafor Jr", EntityType.Person, "Tomas Okafor")
                    .Entity("e3", "Valmora", EntityType.Loc, "Valmora")
                    .Quote($"harbour number {i} will reopen soon", "e1")
                    .Quote($"the fishermen of Valmora need {i} answers", "e2", "said", "e3")
                    .Quote($"tariffs will fall in {i} weeks", "e1", "added")
                    .Quote("100% of the 50_50 fund is spent", "e1");
                requests.Add(builder.Request((ulong)i));
            }

            var acks = await Storage.IngestAsync([.. requests]);
            Assert.All(acks.Values, a => Assert.Equal(StoreStatus.Stored, a.Status));
        }

        public Task DisposeAsync() => Storage.DisposeAsync();
    }

    [Fact]
    public async Task Paging_visits_every_quote_once_grouped_by_article()
    {
        var seen = new List<QuoteHit>();
        var request = new SearchQuotesRequest { PageSize = 50 };
        var pages = 0;
        do
        {
            var page = await Client.SearchQuotesAsync(request);
            seen.AddRange(page.Quotes);
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Count);
        Assert.Equal(120, seen.Select(h => (h.ArticleId, h.Quote.Start)).Distinct().Count());
        // Each article's quotes come together and in text order (articles stored in parallel have no fixed order).
        var runs = seen.Select(h => h.ArticleId).Chunk(4).ToList();
        Assert.All(runs, run => Assert.Single(run.Distinct()));
        Assert.Equal(30, runs.Select(r => r[0]).Distinct().Count());
        Assert.All(seen.Chunk(4), run => Assert.Equal(run.Select(h => h.Quote.Start).Order(), run.Select(h => h.Quote.Start)));
    }

    [Fact]
    public async Task Speaker_filter_is_case_insensitive_and_partial()
    {
        var page = await Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "okafor jr", PageSize = 500 });
        Assert.Equal(15, page.Quotes.Count);
        Assert.All(page.Quotes, h => Assert.Equal("Tomas Okafor Jr", h.Quote.Speaker.Name));
    }

    [Fact]
    public async Task Entity_filter_finds_quotes_that_mention_the_entity()
    {
        var page = await Client.SearchQuotesAsync(new SearchQuotesRequest { Entity = "valmora", PageSize = 500 });
        Assert.Equal(30, page.Quotes.Count);
        Assert.All(page.Quotes, h => Assert.Contains("Valmora", h.Quote.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_search_uses_stemming_and_combines_with_other_filters()
    {
        var page = await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "tariff falling", Speaker = "Marsh", PageSize = 500 });
        Assert.Equal(30, page.Quotes.Count);
        Assert.All(page.Quotes, h => Assert.Equal("added", h.Quote.Cue));
    }

    [Fact]
    public async Task Article_and_time_filters_narrow_the_search()
    {
        var one = await Client.SearchQuotesAsync(new SearchQuotesRequest { ArticleId = "article-07" });
        Assert.Equal(4, one.Quotes.Count);
        Assert.Equal([0, 1, 2, 3], one.Quotes.Select(h => one.Quotes.IndexOf(h)));

        var january = await Client.SearchQuotesAsync(new SearchQuotesRequest
        {
            PublishedAfter = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.Zero)),
            PublishedBefore = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 13, 0, 0, 0, TimeSpan.Zero)),
            PageSize = 500,
        });
        Assert.Equal(["article-10", "article-11"], january.Quotes.Select(h => h.ArticleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("'; DROP TABLE quotes; --")]
    [InlineData("\" OR 1=1 --")]
    public async Task Sql_metacharacters_are_data_not_sql(string value)
    {
        var bySpeaker = await Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = value });
        Assert.Empty(bySpeaker.Quotes);
        var byEntity = await Client.ListEntitiesAsync(new ListEntitiesRequest { Name = value });
        Assert.Empty(byEntity.Entities);
        await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = value });

        // The table is still there and whole.
        var all = await Client.SearchQuotesAsync(new SearchQuotesRequest { PageSize = 500 });
        Assert.Equal(120, all.Quotes.Count);
    }

    [Fact]
    public async Task Percent_and_underscore_in_a_filter_match_themselves()
    {
        var page = await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "fund", PageSize = 500 });
        Assert.Equal(30, page.Quotes.Count);
        var entities = await Client.ListEntitiesAsync(new ListEntitiesRequest { Name = "okafor_jr" });
        Assert.Empty(entities.Entities);
    }

    [Fact]
    public async Task Entities_are_counted_across_articles_and_paged()
    {
        var first = await Client.ListEntitiesAsync(new ListEntitiesRequest { Type = EntityType.Person, PageSize = 2 });
        Assert.Equal(["Elena Marsh", "Tomas Okafor"], first.Entities.Select(e => e.Name));
        Assert.Equal(90, first.Entities[0].MentionCount); // three mentions in each of 30 articles
        Assert.Equal(30, first.Entities[0].ArticleCount);
        Assert.NotEmpty(first.NextPageToken);

        var second = await Client.ListEntitiesAsync(new ListEntitiesRequest { Type = EntityType.Person, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["Tomas Okafor Jr"], second.Entities.Select(e => e.Name));
        Assert.Empty(second.NextPageToken);

        var places = await Client.ListEntitiesAsync(new ListEntitiesRequest { Type = EntityType.Loc });
        Assert.Equal("Valmora", Assert.Single(places.Entities).Name);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task Page_size_outside_the_limit_is_invalid(int pageSize)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.SearchQuotesAsync(new SearchQuotesRequest { PageSize = pageSize }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_size:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_page_token_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.SearchQuotesAsync(new SearchQuotesRequest { PageToken = "not-a-token" }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlet_filter_matches_the_whole_source_name_ignoring_case()
    {
        var page = await Client.SearchQuotesAsync(new SearchQuotesRequest { Source = "harbour gazette", PageSize = 500 });
        Assert.Equal(40, page.Quotes.Count);
        Assert.All(page.Quotes, h => Assert.Equal("Harbour Gazette", h.ArticleSource));
        Assert.Empty((await Client.SearchQuotesAsync(new SearchQuotesRequest { Source = "Harbour" })).Quotes);
    }

    [Fact]
    public async Task Outlet_pages_follow_the_newest_first_order_of_all_quotes()
    {
        // The outlet is a condition on the quotes' own copy of it; the pages must still be the global order, filtered.
        var all = (await Client.SearchQuotesAsync(new SearchQuotesRequest { PageSize = 500 })).Quotes
            .Where(h => h.ArticleSource == "Harbour Gazette" && h.Quote.Text.Contains("tariffs", StringComparison.Ordinal))
            .Select(h => (h.ArticleId, h.Quote.Start)).ToList();
        var paged = (await corpus.Storage.SearchAllPagesAsync(
                new SearchQuotesRequest { Source = "Harbour Gazette", Text = "tariffs", Order = QuoteOrder.Newest, PageSize = 3 }))
            .Select(h => (h.ArticleId, h.Quote.Start)).ToList();

        Assert.Equal(10, all.Count);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Text_search_ranks_by_relevance_and_pages_in_rank_order()
    {
        // Any of three words: Marsh's harbour and tariff quotes match, ranked; pages of 7 must keep that order.
        var seen = await corpus.Storage.SearchAllPagesAsync(
            new SearchQuotesRequest { Text = "harbour OR tariffs OR fishermen", Speaker = "Elena Marsh", PageSize = 7 });

        // Marsh's harbour and tariff quotes: two per article, each once, never Okafor's.
        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Select(h => (h.ArticleId, h.Quote.Start)).Distinct().Count());
        Assert.All(seen, h => Assert.Equal("Elena Marsh", h.Quote.Speaker.Name));
        Assert.All(seen, h => Assert.True(h.Rank > 0));
        Assert.Equal(seen.Select(h => h.Rank).OrderDescending(), seen.Select(h => h.Rank));

        // Newest-first order is still there when asked for.
        var newest = await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "harbour", Order = QuoteOrder.Newest, PageSize = 500 });
        Assert.Equal(30, newest.Quotes.Count);
        Assert.All(newest.Quotes, h => Assert.Equal(0f, h.Rank));
    }

    [Fact]
    public async Task Words_alone_rank_by_relevance_and_page_in_rank_order()
    {
        // Without speaker or entity the matches come from the full-text partitions. The harbour quotes hold two of
        // the words and rank above the tariff quotes, which hold one; pages of 7 must keep that order.
        var seen = await corpus.Storage.SearchAllPagesAsync(new SearchQuotesRequest { Text = "harbour OR reopen OR tariffs", PageSize = 7 });

        Assert.Equal(60, seen.Count);
        Assert.Equal(60, seen.Select(h => (h.ArticleId, h.Quote.Start)).Distinct().Count());
        Assert.All(seen.Take(30), h => Assert.StartsWith("harbour", h.Quote.Text, StringComparison.Ordinal));
        Assert.All(seen.Skip(30), h => Assert.StartsWith("tariffs", h.Quote.Text, StringComparison.Ordinal));
        Assert.Equal(seen.Select(h => h.Rank).OrderDescending(), seen.Select(h => h.Rank));
    }

    [Fact]
    public async Task Relevance_order_without_text_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.SearchQuotesAsync(new SearchQuotesRequest { Order = QuoteOrder.Relevance }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("order:", error.Status.Detail, StringComparison.Ordinal);
    }
}
