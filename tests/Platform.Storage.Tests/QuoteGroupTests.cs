using Dapper;
using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>Groups of near-identical quotes across articles, on real PostgreSQL: at ingest, on replacement, in searches.</summary>
public class QuoteGroupTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private StorageService.StorageServiceClient Client => storage.Client;

    // An article quoting Ilse Varga; the quote is written into the text as given (with its own marks).
    private static AnalysisBuilder Story(string id, string quoted, int day, string? other = null)
    {
        var text = $"Ferry news. “{quoted},” said Ilse Varga." + (other is null ? string.Empty : $" Varga added: “{other}.”");
        var builder = new AnalysisBuilder(id, text)
            .Source("Wire " + id)
            .Published(new DateTimeOffset(2026, 4, day, 8, 0, 0, TimeSpan.Zero))
            .Entity("e1", "Ilse Varga", EntityType.Person, "Ilse Varga")
            .Quote(quoted, "e1");
        return other is null ? builder : builder.Quote(other, "e1", "added");
    }

    private async Task<QuoteHit[]> QuotesOfAsync(string articleId)
        => [.. (await Client.SearchQuotesAsync(new SearchQuotesRequest { ArticleId = articleId })).Quotes];

    private async Task StoreAsync(params AnalysisBuilder[] articles)
    {
        var acks = await storage.IngestAsync([.. articles.Select((a, i) => a.Request((ulong)i))]);
        Assert.All(acks.Values, a => Assert.Contains(a.Status, new[] { StoreStatus.Stored, StoreStatus.Replaced, StoreStatus.Duplicate }));
    }

    [Fact]
    public async Task Copies_in_several_articles_form_one_group_with_its_first_appearance_first()
    {
        // Stored in one batch and in later ones; the earliest published is stored last.
        await StoreAsync(
            Story("copy-wire", "The night ferry to Ostholm will stop running in November", 10, "Tickets stay valid until then"),
            Story("copy-brief", "the night ferry to Ostholm will stop running in November", 12));
        await StoreAsync(Story("copy-local", "The night ferry to Ostholm will stop running from November", 11));
        await StoreAsync(Story("copy-first", "THE NIGHT FERRY TO OSTHOLM WILL STOP RUNNING IN NOVEMBER", 9));

        var wire = await QuotesOfAsync("copy-wire");
        var group = wire[0].GroupId;
        Assert.NotEqual(0, group);
        Assert.NotEqual(group, wire[1].GroupId);
        Assert.NotEqual(0, wire[1].GroupId);
        foreach (var id in new[] { "copy-brief", "copy-local", "copy-first" })
        {
            Assert.Equal(group, (await QuotesOfAsync(id))[0].GroupId);
        }

        var response = await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group });
        Assert.Equal(["copy-first", "copy-wire", "copy-local", "copy-brief"], response.Quotes.Select(q => q.ArticleId));
        Assert.All(response.Quotes, q => Assert.Equal(group, q.GroupId));
        Assert.Equal(4, response.Group.ArticleCount);
        Assert.Equal(4, response.Group.QuoteCount);
        Assert.Equal("copy-first", response.Group.FirstArticleId);
        Assert.Equal(0, response.Group.FirstQuoteIndex);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 8, 0, 0, TimeSpan.Zero), response.Group.FirstPublishedAt.ToDateTimeOffset());
        // Near-identical copies stored at the same time by parallel batches still end in one group.
        await Task.WhenAll(
            storage.IngestAsync(Story("copy-late-1", "The night ferry to Ostholm will stop running this November", 14).Request(1)),
            storage.IngestAsync(Story("copy-late-2", "The night ferry to Ostholm stops running in November", 15).Request(1)),
            storage.IngestAsync(Story("fresh-1", "A new pier for the night ferry will be built at Ostholm by 2030", 14).Request(1)),
            storage.IngestAsync(Story("fresh-2", "“A new pier for the night ferry will be built at Ostholm by 2030,”", 15).Request(1)),
            storage.IngestAsync(Story("fresh-3", "A new pier for the night ferry will be built at Ostholm", 16).Request(1)));
        Assert.Equal(6, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group })).Group.ArticleCount);
        var fresh = (await QuotesOfAsync("fresh-1"))[0].GroupId;
        Assert.Equal(fresh, (await QuotesOfAsync("fresh-2"))[0].GroupId);
        Assert.Equal(fresh, (await QuotesOfAsync("fresh-3"))[0].GroupId);
        Assert.Equal(3, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = fresh })).Group.ArticleCount);
        // The representative is the quote that founded the group: one of the copies stored first.
        Assert.Equal("the night ferry to ostholm will stop running in november", response.Group.Representative.ToLowerInvariant());

        var limited = await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group, PageSize = 2 });
        Assert.Equal(["copy-first", "copy-wire"], limited.Quotes.Select(q => q.ArticleId));
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task A_replaced_article_leaves_its_group_and_an_empty_group_is_deleted()
    {
        await StoreAsync(
            Story("replace-a", "Harbour dues will double for cruise ships next season", 3),
            Story("replace-b", "Harbour dues will double for cruise ships next season", 5));
        var group = (await QuotesOfAsync("replace-a"))[0].GroupId;
        Assert.Equal(2, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group })).Group.ArticleCount);

        // The same article again changes nothing.
        await StoreAsync(Story("replace-a", "Harbour dues will double for cruise ships next season", 3));
        Assert.Equal(2, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group })).Group.ArticleCount);

        // The first appearance is replaced by a version with another quote: the group keeps the other article.
        await StoreAsync(Story("replace-a", "Cruise passengers spend little in the old town", 3));
        var left = await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group });
        Assert.Equal(1, left.Group.ArticleCount);
        Assert.Equal(1, left.Group.QuoteCount);
        Assert.Equal("replace-b", left.Group.FirstArticleId);
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 8, 0, 0, TimeSpan.Zero), left.Group.FirstPublishedAt.ToDateTimeOffset());
        Assert.NotEqual(group, (await QuotesOfAsync("replace-a"))[0].GroupId);

        // Its last article replaced too, the group is gone.
        await StoreAsync(Story("replace-b", "Cruise passengers spend little in the old town, shopkeepers say", 5));
        var gone = await Assert.ThrowsAsync<RpcException>(() => Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.StartsWith("group_id:", gone.Status.Detail, StringComparison.Ordinal);
        await using var connection = await storage.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM quote_group_bands WHERE group_id = @group", new { group }));

        // Both new versions carry one statement (the second trimmed): one group of two articles.
        var now = (await QuotesOfAsync("replace-b"))[0].GroupId;
        Assert.Equal(now, (await QuotesOfAsync("replace-a"))[0].GroupId);
        Assert.Equal(2, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = now })).Group.ArticleCount);
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task Batches_storing_the_same_new_quote_at_once_make_one_group()
    {
        string[] statements =
        [
            "The tram tender has been cancelled by the city council",
            "Bus drivers will strike on the first Monday of every month",
            "Our bakery has sold bread on this corner since before the war",
            "Schools in the valley will close early because of the flooding",
            "The museum roof needs repairs that nobody has budgeted for",
        ];
        for (var round = 0; round < statements.Length; round++)
        {
            var quoted = statements[round];
            // Two streams at once, each with its own article carrying the same quote.
            await Task.WhenAll(
                storage.IngestAsync(Story($"race-{round}-a", quoted, 1).Request(1)),
                storage.IngestAsync(Story($"race-{round}-b", quoted, 2).Request(1)));
            var a = (await QuotesOfAsync($"race-{round}-a"))[0].GroupId;
            Assert.Equal(a, (await QuotesOfAsync($"race-{round}-b"))[0].GroupId);
            Assert.Equal(2, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = a })).Group.ArticleCount);
        }
    }

    [Fact]
    public async Task Many_batches_racing_on_one_quote_leave_every_copy_in_one_live_group()
    {
        // Four streams at once: a batch may join a group that a concurrent merge then folds into another, and must
        // follow it there rather than leave its quote in a merged group (seen as two rows in a collapsed search).
        const int streams = 4;
        string[] statements =
        [
            "The ferry to the outer islands will run twice a day from spring",
            "Our orchestra lost half of its players to the capital last year",
            "Nobody at the quarry was told that the blasting would start at dawn",
            "The new bridge carries more cyclists than cars on a weekday",
        ];
        for (var round = 0; round < statements.Length; round++)
        {
            var quoted = statements[round];
            await Task.WhenAll(Enumerable.Range(0, streams)
                .Select(i => storage.IngestAsync(Story($"swarm-{round}-{i}", quoted, i + 1).Request(1))));
            var groups = new HashSet<long>();
            for (var i = 0; i < streams; i++)
            {
                groups.Add((await QuotesOfAsync($"swarm-{round}-{i}"))[0].GroupId);
            }

            var group = Assert.Single(groups);
            Assert.Equal(streams, (await Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = group })).Group.ArticleCount);
            var collapsed = await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = quoted, CollapseGroups = true });
            Assert.Single(collapsed.Quotes);
        }

        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task A_collapsed_search_shows_each_group_once_with_its_article_count()
    {
        await StoreAsync(
            Story("collapse-1", "Lighthouse keepers will return to Skerry Point this spring", 20, "Lighthouse visits start in May"),
            Story("collapse-2", "“Lighthouse keepers will return to Skerry Point this spring”", 21),
            Story("collapse-3", "Lighthouse keepers will return to Skerry Point", 22));
        var plain = await storage.SearchAllPagesAsync(new SearchQuotesRequest { Text = "lighthouse", PageSize = 50, Order = QuoteOrder.Newest });
        Assert.Equal(4, plain.Count);
        Assert.All(plain, h => Assert.Equal(0, h.GroupArticleCount));

        foreach (var order in new[] { QuoteOrder.Newest, QuoteOrder.Relevance })
        {
            // One row per page: paging must not show a group twice.
            var collapsed = await storage.SearchAllPagesAsync(new SearchQuotesRequest { Text = "lighthouse", PageSize = 1, CollapseGroups = true, Order = order });
            Assert.Equal(2, collapsed.Count);
            Assert.Equal(2, collapsed.Select(h => h.GroupId).Distinct().Count());
            var keepers = collapsed.Single(h => h.Quote.Text.Contains("keepers", StringComparison.Ordinal));
            Assert.Equal(3, keepers.GroupArticleCount);
            Assert.Equal(1, collapsed.Single(h => h.Quote.Text.Contains("visits", StringComparison.Ordinal)).GroupArticleCount);
            if (order == QuoteOrder.Newest)
            {
                // The group's newest match stands for it (articles of one stream are stored in parallel: any order).
                Assert.Equal(plain.First(h => h.GroupId == keepers.GroupId).ArticleId, keepers.ArticleId);
            }
        }

        // A token of a plain search is refused by a collapsed one.
        var first = await Client.SearchQuotesAsync(new SearchQuotesRequest { Text = "lighthouse", PageSize = 1 });
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SearchQuotesAsync(
            new SearchQuotesRequest { Text = "lighthouse", PageSize = 1, CollapseGroups = true, PageToken = first.NextPageToken }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [InlineData(0L, 0, StatusCode.InvalidArgument, "group_id:")]
    [InlineData(-4L, 0, StatusCode.InvalidArgument, "group_id:")]
    [InlineData(1L, 501, StatusCode.InvalidArgument, "page_size:")]
    [InlineData(987654321L, 0, StatusCode.NotFound, "group_id:")]
    public async Task A_bad_or_unknown_group_id_is_refused_naming_the_field(long groupId, int pageSize, StatusCode code, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetQuoteGroupAsync(new GetQuoteGroupRequest { GroupId = groupId, PageSize = pageSize }).ResponseAsync);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }
}
