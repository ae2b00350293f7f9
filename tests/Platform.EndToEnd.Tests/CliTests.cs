using System.Text.Json;
using Platform.Cli;

namespace Platform.EndToEnd.Tests;

public sealed class CliTests(StackFixture stack) : IClassFixture<StackFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the CLI in this process with captured output (also used by the other CLI test classes).</summary>
    internal static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, new StringReader(string.Empty), interactive: false));
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Ingest_then_quotes_by_speaker_finds_what_was_stored()
    {
        Write("ferry.txt", "Ferry returns\n\n\"The ferry will sail twice a day from June,\" said transport chief Amira Haddad.");
        Write("bridge.txt", "Bridge closed\n\n“Repairs on the old bridge take a month,” said engineer Paul Novak.");

        var ingest = await RunAsync("ingest", _folder, "--extraction", stack.Extraction.Address.ToString());
        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err);
        Assert.Contains("stored 2", ingest.Out, StringComparison.Ordinal);

        var again = await RunAsync("ingest", _folder, "--extraction", stack.Extraction.Address.ToString(), "--format", "json");
        using (var summary = JsonDocument.Parse(again.Out))
        {
            Assert.Equal(2, summary.RootElement.GetProperty("duplicates").GetInt32());
            Assert.Equal(0, summary.RootElement.GetProperty("stored").GetInt32());
        }

        var quotes = await RunAsync("quotes", "--speaker", "haddad", "--storage", stack.Storage.Address.ToString(), "--format", "jsonl");
        Assert.Equal(ExitCodes.Success, quotes.Exit);
        var line = Assert.Single(quotes.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var hit = JsonDocument.Parse(line);
        Assert.Equal("ferry", hit.RootElement.GetProperty("articleId").GetString());
        Assert.Equal("The ferry will sail twice a day from June", hit.RootElement.GetProperty("quote").GetProperty("text").GetString());
        Assert.Equal("Amira Haddad", hit.RootElement.GetProperty("quote").GetProperty("speaker").GetProperty("name").GetString());

        var table = await RunAsync("quotes", "--speaker", "Novak", "--storage", stack.Storage.Address.ToString());
        Assert.Contains("Paul Novak", table.Out, StringComparison.Ordinal);
        Assert.Contains("Repairs on the old bridge take a month", table.Out, StringComparison.Ordinal);

        var article = await RunAsync("article", "bridge", "--storage", stack.Storage.Address.ToString(), "--format", "json");
        Assert.Equal(ExitCodes.Success, article.Exit);
        Assert.Contains("\"Paul Novak\"", article.Out, StringComparison.Ordinal);

        var entities = await RunAsync("entities", "--type", "person", "--storage", stack.Storage.Address.ToString(), "--format", "jsonl");
        Assert.Contains("Amira Haddad", entities.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_jsonl_extraction_writes_one_line_per_input_line_in_order_even_for_bad_lines()
    {
        var input = Write("batch.jsonl", string.Join('\n',
            """{"id":"a","text":"“We sail at dawn,” said captain Lena Ford."}""",
            """{"id":"b","text":""}""",
            "this is not json",
            """{"id":"d","text":"No quotes here at all."}""",
            """{"id":"e","text":"\"Fish prices doubled this spring,\" said trader Omar Reyes."}""") + "\n");

        var result = await RunAsync("extract", "--offline", "--format", "jsonl", input);

        Assert.Equal(ExitCodes.PartialFailure, result.Exit);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        var documents = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b", "line-3", "d", "e"], documents.Select(d => d.GetProperty("articleId").GetString()));
        Assert.False(documents[1].TryGetProperty("quotes", out _));
        Assert.False(documents[2].TryGetProperty("quotes", out _));
        Assert.Contains("batch.jsonl:3", result.Err, StringComparison.Ordinal);

        var first = documents[0].GetProperty("quotes")[0];
        Assert.Equal("We sail at dawn", first.GetProperty("text").GetString());
        Assert.Equal("QUOTE_KIND_DIRECT", first.GetProperty("kind").GetString());
        Assert.Equal("Lena Ford", first.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("start").GetInt32());
        Assert.Equal("said", first.GetProperty("cue").GetString());
    }

    [Fact]
    public async Task Online_and_offline_extraction_agree()
    {
        var input = Write("one.txt", "“The market opens at six,” said vendor Rosa Lind.");
        var online = await RunAsync("extract", input, "--format", "jsonl", "--extraction", stack.Extraction.Address.ToString());
        var offline = await RunAsync("extract", input, "--format", "jsonl", "--offline");
        Assert.Equal(ExitCodes.Success, online.Exit);
        Assert.Equal(offline.Out, online.Out);
    }

    private const string HarbourPage =
        """
        <html><head><meta property="og:title" content="Harbour crane back in use"><meta property="og:site_name" content="Quay News"></head>
        <body><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
        <article><div class="social-share">Share this story</div>
        <p>&ldquo;The big crane lifts again from today,&rdquo; said terminal manager Ivo Sander.</p>
        <figure><img src="crane.jpg"><figcaption>The crane at sunset.</figcaption></figure></article>
        <div id="comments"><p>Great news for the port.</p></div></body></html>
        """;

    [Fact]
    public async Task Ingest_of_a_folder_with_html_txt_and_jsonl_stores_all_of_them()
    {
        Write("crane.html", HarbourPage);
        Write("lock.htm", "<html><body><article><p>“The canal lock opens on Friday,” said lock keeper Nina Falk.</p></article></body></html>");
        Write("pier.txt", "“The pier is safe again,” said inspector Omar Reyes.");
        Write("more.jsonl", string.Join('\n',
            """{"id":"tide","text":"“Tides will be higher this month,” said forecaster Lea Brun."}""",
            """{"id":"market","html":"<article><p>“The fish market moves indoors,” said trader Sven Aalto.</p><nav>Home</nav></article>"}""") + "\n");

        var ingest = await RunAsync("ingest", _folder, "--extraction", stack.Extraction.Address.ToString(), "--format", "json");

        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err + ingest.Out);
        using (var summary = JsonDocument.Parse(ingest.Out))
        {
            Assert.Equal(5, summary.RootElement.GetProperty("stored").GetInt32() + summary.RootElement.GetProperty("duplicates").GetInt32());
        }

        foreach (var (id, speaker) in new[] { ("crane", "Ivo Sander"), ("lock", "Nina Falk"), ("pier", "Omar Reyes"), ("tide", "Lea Brun"), ("market", "Sven Aalto") })
        {
            var article = await RunAsync("article", id, "--storage", stack.Storage.Address.ToString(), "--format", "json");
            Assert.True(article.Exit == ExitCodes.Success, $"{id}: {article.Err}");
            Assert.Contains(speaker, article.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("Home", article.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("<p>", article.Out, StringComparison.Ordinal);
        }

        var crane = await RunAsync("article", "crane", "--storage", stack.Storage.Address.ToString(), "--format", "json");
        Assert.Contains("Harbour crane back in use", crane.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this story", crane.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sunset", crane.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Great news", crane.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Online_and_offline_extraction_agree_on_html_pages_and_an_empty_page_is_reported()
    {
        var page = Write("crane.html", HarbourPage);
        var empty = Write("empty.html", "<html><body><nav>Home</nav></body></html>");

        var online = await RunAsync("extract", page, empty, "--format", "jsonl", "--extraction", stack.Extraction.Address.ToString());
        var offline = await RunAsync("extract", page, empty, "--format", "jsonl", "--offline");

        Assert.Equal(ExitCodes.PartialFailure, offline.Exit);
        Assert.Equal(ExitCodes.PartialFailure, online.Exit);
        Assert.Equal(offline.Out, online.Out);
        Assert.Contains("Ivo Sander", offline.Out, StringComparison.Ordinal);
        Assert.Contains("article.html: no article text found", offline.Err, StringComparison.Ordinal);
        Assert.Contains("article.html: no article text found", online.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_gives_a_friendly_error_and_exit_code()
    {
        var input = Write("x.txt", "Some text.");
        var port = Platform.Testing.RunningService.FreePort();
        var result = await RunAsync("extract", input, "--extraction", $"http://127.0.0.1:{port}");
        Assert.Equal(ExitCodes.Unavailable, result.Exit);
        Assert.Contains("Is the service running?", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_and_bad_options_are_usage_errors()
    {
        var missing = await RunAsync("extract", "--offline", Path.Combine(_folder, "nope.txt"));
        Assert.Equal(ExitCodes.InputError, missing.Exit);
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);

        var badFormat = await RunAsync("extract", "--offline", "--format", "xml", "-");
        Assert.NotEqual(ExitCodes.Success, badFormat.Exit);
    }

    [Fact]
    public async Task Completion_script_asks_the_cli_which_completes_commands_and_options()
    {
        var (exit, script, _) = await RunAsync("completion", "bash");
        Assert.Equal(0, exit);
        Assert.Contains("complete -o default -F _platform_complete platform", script, StringComparison.Ordinal);
        Assert.Contains("[suggest:$point]", script, StringComparison.Ordinal);

        // What the script runs when Tab is pressed after "platform quo" and "platform quotes --so".
        var (_, commands, _) = await RunAsync("[suggest:3]", "quo");
        Assert.Equal(["quote", "quote-group", "quotes"], commands.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var (_, options, _) = await RunAsync("[suggest:11]", "quotes --so");
        Assert.Equal(["--source"], options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Status_as_json_lines_says_both_services_serve()
    {
        var (exit, output, _) = await RunAsync(
            "status", "--extraction", stack.Extraction.Address.ToString(), "--storage", stack.Storage.Address.ToString(), "--format", "jsonl");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["extraction", "storage"], lines.Select(l => l.GetProperty("service").GetString()));
        Assert.All(lines, l => Assert.Equal("SERVING", l.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("--only-gold-types")] // the default: the engine on the rebuilt text
    [InlineData("--gold-tokens")]
    public async Task Eval_ner_as_json_reports_counts_per_type(string option)
    {
        var file = Path.Combine(_folder, "tiny.conll");
        await File.WriteAllTextAsync(file, "-DOCSTART- -X- -X- O\n\nGreta NNP B-NP B-PER\nHolmqvist NNP I-NP I-PER\nvisited VBD B-VP O\nNorthbridge NNP B-NP B-LOC\non IN B-PP O\nTuesday NNP B-NP O\n. . O O\n\n");
        var (exit, output, _) = await RunAsync("eval", "ner", "--conll", file, option, "--format", "json");
        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("gold").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("overall").GetProperty("correct").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("types").GetProperty("PER").GetProperty("gold").GetInt32());
    }

    [Fact]
    public async Task Eval_quotes_with_floors_fails_by_name_only_below_a_floor()
    {
        // One quote the engine finds and one gold "quote" it cannot find: recall 1/2, precision 1/1, F1 66.7.
        const string text = "\"The ferry will sail twice a day,\" said Amira Haddad. The council met on Tuesday.";
        var found = text.IndexOf("The ferry", StringComparison.Ordinal);
        var missed = text.IndexOf("The council", StringComparison.Ordinal);
        var gold = Write("gold.jsonl", JsonSerializer.Serialize(new
        {
            id = "ferry",
            text,
            quotes = new object[]
            {
                new { start = found, end = text.IndexOf(',', found), kind = "direct", speaker = "Amira Haddad" },
                new { start = missed, end = text.Length - 1, kind = "indirect", speaker = "council" },
            },
        }) + "\n");

        var pass = await RunAsync("eval", "quotes", "--gold", gold, "--min-f1", "60", "0");
        Assert.True(pass.Exit == ExitCodes.Success, pass.Err);

        var fail = await RunAsync("eval", "quotes", "--gold", gold, "--min-f1", "70", "0");
        Assert.Equal(ExitCodes.PartialFailure, fail.Exit);
        Assert.Contains("FAIL: F1 at 0.3 over all quotes 66.7 < 70", fail.Err, StringComparison.Ordinal);
    }
}
