using System.Text.Json;
using Platform.Cli;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// <c>platform stats</c> and <c>platform timeline</c> over the whole stack: articles extracted by the engine (which
/// decides the speakers' genders), stored, then counted.
/// </summary>
public sealed class StatsCliTests(StackFixture stack) : IClassFixture<StackFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-stats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Stats_by_gender_and_type_and_a_timeline_come_from_what_was_ingested()
    {
        File.WriteAllText(Path.Combine(_folder, "harbour.txt"),
            "Harbour to grow\n\nElena Marsh runs the harbour board.\n\n“The Port Authority backs the plan,” she said on Monday.");
        File.WriteAllText(Path.Combine(_folder, "bridge.txt"),
            "Bridge closed\n\nPaul Novak inspected the old bridge.\n\n“Repairs will take a month,” he said.");
        var storage = stack.Storage.Address.ToString();
        var ingest = await CliTests.RunAsync("ingest", _folder, "--extraction", stack.Extraction.Address.ToString());
        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err);

        var byGender = await CliTests.RunAsync("stats", "--by", "gender", "--storage", storage, "--format", "json");
        Assert.True(byGender.Exit == ExitCodes.Success, byGender.Err);
        using (var json = JsonDocument.Parse(byGender.Out))
        {
            var rows = json.RootElement.GetProperty("rows").EnumerateArray()
                .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("quotes").GetString());
            Assert.Equal(new Dictionary<string, string?> { ["FEMALE"] = "1", ["MALE"] = "1" }, rows);
        }

        var byType = await CliTests.RunAsync("stats", "--by", "type", "--storage", storage);
        Assert.True(byType.Exit == ExitCodes.Success, byType.Err);
        Assert.Contains("person", byType.Out, StringComparison.Ordinal);
        Assert.Contains("2 quotes", byType.Out, StringComparison.Ordinal);

        var speakers = await CliTests.RunAsync("speakers", "--name", "Marsh", "--storage", storage);
        Assert.Contains("female", speakers.Out, StringComparison.Ordinal);

        var timeline = await CliTests.RunAsync("timeline", "--speaker", "Marsh", "--about", "Port Authority", "--storage", storage, "--format", "json");
        Assert.True(timeline.Exit == ExitCodes.Success, timeline.Err);
        using (var json = JsonDocument.Parse(timeline.Out))
        {
            Assert.Equal("1", json.RootElement.GetProperty("quotes").GetString());
            Assert.Equal("The Port Authority backs the plan", json.RootElement.GetProperty("first").GetProperty("quote").GetProperty("text").GetString());
        }

        var table = await CliTests.RunAsync("timeline", "--speaker", "Marsh", "--about", "Port Authority", "--storage", storage);
        Assert.Contains("The Port Authority backs the plan", table.Out, StringComparison.Ordinal);
        Assert.Contains("1 quotes in 1 weeks", table.Out, StringComparison.Ordinal);

        var usage = await CliTests.RunAsync("stats", "--by", "colour", "--storage", storage);
        Assert.NotEqual(ExitCodes.Success, usage.Exit);
        Assert.Contains("colour", usage.Err, StringComparison.Ordinal);
    }
}
