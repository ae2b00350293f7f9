using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// A name that several registry entries answer to (one town typed a place in some articles and an organization in
/// others) finds the quotes of all of them, newest first, each once, across pages.
/// </summary>
public class SeveralEntriesTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    // An article in which the speaker says one thing; the quote mentions the town as each of the given types.
    private static AnalysisBuilder Statement(string id, EntityType speakerType, string said, params EntityType[] townTypes)
    {
        var builder = new AnalysisBuilder(id, $"Harlan Port said “{said}”, and Ada Quist agreed “{said} too”.")
            .Published(Day)
            .Entity("speaker", speakerType == EntityType.Person ? "Ada Quist" : "Harlan Port", speakerType,
                speakerType == EntityType.Person ? "Ada Quist" : "Harlan Port");
        var towns = townTypes.Select((type, i) => $"town{i}").ToArray();
        for (var i = 0; i < townTypes.Length; i++)
        {
            builder.Entity(towns[i], "Fenwick", townTypes[i], "Fenwick");
        }

        return builder.Quote(said, "speaker", "said", towns);
    }

    private async Task<List<string>> AllPagesAsync(SearchQuotesRequest request)
    {
        var texts = new List<string>();
        request.PageSize = 2;
        do
        {
            var page = await storage.Client.SearchQuotesAsync(request);
            Assert.True(page.Quotes.Count <= 2);
            texts.AddRange(page.Quotes.Select(h => h.Quote.Text));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return texts;
    }

    [Fact]
    public async Task Entity_and_speaker_names_with_several_entries_page_through_all_their_quotes()
    {
        // Stored one at a time, so that newest first is the reverse of this order.
        (string Id, EntityType Speaker, string Said, EntityType[] Town)[] articles =
        [
            ("sev-1", EntityType.Org, "Fenwick needs ferries", [EntityType.Loc]),
            ("sev-2", EntityType.Loc, "Fenwick will grow", [EntityType.Org]),
            ("sev-3", EntityType.Person, "Fenwick is fine", [EntityType.Loc]),
            ("sev-4", EntityType.Org, "the budget is late", []),
            ("sev-5", EntityType.Org, "Fenwick again and again", [EntityType.Loc, EntityType.Org]),
        ];
        ulong sequence = 0;
        foreach (var (id, speaker, said, town) in articles)
        {
            var acks = await storage.IngestAsync(Statement(id, speaker, said, town).Request(++sequence));
            Assert.Equal(StoreStatus.Stored, acks[sequence].Status);
        }

        Assert.Equal(2, (await storage.Client.ListEntitiesAsync(new ListEntitiesRequest { Name = "Fenwick" })).Entities.Count);
        Assert.Equal(
            ["Fenwick again and again", "Fenwick is fine", "Fenwick will grow", "Fenwick needs ferries"],
            await AllPagesAsync(new SearchQuotesRequest { Entity = "Fenwick" }));
        Assert.Equal(
            ["Fenwick again and again", "the budget is late", "Fenwick will grow", "Fenwick needs ferries"],
            await AllPagesAsync(new SearchQuotesRequest { Speaker = "Harlan Port" }));
        Assert.Equal(
            ["Fenwick again and again", "Fenwick will grow", "Fenwick needs ferries"],
            await AllPagesAsync(new SearchQuotesRequest { Speaker = "Harlan Port", Entity = "Fenwick" }));
        Assert.Equal(
            ["Fenwick will grow", "Fenwick needs ferries"],
            await AllPagesAsync(new SearchQuotesRequest { Entity = "Fenwick", Text = "ferries OR grow", Order = QuoteOrder.Newest }));
        var ranked = await AllPagesAsync(new SearchQuotesRequest { Entity = "Fenwick", Text = "fenwick" });
        Assert.Equal(4, ranked.Count);
        Assert.Equal(4, ranked.Distinct().Count());
    }
}
