using System.Text.Json;
using Platform.Bench;
using Platform.Cli;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The benchmark commands (<c>platform-bench</c>) run end to end against a live stack (small counts: these check that they measure what
/// they say, not how fast). A store of their own, because they write thousands of synthetic rows.
/// </summary>
public sealed class BenchCommandTests(StackFixture stack) : IClassFixture<StackFixture>
{
    [Fact]
    public async Task Bench_ingest_seed_and_query_measure_against_the_running_stack()
    {
        var storage = stack.Storage.Address.ToString();
        var ingest = await RunAsync(
            "ingest", "--articles", "20", "--database", stack.Database.ConnectionString,
            "--storage", storage, "--extraction", stack.Extraction.Address.ToString(), "--json");
        Assert.True(ingest.Exit == ExitCodes.Success, $"exit {ingest.Exit}\n{ingest.Err}\n{ingest.Out}");
        using (var report = JsonDocument.Parse(ingest.Out))
        {
            var stored = report.RootElement.GetProperty("storage");
            Assert.Equal(20, stored.GetProperty("articles").GetInt32());
            Assert.Equal(0, stored.GetProperty("notStored").GetInt32());
            Assert.True(stored.GetProperty("rows").GetInt64() > 20 * 20, "each synthetic article has 20 quotes and more rows");
            Assert.InRange(stored.GetProperty("ratio").GetDouble(), 0.0001, 100);
            var pipeline = report.RootElement.GetProperty("pipeline");
            Assert.Equal(20, pipeline.GetProperty("articles").GetInt32());
            Assert.Equal(0, pipeline.GetProperty("notStored").GetInt32());
            Assert.True(pipeline.GetProperty("engineArticlesPerSecond").GetDouble() > 0);
        }

        await using (var connection = await stack.Database.OpenAsync())
        {
            // The measured articles were stored by the service; the ceiling's scratch copy of the schema is gone.
            await using var count = new Npgsql.NpgsqlCommand(
                "SELECT (SELECT count(*) FROM articles WHERE id LIKE 'bench-%' AND id NOT LIKE '%warmup%'), to_regnamespace('bench_ceiling') IS NULL",
                connection);
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(20, reader.GetInt64(0));
            Assert.True(reader.GetBoolean(1));
        }

        var seed = await RunAsync("seed", "--quotes", "200", "--storage", storage);
        Assert.True(seed.Exit == ExitCodes.Success, $"exit {seed.Exit}\n{seed.Err}\n{seed.Out}");
        Assert.StartsWith("seeded 10 articles (200 quotes)", seed.Out, StringComparison.Ordinal);

        var query = await RunAsync("query", "--queries", "2", "--warm-up", "0", "--storage", storage, "--json");
        Assert.True(query.Exit == ExitCodes.Success, query.Err);
        using var kinds = JsonDocument.Parse(query.Out);
        // 14 searches, 2 of them also collapsed by group, GetQuoteGroup (seeded quotes are grouped at ingest),
        // 7 statistics and a timeline.
        Assert.Equal(25, kinds.RootElement.GetArrayLength());
        Assert.Contains(kinds.RootElement.EnumerateArray(), kind => kind.GetProperty("query").GetString() == "stats by gender");
        Assert.Contains(kinds.RootElement.EnumerateArray(), kind => kind.GetProperty("query").GetString() == "quote group (GetQuoteGroup)");
        Assert.All(kinds.RootElement.EnumerateArray(), kind =>
        {
            Assert.Equal(2, kind.GetProperty("count").GetInt32());
            Assert.True(kind.GetProperty("p50").GetDouble() > 0, kind.GetProperty("query").GetString());
        });
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BenchApp.RunAsync(args, new CliContext(output, error, new StringReader(string.Empty), interactive: false));
        return (exit, output.ToString(), error.ToString());
    }
}
