using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

public class IngestTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static AnalysisBuilder Harbour(string id, string day = "Monday")
        => new AnalysisBuilder(id, $"“Ships return on {day},” said Elena Marsh. Marsh runs the Port of Valmora.")
            .Entity("e1", "Elena Marsh", EntityType.Person, "Elena Marsh", "Marsh runs")
            .Entity("e2", "Port of Valmora", EntityType.Org, "Port of Valmora")
            .Quote($"Ships return on {day}", "e1", "said", "e2");

    [Fact]
    public async Task Stored_article_reads_back_exactly_as_sent()
    {
        var article = Harbour("roundtrip").Title("Port reopens").Published(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
        var ack = (await storage.IngestAsync(article.Request(7)))[7];
        Assert.Equal(StoreStatus.Stored, ack.Status);
        Assert.Equal("roundtrip", ack.ArticleId);

        var stored = await storage.Client.GetArticleAsync(new GetArticleRequest { Id = "roundtrip" });
        Assert.Equal(article.Article, stored.Article);
        Assert.Equal(article.Analysis, stored.Analysis);
    }

    [Fact]
    public async Task Publication_time_finer_than_a_microsecond_is_one_value_on_the_article_and_its_quotes()
    {
        // PostgreSQL keeps microseconds. Before 2000, Npgsql (sending the article) and COPY in text (its quotes)
        // would drop the rest in opposite directions.
        var sent = new DateTimeOffset(1998, 7, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        Assert.Equal(StoreStatus.Stored, (await storage.IngestAsync(Harbour("fine-time").Published(sent).Request(1)))[1].Status);

        var stored = await storage.Client.GetArticleAsync(new GetArticleRequest { Id = "fine-time" });
        Assert.Equal(sent.AddTicks(-7), stored.Article.PublishedAt.ToDateTimeOffset());
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task Text_with_tabs_line_breaks_backslashes_and_null_markers_reads_back_exactly()
    {
        // Rows reach PostgreSQL in COPY's text format, where each of these characters means something else.
        const string quoted = "Tabs\there, a break\r\nthen \\N, C:\\docs\\ and \\\\ 🚢";
        var article = new AnalysisBuilder("escapes", $"“{quoted},” said Ana Ruiz\\Ortega.\nAna Ruiz\\Ortega left \\N.")
            .Entity("e1", "\\N", EntityType.Misc, "\\N")
            .Entity("e2", "Ana Ruiz\\Ortega", EntityType.Person, "Ana Ruiz\\Ortega")
            .Quote(quoted, "e2", "said", "e1");
        Assert.Equal(StoreStatus.Stored, (await storage.IngestAsync(article.Request(1)))[1].Status);

        var stored = await storage.Client.GetArticleAsync(new GetArticleRequest { Id = "escapes" });
        Assert.Equal(article.Analysis, stored.Analysis);
        Assert.Equal(quoted, stored.Analysis.Quotes.Single().Text);
    }

    [Fact]
    public async Task Same_article_twice_is_stored_once_and_changed_text_replaces_it()
    {
        var first = await storage.IngestAsync(Harbour("twice").Request(1));
        var second = await storage.IngestAsync(Harbour("twice").Request(2));
        Assert.Equal(StoreStatus.Stored, first[1].Status);
        Assert.Equal(StoreStatus.Duplicate, second[2].Status);
        Assert.Equal(1, await storage.CountAsync("articles", "twice"));
        Assert.Equal(1, await storage.CountAsync("quotes", "twice"));

        var changed = Harbour("twice", "Tuesday");
        var third = await storage.IngestAsync(changed.Request(3));
        Assert.Equal(StoreStatus.Replaced, third[3].Status);
        var stored = await storage.Client.GetArticleAsync(new GetArticleRequest { Id = "twice" });
        Assert.Contains(stored.Analysis.Quotes, q => q.Text == "Ships return on Tuesday");
        Assert.Equal(1, await storage.CountAsync("articles", "twice"));
        // The old version's rows are gone, not merely hidden: one quote, two entities, three mentions, one link.
        Assert.Equal(1, await storage.CountAsync("quotes", "twice"));
        Assert.Equal(2, await storage.CountAsync("entities", "twice"));
        Assert.Equal(3, await storage.CountAsync("mentions", "twice"));
        Assert.Equal(1, await storage.CountAsync("quote_entities", "twice"));
        Assert.Equal(1, await storage.CountAsync("quote_search", "twice"));
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task A_replaced_article_moves_its_quotes_to_its_new_outlet()
    {
        await storage.IngestAsync(Harbour("moved").Source("Old Quay Post").Request(1));
        Assert.Single((await Search(new SearchQuotesRequest { Source = "old quay post" })).Quotes);

        // Quotes keep their own copy of the outlet for searches: a new version must update it.
        await storage.IngestAsync(Harbour("moved", "Friday").Source("New Quay Post").Request(2));
        Assert.Empty((await Search(new SearchQuotesRequest { Source = "Old Quay Post" })).Quotes);
        Assert.Single((await Search(new SearchQuotesRequest { Source = "New Quay Post", Text = "Friday" })).Quotes);
        Assert.Single((await Search(new SearchQuotesRequest { Source = "New Quay Post", Speaker = "Elena Marsh" })).Quotes);
        Assert.Single((await Search(new SearchQuotesRequest { Source = "New Quay Post", Entity = "Port of Valmora" })).Quotes);

        Task<SearchQuotesResponse> Search(SearchQuotesRequest request) => storage.Client.SearchQuotesAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task Concurrent_streams_sending_the_same_article_store_it_once()
    {
        var tasks = Enumerable.Range(0, 6).Select(i => storage.IngestAsync(Harbour("race").Request((ulong)i)));
        var acks = (await Task.WhenAll(tasks)).SelectMany(r => r.Values).ToList();
        Assert.Single(acks, a => a.Status == StoreStatus.Stored);
        Assert.Equal(5, acks.Count(a => a.Status == StoreStatus.Duplicate));
        Assert.Equal(1, await storage.CountAsync("articles", "race"));
        Assert.Equal(1, await storage.CountAsync("quotes", "race"));
    }

    [Fact]
    public async Task Invalid_article_is_rejected_with_the_field_and_the_others_are_stored()
    {
        var bad = Harbour("bad-offsets").Request(2);
        bad.Analysis.Quotes[0].End = 10_000;
        var noId = Harbour("x").Request(3);
        noId.Article.Id = string.Empty;
        noId.Analysis.ArticleId = string.Empty;

        var acks = await storage.IngestAsync(Harbour("good-1").Request(1), bad, noId, Harbour("good-2").Request(4));

        Assert.Equal(StoreStatus.Stored, acks[1].Status);
        Assert.Equal(StoreStatus.Rejected, acks[2].Status);
        Assert.Contains("analysis.quotes[0]", acks[2].Reason, StringComparison.Ordinal);
        Assert.Contains("outside the text", acks[2].Reason, StringComparison.Ordinal);
        Assert.Equal(StoreStatus.Rejected, acks[3].Status);
        Assert.Equal("article.id: required", acks[3].Reason);
        Assert.Equal(StoreStatus.Stored, acks[4].Status);
        Assert.Equal(0, await storage.CountAsync("articles", "bad-offsets"));
    }

    [Fact]
    public async Task Oversized_text_is_rejected_naming_the_limit()
    {
        var text = new string('a', 1024 * 1024 + 1);
        var request = new AnalysisBuilder("huge", text).Request(1);
        var ack = (await storage.IngestAsync(request))[1];
        Assert.Equal(StoreStatus.Rejected, ack.Status);
        Assert.Equal("article.text: 1048577 bytes exceeds the limit of 1048576 bytes", ack.Reason);
    }

    [Fact]
    public async Task Database_failure_mid_article_leaves_no_partial_rows_and_the_stream_goes_on()
    {
        // A trigger makes the last insert of one article fail, after its article, entity and quote rows were written.
        // (On Citus a trigger on a distributed table needs citus.enable_unsafe_triggers; elsewhere the setting is an
        // unused placeholder.)
        await using (var connection = await storage.Database.OpenAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                SET citus.enable_unsafe_triggers = on;
                CREATE FUNCTION fail_for_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.article_id = 'doomed' THEN RAISE EXCEPTION 'injected failure'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER fail_for_doomed BEFORE INSERT ON quote_entities
                    FOR EACH ROW EXECUTE FUNCTION fail_for_doomed();
                """,
                connection);
            await command.ExecuteNonQueryAsync();
        }

        var doomed = Harbour("doomed");
        doomed.Analysis.Quotes[0].EntityIds.Add("e2");
        var acks = await storage.IngestAsync(doomed.Request(1), Harbour("survivor").Request(2));

        Assert.Equal(StoreStatus.Failed, acks[1].Status);
        Assert.Contains("injected failure", acks[1].Reason, StringComparison.Ordinal);
        Assert.Equal(StoreStatus.Stored, acks[2].Status);
        foreach (var table in new[] { "articles", "entities", "mentions", "quotes", "quote_entities" })
        {
            Assert.Equal(0, await storage.CountAsync(table, "doomed"));
        }
    }

    [Fact]
    public async Task Batch_refused_because_of_one_article_stores_all_the_others()
    {
        await using (var connection = await storage.Database.OpenAsync())
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                SET citus.enable_unsafe_triggers = on;
                CREATE FUNCTION fail_for_bad_apple() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.id = 'batch-17' THEN RAISE EXCEPTION 'bad apple'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER fail_for_bad_apple BEFORE INSERT ON articles
                    FOR EACH ROW EXECUTE FUNCTION fail_for_bad_apple();
                """,
                connection);
            await command.ExecuteNonQueryAsync();
        }

        // Sent in one burst, the articles wait in the queue and are stored in batches of several.
        var acks = await storage.IngestAsync([.. Enumerable.Range(0, 60).Select(i => Harbour($"batch-{i}").Request((ulong)i))]);

        Assert.Equal(60, acks.Count);
        Assert.Equal(StoreStatus.Failed, acks[17].Status);
        Assert.Contains("bad apple", acks[17].Reason, StringComparison.Ordinal);
        Assert.All(acks.Values.Where(a => a.Sequence != 17), a => Assert.Equal(StoreStatus.Stored, a.Status));
        Assert.Equal(0, await storage.CountAsync("articles", "batch-17"));
        Assert.Equal(1, await storage.CountAsync("quotes", "batch-59"));
    }

    [Fact]
    public async Task Article_committed_but_never_acknowledged_is_a_duplicate_when_sent_again()
    {
        // The sender loses the connection after the commit and before the acknowledgement arrives.
        using (var call = storage.Client.Ingest())
        {
            await call.RequestStream.WriteAsync(Harbour("lost-ack").Request(1));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await storage.CountAsync("articles", "lost-ack") == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        var resent = await storage.IngestAsync(Harbour("lost-ack").Request(2));
        Assert.Equal(StoreStatus.Duplicate, resent[2].Status);
        Assert.Equal(1, await storage.CountAsync("articles", "lost-ack"));
        Assert.Equal(1, await storage.CountAsync("quotes", "lost-ack"));
    }

    [Fact]
    public async Task Unknown_article_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await storage.Client.GetArticleAsync(new GetArticleRequest { Id = "never-stored" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
