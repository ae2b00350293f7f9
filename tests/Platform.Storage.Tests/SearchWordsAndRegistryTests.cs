using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// A search by words and a speaker with many quotes reads the speaker's and entities' registry ids from
/// quote_search's rows (migration 0010), newest partition first; test stores are small, so the service here is set to
/// do that whatever the counts.
/// </summary>
public class SearchWordsAndRegistryByIndexTests(SearchWordsByIndexFixture storage)
    : SearchWordsAndRegistryTests(storage), IClassFixture<SearchWordsByIndexFixture>;

/// <summary>A search by words and a speaker with few quotes walks them and tests their words; the same answers.</summary>
public class SearchWordsAndRegistryByWalkTests(StorageFixture storage)
    : SearchWordsAndRegistryTests(storage), IClassFixture<StorageFixture>;

/// <summary>A storage service whose searches by words and speaker or entity always use the full-text index.</summary>
public sealed class SearchWordsByIndexFixture : StorageFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:Search:WalkBelowQuotes"] = "0" };
}

/// <summary>
/// Searches by words with a speaker or entity, whichever way the service takes. Each class has its own database: the
/// ingest order is moved far ahead, so that the matches lie in search partitions far apart.
/// </summary>
public abstract class SearchWordsAndRegistryTests(StorageFixture storage)
{
    /// <summary>An article with one quote of the speaker's, about the organization, saying that the words must wait.</summary>
    private static IngestRequest Statement(string id, string speaker, string organization, string words)
        => new AnalysisBuilder(id, $"“The {words} of {organization} must wait,” said {speaker}.")
            .Entity("e1", speaker, EntityType.Person, speaker)
            .Entity("e2", organization, EntityType.Org, organization)
            .Quote($"The {words} of {organization} must wait", "e1", "said", "e2")
            .Request();

    [Fact]
    public async Task Words_with_a_speaker_or_entity_are_found_across_partitions_and_follow_a_replaced_article()
    {
        // Partition 0: w-a, w-b; partition 12: w-c, w-d. One call each, so that the ingest order is the calls' order.
        await storage.IngestAsync(Statement("w-a", "Ines Varga", "Quay Trust", "lighthouse repairs"));
        await storage.IngestAsync(Statement("w-b", "Tomas Reed", "Quay Trust", "lighthouse repairs"));
        await SearchPartitionTests.RestartIngestOrderAsync(storage, 12 * 4096);
        await storage.IngestAsync(Statement("w-c", "Ines Varga", "Mill Board", "lighthouse budget"));
        await storage.IngestAsync(Statement("w-d", "Tomas Reed", "Quay Trust", "lighthouse levy"));

        foreach (var order in new[] { QuoteOrder.Newest, QuoteOrder.Relevance })
        {
            Assert.Equal(["w-c", "w-a"], await SearchAsync(new() { Text = "lighthouse", Speaker = "Ines Varga", Order = order }));
            Assert.Equal(["w-d", "w-b", "w-a"], await SearchAsync(new() { Text = "lighthouse", Entity = "Quay Trust", Order = order }));
            Assert.Equal(["w-d", "w-b"], await SearchAsync(new() { Text = "lighthouse", Speaker = "Tomas Reed", Entity = "Quay Trust", Order = order }));
        }

        // A surname means the one person who has it; words the speaker never said, or an unknown name, find nothing.
        Assert.Equal(["w-a"], await SearchAsync(new() { Text = "repairs", Speaker = "Varga" }));
        Assert.Empty(await SearchAsync(new() { Text = "levy", Speaker = "Ines Varga" }));
        Assert.Empty(await SearchAsync(new() { Text = "budget", Entity = "Quay Trust" }));
        Assert.Empty(await SearchAsync(new() { Text = "lighthouse", Speaker = "Nobody Known" }));

        // A new version of w-d about the Mill Board: found with its new entity only (and, stored again, newest).
        await storage.IngestAsync(Statement("w-d", "Tomas Reed", "Mill Board", "lighthouse levy"));
        Assert.Equal(["w-d", "w-c"], await SearchAsync(new() { Text = "lighthouse", Entity = "Mill Board", Order = QuoteOrder.Newest }));
        Assert.Equal(["w-b", "w-a"], await SearchAsync(new() { Text = "lighthouse", Entity = "Quay Trust", Order = QuoteOrder.Newest }));
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    // The articles of every page of the search's quotes, one quote per page, in page order.
    private async Task<List<string>> SearchAsync(SearchQuotesRequest request)
    {
        request.PageSize = 1;
        return (await storage.SearchAllPagesAsync(request)).Select(h => h.ArticleId).ToList();
    }
}
