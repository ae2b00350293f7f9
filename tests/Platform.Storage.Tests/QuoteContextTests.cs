using System.Net;
using System.Text.Json;
using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>GetQuote: a stored quote in its paragraph, with its parts located in code points of the paragraph.</summary>
public sealed class QuoteContextTests(QuoteContextTests.Service service) : IClassFixture<QuoteContextTests.Service>
{
    // Three paragraphs; an emoji (two UTF-16 units, one code point) before and inside the middle one, so that
    // UTF-16 indexes and code points differ. The cue "said" also occurs inside the quote, and "Radio" twice.
    private const string Text =
        "Dock strike ends 🚢\n" +
        "Talks ran all night. “We said no to night shifts 🌙 and we won,” union leader Mira Holt said on Radio Valmora, after Radio Valmora's reporters left.\n" +
        "The port reopens at six.";

    public sealed class Service : StorageFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var builder = new AnalysisBuilder("dock-strike", Text)
                .Title("Dock strike ends").Source("Harbour Gazette")
                .Entity("e1", "Mira Holt", EntityType.Person, "Mira Holt")
                .Quote("We said no to night shifts 🌙 and we won", "e1", "said");
            builder.Analysis.Quotes[0].Channel = "Radio Valmora";
            var acks = await IngestAsync(builder.Request());
            Assert.Equal(StoreStatus.Stored, Assert.Single(acks.Values).Status);
        }
    }

    private static string Cut(string paragraph, TextSpan span)
        => string.Concat(paragraph.EnumerateRunes().Skip(span.Start).Take(span.End - span.Start).Select(r => r.ToString()));

    [Fact]
    public async Task The_paragraph_holds_the_quote_cue_speaker_and_channel_at_their_code_point_offsets()
    {
        var response = await service.Client.GetQuoteAsync(new GetQuoteRequest { ArticleId = "dock-strike", QuoteIndex = 0 });
        var context = response.Context;

        var paragraph = Text.Split('\n')[1];
        Assert.Equal(paragraph, context.Paragraph);
        Assert.Equal(Text.Split('\n')[0].EnumerateRunes().Count() + 1, context.ParagraphStart);
        Assert.Equal("We said no to night shifts 🌙 and we won", Cut(context.Paragraph, context.Quote));
        Assert.Equal("Mira Holt", Cut(context.Paragraph, context.SpeakerMention));
        // The cue after the quote, not the "said" inside it; the channel nearest the quote.
        Assert.Equal("said", Cut(context.Paragraph, context.Cue));
        Assert.True(context.Cue.Start > context.Quote.End);
        Assert.Equal("Radio Valmora", Cut(context.Paragraph, context.Channel));
        Assert.True(context.Channel.Start < paragraph.IndexOf("after", StringComparison.Ordinal));

        // Paragraph offsets plus paragraph_start are the article's offsets.
        Assert.Equal(response.Hit.Quote.Start, context.ParagraphStart + context.Quote.Start);
        Assert.Equal(0, response.Hit.QuoteIndex);
        Assert.Equal("dock-strike", response.Hit.ArticleId);
        Assert.Equal("Harbour Gazette", response.Hit.ArticleSource);
        Assert.NotEqual(0, response.Hit.SpeakerId);
    }

    [Fact]
    public async Task Search_hits_carry_the_index_that_GetQuote_takes()
    {
        var hit = Assert.Single((await service.Client.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "holt" })).Quotes);
        var response = await service.Client.GetQuoteAsync(new GetQuoteRequest { ArticleId = hit.ArticleId, QuoteIndex = hit.QuoteIndex });
        Assert.Equal(hit.Quote, response.Hit.Quote);
    }

    [Fact]
    public async Task A_missing_quote_is_not_found_and_a_bad_request_names_its_field()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Client.GetQuoteAsync(new GetQuoteRequest { ArticleId = "dock-strike", QuoteIndex = 1 }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var negative = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Client.GetQuoteAsync(new GetQuoteRequest { ArticleId = "dock-strike", QuoteIndex = -1 }));
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
        Assert.StartsWith("quote_index:", negative.Status.Detail, StringComparison.Ordinal);

        var noArticle = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.GetQuoteAsync(new GetQuoteRequest()));
        Assert.StartsWith("article_id: required", noArticle.Status.Detail, StringComparison.Ordinal);
    }
}

/// <summary>GetQuote over HTTP/1.1 JSON at its path.</summary>
public sealed class QuoteContextJsonTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _service = await RunningService.StartStorageAsync(_database.ConnectionString, settings: RunningService.JsonSettings());
        using var call = new StorageService.StorageServiceClient(_service.Channel).Ingest();
        await call.RequestStream.WriteAsync(new AnalysisBuilder("ferry-fares", "Fares rise.\n“Tickets cost more from May,” said Ana Ruiz.")
            .Entity("e1", "Ana Ruiz", EntityType.Person, "Ana Ruiz")
            .Quote("Tickets cost more from May", "e1")
            .Request());
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_quote_in_context_is_at_its_article_path()
    {
        using var http = JsonTranscodingTests.Http1Client(_service.JsonAddress!, token: null);
        using var response = await http.GetAsync("/v1/articles/ferry-fares/quotes/0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var context = json.RootElement.GetProperty("context");
        Assert.Equal("“Tickets cost more from May,” said Ana Ruiz.", context.GetProperty("paragraph").GetString());
        Assert.Equal(12, context.GetProperty("paragraphStart").GetInt32());
        Assert.Equal(1, context.GetProperty("quote").GetProperty("start").GetInt32());
        Assert.Equal(30, context.GetProperty("cue").GetProperty("start").GetInt32());
        Assert.Equal(35, context.GetProperty("speakerMention").GetProperty("start").GetInt32());
        Assert.False(context.TryGetProperty("channel", out _));

        using var missing = await http.GetAsync("/v1/articles/ferry-fares/quotes/7");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
