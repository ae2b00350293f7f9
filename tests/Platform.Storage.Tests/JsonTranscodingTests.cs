using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// The read methods as JSON over HTTP/1.1, called with a plain HttpClient on the storage service's JSON port, with
/// authentication on and a small rate limit: the same tokens, scopes, limits and errors as over gRPC.
/// </summary>
public sealed class JsonTranscodingTests(JsonTranscodingTests.Service service) : IClassFixture<JsonTranscodingTests.Service>
{
    private const string Reader = "json-reader-secret";
    private const string Writer = "json-writer-secret";

    /// <summary>Two stored articles, authentication on, a JSON endpoint on its own port.</summary>
    public sealed class Service : StorageFixture
    {
        protected override IDictionary<string, string?>? Settings => RunningService.JsonSettings(new Dictionary<string, string?>
        {
            ["Auth:Tokens:0:Name"] = "reader", ["Auth:Tokens:0:Token"] = Reader, ["Auth:Tokens:0:Scopes:0"] = "read",
            ["Auth:Tokens:1:Name"] = "writer", ["Auth:Tokens:1:Token"] = Writer, ["Auth:Tokens:1:Scopes:0"] = "ingest",
            // Generous for the tests' own calls; the rate-limit test has its own service.
            ["RateLimit:PermitsPerSecond"] = "1000", ["RateLimit:Burst"] = "1000",
        });

        // The fixture's own client stores the articles.
        protected override string? ClientToken => Writer;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // One after the other: articles of one stream may be stored by parallel batches in either order, and the
            // tests rely on json-2 being the newest.
            var acks = (await IngestAsync(Article("json-1", "Ferry fares", "“The ferry will run every hour,” said Nadia Quist.", 1))).Values
                .Concat((await IngestAsync(Article("json-2", "Ferry timetable", "“Winter crossings stay as they are,” said Nadia Quist.", 2))).Values);
            Assert.All(acks, a => Assert.Equal(StoreStatus.Stored, a.Status));
        }

