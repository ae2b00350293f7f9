using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>One speaker (and one entity) per real person across articles, whatever each article calls them.</summary>
public class SpeakerRegistryTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    // An article in which one person (named as the article names her) says one thing, mentioning a place.
    private static AnalysisBuilder Statement(string id, string speakerName, string said, string place = "Lake Orvia", int day = 0)
        => new AnalysisBuilder(id, $"{speakerName} said “{said}” at {place}.")
            .Published(Day.AddDays(day))
            .Entity("e1", speakerName, EntityType.Person, speakerName)
            .Entity("e2", place, EntityType.Loc, place)
            .Quote(said, "e1", "said", said.Contains(place, StringComparison.Ordinal) ? ["e2"] : []);

    private async Task<EntitySummary> SingleSpeakerAsync(string name)
    {
        var speakers = await storage.Client.ListSpeakersAsync(new ListSpeakersRequest { Name = name });
        return Assert.Single(speakers.Speakers);
    }

    [Fact]
    public async Task Surname_and_initial_spellings_join_the_full_name_across_articles()
    {
        await storage.IngestAsync(Statement("reg-full", "Ilse Varga", "the dam holds", day: 3).Request(1));
        var acks = await storage.IngestAsync(
            Statement("reg-surname", "Varga", "the dam will hold", day: 1).Request(2),
            Statement("reg-initial", "I. Varga", "repairs start in June", day: 7).Request(3),
            Statement("reg-accent", "Ilse VÁRGA", "we are ready", day: 5).Request(4));
        Assert.All(acks.Values, a => Assert.Equal(StoreStatus.Stored, a.Status));

        var speaker = await SingleSpeakerAsync("varga");
        Assert.Equal("Ilse Varga", speaker.Name);
        Assert.Equal(4, speaker.QuoteCount);
        Assert.Equal(4, speaker.ArticleCount);
        Assert.Equal(Day.AddDays(1), speaker.FirstSeen.ToDateTimeOffset());
        Assert.Equal(Day.AddDays(7), speaker.LastSeen.ToDateTimeOffset());
        Assert.Equal(["i varga", "varga"], speaker.Aliases);

        // Every spelling finds all four quotes.
        foreach (var spelling in new[] { "Ilse Varga", "Varga", "I. Varga", "ilse varga" })
        {
            var quotes = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = spelling });
            Assert.Equal(4, quotes.Quotes.Count);
            Assert.All(quotes.Quotes, q => Assert.Equal(speaker.Id, q.SpeakerId));
        }
    }

    [Fact]
    public async Task People_who_share_a_surname_stay_apart_and_the_bare_surname_joins_neither()
    {
        await storage.IngestAsync(
            Statement("pen-john", "John Pennick", "taxes must fall").Request(1),
            Statement("pen-jane", "Jane Pennick", "taxes must rise").Request(2));
        // "Pennick" and "J. Pennick" could be either of them: stored, they join neither.
        await storage.IngestAsync(
            Statement("pen-bare", "Pennick", "nobody asked us").Request(3),
            Statement("pen-initial", "J. Pennick", "the vote was close").Request(4));

        var speakers = await storage.Client.ListSpeakersAsync(new ListSpeakersRequest { Name = "pennick" });
        Assert.Equal(["J. Pennick", "Jane Pennick", "John Pennick", "Pennick"], speakers.Speakers.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(speakers.Speakers, s => Assert.Equal(1, s.QuoteCount));

        var john = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "John Pennick" });
        Assert.Equal("taxes must fall", Assert.Single(john.Quotes).Quote.Text);
        // Searching is inclusive: "J. Pennick" finds everyone it may mean.
        var initial = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "J. Pennick" });
        Assert.Equal(["taxes must fall", "taxes must rise", "the vote was close"], initial.Quotes.Select(q => q.Quote.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_did_a_speaker_say_about_an_entity()
    {
        // Stored in this order, "Braque" means the Odile Braque already known (stored at the same time, it could not).
        await storage.IngestAsync(Statement("about-1", "Odile Braque", "Port Emsy needs a new pier", place: "Port Emsy").Request(1));
        var acks = await storage.IngestAsync(
            Statement("about-2", "Odile Braque", "the budget is tight", place: "Port Emsy").Request(2),
            Statement("about-3", "Rafe Dunmore", "Port Emsy is thriving", place: "Port Emsy").Request(3),
            Statement("about-4", "Braque", "Port Emsy will vote in May", place: "Port Emsy").Request(4));
        Assert.All(acks.Values, a => Assert.True(a.Status == StoreStatus.Stored, a.ToString()));

        var page = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Braque", Entity = "Port Emsy" });
        Assert.Equal(["Port Emsy needs a new pier", "Port Emsy will vote in May"], page.Quotes.Select(q => q.Quote.Text).Order(StringComparer.Ordinal));

        // The same by registry ids, as a client would after listing speakers and entities.
        var speaker = await SingleSpeakerAsync("Odile Braque");
        var place = Assert.Single((await storage.Client.ListEntitiesAsync(new ListEntitiesRequest { Name = "port emsy", Type = EntityType.Loc })).Entities);
        Assert.Equal(4, place.ArticleCount);
        var byId = await storage.Client.SearchQuotesAsync(new SearchQuotesRequest { SpeakerId = speaker.Id, EntityId = place.Id });
        Assert.Equal(page.Quotes.Select(q => q.Quote.Text).Order(StringComparer.Ordinal), byId.Quotes.Select(q => q.Quote.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Replacing_an_article_moves_its_counts_to_the_new_speaker()
    {
        await storage.IngestAsync(Statement("swap", "Hedda Lorne", "the ferry is late").Request(1));
        Assert.Equal(1, (await SingleSpeakerAsync("Hedda Lorne")).QuoteCount);

        // The same article id with new text and a different speaker replaces the old version entirely.
        var replaced = await storage.IngestAsync(Statement("swap", "Casimir Lorne-Abbot", "the ferry is early").Request(2));
        Assert.Equal(StoreStatus.Replaced, replaced[2].Status);
        Assert.Empty((await storage.Client.ListSpeakersAsync(new ListSpeakersRequest { Name = "Hedda Lorne" })).Speakers);
        Assert.Equal(1, (await SingleSpeakerAsync("Casimir Lorne-Abbot")).QuoteCount);
        Assert.Empty(await storage.DanglingRowsAsync());
    }

    [Fact]
    public async Task Concurrent_duplicates_count_once()
    {
        var sends = Enumerable.Range(0, 5).Select(i => storage.IngestAsync(Statement("dup-count", "Wim Castell", "we stay open").Request((ulong)i)));
        await Task.WhenAll(sends);
        var speaker = await SingleSpeakerAsync("Wim Castell");
        Assert.Equal(1, speaker.QuoteCount);
        Assert.Equal(1, speaker.ArticleCount);
    }
}
