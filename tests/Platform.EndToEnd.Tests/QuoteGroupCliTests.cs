using System.Text.Json;
using Platform.Cli;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// <c>platform quotes --group</c> and <c>platform quote-group ID</c> on samples/, where a wire copy and a brief
/// republish a quote of clinic-funding (one with other quotation marks, one with a word changed).
/// </summary>
public sealed class QuoteGroupCliTests(StackFixture stack) : IClassFixture<StackFixture>
{
    [Fact]
    public async Task A_republished_sample_quote_is_one_row_with_its_three_articles()
    {
        var ingest = await CliTests.RunAsync("ingest", JsonAccessTests.SamplesFolder(), "--extraction", stack.Extraction.Address.ToString());
        Assert.True(ingest.Exit == ExitCodes.Success, ingest.Err);
        var storage = stack.Storage.Address.ToString();

        var plain = await CliTests.RunAsync("quotes", "--text", "drive hours nurse", "--storage", storage, "--format", "jsonl");
        Assert.Equal(3, Lines(plain.Out).Length);

        var grouped = await CliTests.RunAsync("quotes", "--text", "drive hours nurse", "--group", "--storage", storage, "--format", "jsonl");
        Assert.True(grouped.Exit == ExitCodes.Success, grouped.Err);
        using var hit = JsonDocument.Parse(Assert.Single(Lines(grouped.Out)));
        Assert.Equal(3, hit.RootElement.GetProperty("groupArticleCount").GetInt32());
        var groupId = hit.RootElement.GetProperty("groupId").GetString()!;

        var table = await CliTests.RunAsync("quotes", "--text", "drive hours nurse", "--group", "--storage", storage);
        Assert.Contains("Articles", table.Out, StringComparison.Ordinal);
        Assert.Contains(groupId, table.Out, StringComparison.Ordinal);

        var json = await CliTests.RunAsync("quote-group", groupId, "--storage", storage, "--format", "json");
        Assert.True(json.Exit == ExitCodes.Success, json.Err);
        using var response = JsonDocument.Parse(json.Out);
        Assert.Equal(3, response.RootElement.GetProperty("group").GetProperty("articleCount").GetInt32());
        var articles = response.RootElement.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("articleId").GetString()).ToList();
        Assert.Equal(["clinic-funding", "clinic-funding-brief", "clinic-funding-wire"], articles.Order());
        Assert.Equal(articles[0], response.RootElement.GetProperty("group").GetProperty("firstArticleId").GetString());
        Assert.All(response.RootElement.GetProperty("quotes").EnumerateArray(),
            q => Assert.Equal("Daniel Osei", q.GetProperty("quote").GetProperty("speaker").GetProperty("name").GetString()));

        var shown = await CliTests.RunAsync("quote-group", groupId, "--storage", storage);
        Assert.True(shown.Exit == ExitCodes.Success, shown.Err);
        Assert.Contains($"Quote group {groupId}", shown.Out, StringComparison.Ordinal);
        Assert.Contains("clinic-funding-brief#", shown.Out, StringComparison.Ordinal);
        Assert.Contains("First appearance", shown.Out, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.NotFound, (await CliTests.RunAsync("quote-group", "987654321", "--storage", storage)).Exit);
        Assert.Equal(ExitCodes.Usage, (await CliTests.RunAsync("quote-group", "clinic", "--storage", storage)).Exit);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
