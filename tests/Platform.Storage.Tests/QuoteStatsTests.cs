using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// Who gets quoted: GetQuoteStats by outlet, week, gender and speaker type, with filters, and GetQuoteTimeline; over
/// gRPC and as JSON over HTTP/1.1. Three articles in two outlets and two weeks (Mondays 2026-03-02 and 2026-03-09):
/// Nadia Quist (female) 4 quotes, Tomas Brandt 2 (male in one article, unknown in the other), the Port Authority
/// 1, "a spokesperson" (a speaker without an entity: the registry keeps it under its name, of unknown type) 1.
/// </summary>
public sealed class QuoteStatsTests(QuoteStatsTests.Store store) : IClassFixture<QuoteStatsTests.Store>
{
    public sealed class Store : StorageFixture
    {
        protected override IDictionary<string, string?>? Settings => RunningService.JsonSettings();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var acks = await IngestAsync(Articles().Select((a, i) => a.Request((ulong)i + 1)).ToArray());
            Assert.All(acks.Values, a => Assert.Equal(StoreStatus.Stored, a.Status));
        }
    }

    internal static IEnumerable<AnalysisBuilder> Articles()
    {
        const string first = "“Fares will fall,” said Nadia Quist. “The Port Authority must act,” she added. “We are ready,” the Port Authority said.";
        yield return Gendered(
            new AnalysisBuilder("stats-1", first).Source("Harbour Gazette").Published(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero))
                .Entity("e1", "Nadia Quist", EntityType.Person, "Nadia Quist")
                .Entity("e2", "Port Authority", EntityType.Org, "Port Authority")
                .Quote("Fares will fall", "e1")
                .Quote("The Port Authority must act", "e1", "added", "e2")
                .Quote("We are ready", "e2"),
            ("e1", Gender.Female), ("e2", Gender.Unknown));

        const string second = "“The Port Authority listened,” said Nadia Quist. “Not enough,” said Tomas Brandt.";
        yield return Gendered(
            new AnalysisBuilder("stats-2", second).Source("Harbour Gazette").Published(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero))
                .Entity("e1", "Nadia Quist", EntityType.Person, "Nadia Quist")
                .Entity("e2", "Port Authority", EntityType.Org, "Port Authority")
                .Entity("e3", "Tomas Brandt", EntityType.Person, "Tomas Brandt")
                .Quote("The Port Authority listened", "e1", "said", "e2")
                .Quote("Not enough", "e3"),
            ("e1", Gender.Female), ("e2", Gender.Unknown), ("e3", Gender.Male));

        const string third = "“Tolls stay,” said Tomas Brandt. “The Port Authority agreed,” said Nadia Quist. “No comment,” a spokesperson said.";
        var unnamed = Gendered(
            new AnalysisBuilder("stats-3", third).Source("Valley Times").Published(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero))
                .Entity("e1", "Tomas Brandt", EntityType.Person, "Tomas Brandt")
                .Entity("e2", "Nadia Quist", EntityType.Person, "Nadia Quist")
                .Entity("e3", "Port Authority", EntityType.Org, "Port Authority")
                .Quote("Tolls stay", "e1")
                .Quote("The Port Authority agreed", "e2", "said", "e3"),
            ("e1", Gender.Unknown), ("e2", Gender.Female), ("e3", Gender.Unknown));
        var at = third.IndexOf("No comment", StringComparison.Ordinal);
        unnamed.Analysis.Quotes.Add(new Quote
        {
            Start = at, End = at + "No comment".Length, Text = "No comment", Kind = QuoteKind.Direct, Cue = "said", Confidence = 0.8f,
            Speaker = new Speaker { Name = "a spokesperson" },
        });
        yield return unnamed;
    }

    internal static AnalysisBuilder Gendered(AnalysisBuilder builder, params (string Id, Gender Gender)[] genders)
    {
        foreach (var (id, gender) in genders)
        {
            builder.Analysis.Entities.Single(e => e.Id == id).Gender = gender;
        }

        return builder;
    }

    private async Task<Dictionary<string, (long Quotes, long Speakers)>> StatsAsync(GetQuoteStatsRequest request)
        => (await store.Client.GetQuoteStatsAsync(request)).Rows.ToDictionary(r => r.Key, r => (r.Quotes, r.Speakers));

    [Fact]
    public async Task By_outlet_counts_quotes_and_distinct_speakers()
    {
        var rows = await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Outlet });
        Assert.Equal(new Dictionary<string, (long, long)> { ["Harbour Gazette"] = (5, 3), ["Valley Times"] = (3, 3) }, rows);
    }

    [Fact]
    public async Task By_week_keys_are_mondays_and_speakers_are_distinct_within_the_week()
    {
        var rows = await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week });
        Assert.Equal(new Dictionary<string, (long, long)> { ["2026-03-02"] = (3, 2), ["2026-03-09"] = (5, 3) }, rows);
    }

    [Fact]
    public async Task By_speaker_type_counts_a_speaker_without_an_entity_as_unknown()
    {
        var rows = await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.SpeakerType });
        Assert.Equal(new Dictionary<string, (long, long)> { ["ORG"] = (1, 1), ["PERSON"] = (6, 2), ["UNKNOWN"] = (1, 1) }, rows);
    }

    [Fact]
    public async Task By_gender_counts_persons_by_the_gender_each_article_gives_them_and_keeps_unknown()
    {
        var rows = await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Gender });
        Assert.Equal(new Dictionary<string, (long, long)> { ["FEMALE"] = (4, 1), ["MALE"] = (1, 1), ["UNKNOWN"] = (1, 1) }, rows);
    }

    [Fact]
    public async Task Filters_by_outlet_speaker_and_weeks_combine()
    {
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["FEMALE"] = (1, 1), ["UNKNOWN"] = (1, 1) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Gender, Source = "valley TIMES" }));
        // An outlet alone is answered from running totals, an outlet with weeks from the detailed rows: both agree.
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["2026-03-02"] = (3, 2), ["2026-03-09"] = (2, 2) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week, Source = "Harbour Gazette" }));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["2026-03-02"] = (3, 2), ["2026-03-09"] = (2, 2) },
            await StatsAsync(new GetQuoteStatsRequest
            {
                By = QuoteStatsDimension.Week,
                Source = "Harbour Gazette",
                PublishedAfter = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            }));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["Harbour Gazette"] = (3, 1), ["Valley Times"] = (1, 1) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Outlet, Speaker = "Quist" }));
        var secondWeek = new GetQuoteStatsRequest
        {
            By = QuoteStatsDimension.Outlet,
            // Inside the second week: the week counts whole.
            PublishedAfter = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)),
            PublishedBefore = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero)),
        };
        Assert.Equal(new Dictionary<string, (long, long)> { ["Harbour Gazette"] = (2, 2), ["Valley Times"] = (3, 3) }, await StatsAsync(secondWeek));
        Assert.Empty(await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Outlet, Speaker = "Nobody Atall" }));
    }

    [Fact]
    public async Task A_window_of_weeks_without_an_outlet_counts_speakers_once_across_outlets()
    {
        // The second week: Nadia Quist is quoted by both outlets and is one speaker; Tomas Brandt is male in one
        // article and unknown in the other, so he counts under both genders.
        var after = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["FEMALE"] = (2, 1), ["MALE"] = (1, 1), ["UNKNOWN"] = (1, 1) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Gender, PublishedAfter = after }));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["PERSON"] = (4, 2), ["UNKNOWN"] = (1, 1) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.SpeakerType, PublishedAfter = after }));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["2026-03-09"] = (5, 3) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week, PublishedAfter = after }));
        // Both weeks, by a speaker: the same rows as the running totals give for the whole store.
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["2026-03-02"] = (2, 1), ["2026-03-09"] = (2, 1) },
            await StatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week, Speaker = "Quist" }));
    }

    [Fact]
    public async Task The_registry_gender_is_the_majority_of_known_article_genders()
    {
        var speakers = (await store.Client.ListSpeakersAsync(new ListSpeakersRequest())).Speakers.ToDictionary(s => s.Name, s => s.Gender);
        Assert.Equal(Gender.Female, speakers["Nadia Quist"]);
        Assert.Equal(Gender.Male, speakers["Tomas Brandt"]); // one article says male, one says nothing
        Assert.Equal(Gender.Unknown, speakers["Port Authority"]);

        var article = await store.Client.GetArticleAsync(new GetArticleRequest { Id = "stats-2" });
        Assert.Equal(Gender.Male, article.Analysis.Entities.Single(e => e.Name == "Tomas Brandt").Gender);
    }

    [Fact]
    public async Task A_timeline_gives_the_first_and_last_quote_and_the_weeks()
    {
        var timeline = await store.Client.GetQuoteTimelineAsync(new GetQuoteTimelineRequest { Speaker = "Nadia Quist", About = "port authority" });

        Assert.Equal("The Port Authority must act", timeline.First.Quote.Text);
        Assert.Equal("stats-1", timeline.First.ArticleId);
        Assert.Equal("The Port Authority agreed", timeline.Last.Quote.Text);
        Assert.Equal(
            [(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), 1L), (new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc), 2L)],
            timeline.Weeks.Select(w => (w.Week.ToDateTime(), w.Quotes)).ToList());
        Assert.Equal(3, timeline.Quotes);

        var none = await store.Client.GetQuoteTimelineAsync(new GetQuoteTimelineRequest { Speaker = "Tomas Brandt", About = "Port Authority" });
        Assert.Null(none.First);
        Assert.Empty(none.Weeks);
    }

    [Fact]
    public async Task Invalid_requests_name_the_field()
    {
        var missing = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => store.Client.GetQuoteStatsAsync(new GetQuoteStatsRequest()).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, missing.StatusCode);
        Assert.StartsWith("by:", missing.Status.Detail, StringComparison.Ordinal);

        var noAbout = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(
            () => store.Client.GetQuoteTimelineAsync(new GetQuoteTimelineRequest { Speaker = "Quist" }).ResponseAsync);
        Assert.StartsWith("about:", noAbout.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_and_timeline_are_served_as_json_over_http1()
    {
        using var http = JsonTranscodingTests.Http1Client(store.Service.JsonAddress!, token: null);
        var response = await http.GetAsync("/v1/stats/quotes?by=QUOTE_STATS_DIMENSION_OUTLET&speaker=Quist");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var rows = JsonDocument.Parse(body).RootElement.GetProperty("rows");
        Assert.Equal("Harbour Gazette", rows[0].GetProperty("key").GetString());
        Assert.Equal("3", rows[0].GetProperty("quotes").GetString());
        Assert.Equal("1", rows[0].GetProperty("speakers").GetString());

        var timeline = JsonDocument.Parse(await http.GetStringAsync("/v1/stats/timeline?speaker=Nadia%20Quist&about=Port%20Authority")).RootElement;
        Assert.Equal("3", timeline.GetProperty("quotes").GetString());
        Assert.Equal("2026-03-02T00:00:00Z", timeline.GetProperty("weeks")[0].GetProperty("week").GetString());

        var bad = await http.GetAsync("/v1/stats/quotes");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"field\":\"by\"", (await bad.Content.ReadAsStringAsync()).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

/// <summary>Replacing an article takes its old contributions out of the statistics; a duplicate changes nothing.</summary>
public sealed class QuoteStatsReplaceTests(StorageFixture store) : IClassFixture<StorageFixture>
{
    private static AnalysisBuilder Version(string text, string outlet, string speaker, Gender gender, params string[] quotes)
    {
        var builder = new AnalysisBuilder("replace-1", text).Source(outlet).Published(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero))
            .Entity("e1", speaker, EntityType.Person, speaker);
        foreach (var quote in quotes)
        {
            builder.Quote(quote, "e1");
        }

        return QuoteStatsTests.Gendered(builder, ("e1", gender));
    }

    private async Task<Dictionary<string, (long Quotes, long Speakers)>> StatsAsync(QuoteStatsDimension by)
        => (await store.Client.GetQuoteStatsAsync(new GetQuoteStatsRequest { By = by })).Rows.ToDictionary(r => r.Key, r => (r.Quotes, r.Speakers));

    [Fact]
    public async Task A_replaced_article_leaves_the_counts_and_folding_the_log_changes_no_count()
    {
        var old = Version("“Rails first,” said Ada Merrow. “Then roads,” said Ada Merrow.", "Harbour Gazette", "Ada Merrow", Gender.Female, "Rails first", "Then roads");
        Assert.Equal(StoreStatus.Stored, (await store.IngestAsync(old.Request(1)))[1].Status);
        Assert.Equal(new Dictionary<string, (long, long)> { ["Harbour Gazette"] = (2, 1) }, await StatsAsync(QuoteStatsDimension.Outlet));

        var renewed = Version("“Roads first,” said Ivo Brant.", "Valley Times", "Ivo Brant", Gender.Male, "Roads first");
        Assert.Equal(StoreStatus.Replaced, (await store.IngestAsync(renewed.Request(2)))[2].Status);
        Assert.Equal(StoreStatus.Duplicate, (await store.IngestAsync(renewed.Request(3)))[3].Status);

        Assert.Equal(new Dictionary<string, (long, long)> { ["Valley Times"] = (1, 1) }, await StatsAsync(QuoteStatsDimension.Outlet));
        Assert.Equal(new Dictionary<string, (long, long)> { ["MALE"] = (1, 1) }, await StatsAsync(QuoteStatsDimension.Gender));
        var oldOutlet = await store.Client.GetQuoteStatsAsync(new GetQuoteStatsRequest { By = QuoteStatsDimension.Week, Source = "Harbour Gazette" });
        Assert.Empty(oldOutlet.Rows);
        Assert.Equal(new Dictionary<string, (long, long)> { ["MALE"] = (1, 1) }, await WindowAsync(QuoteStatsDimension.Gender));

        // The service folds the log into the tables every second; the counts read the same before and after.
        await using var connection = new NpgsqlConnection(store.Database.ConnectionString);
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 100 && await CountAsync(connection, "quote_stats_deltas") > 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await CountAsync(connection, "quote_stats_deltas"));
        Assert.Equal(1, await CountAsync(connection, "quote_stats")); // the old rows, at zero, are gone
        Assert.Equal(1, await CountAsync(connection, "quote_speaker_weeks"));
        Assert.Equal(new Dictionary<string, (long, long)> { ["Valley Times"] = (1, 1) }, await StatsAsync(QuoteStatsDimension.Outlet));
        Assert.Equal(new Dictionary<string, (long, long)> { ["PERSON"] = (1, 1) }, await StatsAsync(QuoteStatsDimension.SpeakerType));
        Assert.Equal(new Dictionary<string, (long, long)> { ["MALE"] = (1, 1) }, await WindowAsync(QuoteStatsDimension.Gender));
        Assert.Equal(new Dictionary<string, (long, long)> { ["PERSON"] = (1, 1) }, await WindowAsync(QuoteStatsDimension.SpeakerType));
    }

    // A window of weeks without an outlet: read from the rows summed over outlets (migration 0014) and their log.
    private async Task<Dictionary<string, (long Quotes, long Speakers)>> WindowAsync(QuoteStatsDimension by)
        => (await store.Client.GetQuoteStatsAsync(new GetQuoteStatsRequest
            {
                By = by,
                PublishedAfter = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            }))
            .Rows.ToDictionary(r => r.Key, r => (r.Quotes, r.Speakers));

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
