using System.Net;
using System.Text.Json;
using Platform.Cli;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>A stack whose storage service also serves JSON over HTTP/1.1.</summary>
public sealed class JsonStackFixture : StackFixture
{
    protected override Task<RunningService> StartStorageAsync(string connectionString)
        => RunningService.StartStorageAsync(connectionString, settings: RunningService.JsonSettings());
}

/// <summary>Articles ingested through the extraction service with the console client, read back as JSON with curl's protocol.</summary>
public sealed class JsonAccessTests(JsonStackFixture stack) : IClassFixture<JsonStackFixture>
{
    [Fact]
    public async Task The_samples_ingested_through_extraction_are_readable_as_json_over_http1()
    {
        var ingest = await CliTests.RunAsync("ingest", SamplesFolder(), "--extraction", stack.Extraction.Address.ToString());
        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err);

        using var http = new HttpClient
        {
            BaseAddress = stack.Storage.JsonAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.GetAsync("/v1/quotes?speaker=marsh&articleId=harbour-reopening");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var quotes = page.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal("Elena Marsh", q.GetProperty("quote").GetProperty("speaker").GetProperty("name").GetString()));
        Assert.Contains(quotes, q => q.GetProperty("quote").GetProperty("text").GetString()!.StartsWith("The cranes are back in service", StringComparison.Ordinal));

        // The same search through gRPC finds the same quotes.
        var grpc = await CliTests.RunAsync("quotes", "--speaker", "marsh", "--article", "harbour-reopening",
            "--storage", stack.Storage.Address.ToString(), "--format", "jsonl");
        Assert.Equal(quotes.Count, grpc.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>The repository's samples/ folder, found upwards from the test assembly.</summary>
    internal static string SamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var samples = Path.Combine(folder.FullName, "samples");
            if (File.Exists(Path.Combine(samples, "harbour-reopening.txt")))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException("samples/ was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary><c>platform quote ID</c>: a quote of samples/ in its paragraph, marked, and as JSON.</summary>
public sealed class QuoteCommandTests(StackFixture stack) : IClassFixture<StackFixture>
{
    [Fact]
    public async Task A_sample_quote_is_shown_in_its_paragraph_with_its_parts_marked()
    {
        var ingest = await CliTests.RunAsync("ingest", JsonAccessTests.SamplesFolder(), "--extraction", stack.Extraction.Address.ToString());
        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err);
        var storage = stack.Storage.Address.ToString();

        // The quotes table shows the id that `platform quote` takes.
        var table = await CliTests.RunAsync("quotes", "--speaker", "okafor", "--storage", storage);
        Assert.Contains("harbour-reopening#", table.Out, StringComparison.Ordinal);
        var search = await CliTests.RunAsync("quotes", "--speaker", "okafor", "--text", "promises", "--storage", storage, "--format", "jsonl");
        using var hit = JsonDocument.Parse(search.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        var id = $"{hit.RootElement.GetProperty("articleId").GetString()}#{(hit.RootElement.TryGetProperty("quoteIndex", out var index) ? index.GetInt32() : 0)}";

        var json = await CliTests.RunAsync("quote", id, "--storage", storage, "--format", "json");
        Assert.True(json.Exit == ExitCodes.Success, json.Err);
        using var response = JsonDocument.Parse(json.Out);
        var context = response.RootElement.GetProperty("context");
        var paragraph = context.GetProperty("paragraph").GetString()!;
        Assert.StartsWith("\"We have heard promises like this before,\" said Tomas Okafor", paragraph, StringComparison.Ordinal);
        string Span(string name)
        {
            // Protobuf JSON leaves a zero start out; the paragraph is ASCII, so code points are UTF-16 indexes.
            var span = context.GetProperty(name);
            var start = span.TryGetProperty("start", out var s) ? s.GetInt32() : 0;
            return paragraph[start..span.GetProperty("end").GetInt32()];
        }

        Assert.Equal("We have heard promises like this before", Span("quote"));
        Assert.Equal("said", Span("cue"));
        Assert.Equal("Tomas Okafor", Span("speakerMention"));

        // Without a terminal the marks are brackets: «quote» _cue_ {speaker}.
        var shown = await CliTests.RunAsync("quote", id, "--storage", storage);
        Assert.Contains("\"«We have heard promises like this before»,\" _said_ {Tomas Okafor}", shown.Out, StringComparison.Ordinal);

        var missing = await CliTests.RunAsync("quote", "harbour-reopening#999", "--storage", storage);
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
        var malformed = await CliTests.RunAsync("quote", "harbour-reopening", "--storage", storage);
        Assert.Equal(ExitCodes.Usage, malformed.Exit);
    }
}