        private static IngestRequest Article(string id, string title, string text, ulong sequence)
            => new AnalysisBuilder(id, text).Title(title).Source("Harbour Gazette")
                .Published(new DateTimeOffset(2026, 3, (int)sequence, 9, 0, 0, TimeSpan.Zero))
                .Entity("e1", "Nadia Quist", EntityType.Person, "Nadia Quist")
                .Quote(text[1..text.IndexOf(',', StringComparison.Ordinal)], "e1")
                .Request(sequence);
    }

    private readonly Service _service = service;

    private HttpClient Client(string? token = Reader) => Http1Client(_service.Service.JsonAddress!, token);

    /// <summary>A plain HttpClient that speaks HTTP/1.1 only, as curl or a browser's fetch would.</summary>
    internal static HttpClient Http1Client(Uri address, string? token)
    {
        var client = new HttpClient
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task GetArticle_answers_the_article_and_its_analysis_as_protobuf_json()
    {
        using var http = Client();
        var json = await JsonAsync(await http.GetAsync("/v1/articles/json-1"), HttpStatusCode.OK);

        Assert.Equal("json-1", json.GetProperty("article").GetProperty("id").GetString());
        Assert.Equal("2026-03-01T09:00:00Z", json.GetProperty("article").GetProperty("publishedAt").GetString());
        var quote = Assert.Single(json.GetProperty("analysis").GetProperty("quotes").EnumerateArray().ToList());
        Assert.Equal("The ferry will run every hour", quote.GetProperty("text").GetString());
        Assert.Equal("QUOTE_KIND_DIRECT", quote.GetProperty("kind").GetString());
        Assert.Equal("Nadia Quist", quote.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SearchQuotes_takes_its_filters_as_query_parameters_and_pages_with_the_token()
    {
        using var http = Client();
        var first = await JsonAsync(await http.GetAsync("/v1/quotes?speaker=quist&pageSize=1"), HttpStatusCode.OK);
        var hit = Assert.Single(first.GetProperty("quotes").EnumerateArray().ToList());
        Assert.Equal("json-2", hit.GetProperty("articleId").GetString()); // newest first
        var token = first.GetProperty("nextPageToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));

        // Field names work as well as JSON names; the token is opaque text and travels URL-encoded.
        var second = await JsonAsync(
            await http.GetAsync($"/v1/quotes?speaker=quist&page_size=1&pageToken={Uri.EscapeDataString(token!)}"), HttpStatusCode.OK);
        Assert.Equal("json-1", Assert.Single(second.GetProperty("quotes").EnumerateArray().ToList()).GetProperty("articleId").GetString());
        Assert.False(second.TryGetProperty("nextPageToken", out _));

        var byTime = await JsonAsync(await http.GetAsync("/v1/quotes?publishedAfter=2026-03-02T00:00:00Z"), HttpStatusCode.OK);
        Assert.Equal("json-2", Assert.Single(byTime.GetProperty("quotes").EnumerateArray().ToList()).GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task GetQuoteGroup_answers_the_group_at_its_own_path()
    {
        using var http = Client();
        var search = await JsonAsync(await http.GetAsync("/v1/quotes?articleId=json-1&collapseGroups=true"), HttpStatusCode.OK);
        var hit = Assert.Single(search.GetProperty("quotes").EnumerateArray().ToList());
        var groupId = hit.GetProperty("groupId").GetString(); // int64 is a string in protobuf JSON
        Assert.Equal(1, hit.GetProperty("groupArticleCount").GetInt32());

        var json = await JsonAsync(await http.GetAsync($"/v1/quote-groups/{groupId}"), HttpStatusCode.OK);
        Assert.Equal(groupId, json.GetProperty("group").GetProperty("id").GetString());
        Assert.Equal("The ferry will run every hour", json.GetProperty("group").GetProperty("representative").GetString());
        Assert.Equal("json-1", json.GetProperty("group").GetProperty("firstArticleId").GetString());
        Assert.Equal("json-1", Assert.Single(json.GetProperty("quotes").EnumerateArray().ToList()).GetProperty("articleId").GetString());

        var missing = await JsonAsync(await http.GetAsync("/v1/quote-groups/987654321"), HttpStatusCode.NotFound);
        Assert.StartsWith("group_id:", missing.GetProperty("message").GetString(), StringComparison.Ordinal);
        var bad = await JsonAsync(await http.GetAsync("/v1/quote-groups/0"), HttpStatusCode.BadRequest);
        Assert.StartsWith("group_id:", bad.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speakers_and_entities_are_listed()
    {
        using var http = Client();
        var speakers = await JsonAsync(await http.GetAsync("/v1/speakers?name=quist"), HttpStatusCode.OK);
        var speaker = Assert.Single(speakers.GetProperty("speakers").EnumerateArray().ToList());
        Assert.Equal("Nadia Quist", speaker.GetProperty("name").GetString());
        Assert.Equal("2", speaker.GetProperty("quoteCount").GetString()); // int64 is a string in protobuf JSON

        var entities = await JsonAsync(await http.GetAsync("/v1/entities?type=ENTITY_TYPE_PERSON"), HttpStatusCode.OK);
        Assert.Contains(entities.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Nadia Quist");
    }

    [Fact]
    public async Task An_invalid_request_is_400_naming_the_field_and_the_limit()
    {
        using var http = Client();
        var error = await JsonAsync(await http.GetAsync("/v1/quotes?pageSize=9999"), HttpStatusCode.BadRequest);
        Assert.Equal(3, error.GetProperty("code").GetInt32()); // INVALID_ARGUMENT
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("page_size: 9999 is outside 1 to 500", message, StringComparison.Ordinal);
        var violation = error.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations")[0];
        Assert.Equal("page_size", violation.GetProperty("field").GetString());

        var badToken = await JsonAsync(await http.GetAsync("/v1/quotes?pageToken=not-a-token"), HttpStatusCode.BadRequest);
        Assert.StartsWith("page_token: malformed", badToken.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_article_is_404()
    {
        using var http = Client();
        var error = await JsonAsync(await http.GetAsync("/v1/articles/no-such-article"), HttpStatusCode.NotFound);
        Assert.Equal("article 'no-such-article' is not stored", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-known-token", HttpStatusCode.Unauthorized)]
    [InlineData(Writer, HttpStatusCode.Forbidden)]
    public async Task The_token_interceptor_guards_json_calls_too(string? token, HttpStatusCode expected)
    {
        using var http = Client(token);
        var error = await JsonAsync(await http.GetAsync("/v1/quotes"), expected);
        Assert.DoesNotContain("quotes", error.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_grpc_port_still_speaks_grpc_and_the_json_port_refuses_http2_prior_knowledge()
    {
        var page = await new StorageService.StorageServiceClient(Platform.Client.PlatformChannels.Create(_service.Service.Address, maxAttempts: 1, token: Reader))
            .SearchQuotesAsync(new SearchQuotesRequest { Speaker = "quist" });
        Assert.Equal(2, page.Quotes.Count);

        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        await Assert.ThrowsAsync<HttpRequestException>(() => http2.GetAsync(new Uri(_service.Service.JsonAddress!, "/v1/quotes")));
    }
}

/// <summary>The rate limit of the public methods counts JSON calls like gRPC calls.</summary>
public sealed class JsonRateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _service = await RunningService.StartStorageAsync(_database.ConnectionString, settings: RunningService.JsonSettings(
            new Dictionary<string, string?> { ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "3" }));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Calls_over_the_burst_are_429_with_the_limit_named()
    {
        using var http = JsonTranscodingTests.Http1Client(_service.JsonAddress!, token: null);
        var statuses = new List<HttpStatusCode>();
        string lastBody = string.Empty;
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.GetAsync("/v1/speakers");
            statuses.Add(response.StatusCode);
            lastBody = await response.Content.ReadAsStringAsync();
        }

        // A burst of 3 at one call per second: at most 3 + the seconds the loop took get through.
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("rate limit", lastBody, StringComparison.Ordinal);
    }
}
