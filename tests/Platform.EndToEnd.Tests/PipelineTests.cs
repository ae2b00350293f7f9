using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Platform.Client;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

public class PipelineTests(StackFixture stack) : IClassFixture<StackFixture>
{
    private ServiceProvider Clients() => new ServiceCollection()
        .AddPlatformClients(o =>
        {
            o.ExtractionAddress = stack.Extraction.Address;
            o.StorageAddress = stack.Storage.Address;
        })
        .BuildServiceProvider();

    [Fact]
    public async Task Extracted_and_stored_quote_is_found_by_speaker_through_the_client_library()
    {
        await using var services = Clients();
        var extraction = services.GetRequiredService<ExtractionService.ExtractionServiceClient>();
        var storage = services.GetRequiredService<StorageService.StorageServiceClient>();
        var article = new Article
        {
            Id = "lib-1",
            Title = "Harbour news",
            Text = "The harbour will reopen.\n\n“The cranes are working again, ” said port director Elena Marsh.",
        };

        var response = await extraction.ExtractAsync(new ExtractRequest { Article = article, Store = true });

        Assert.Equal(StoreStatus.Stored, response.Storage.Status);
        var quote = Assert.Single(response.Analysis.Quotes);
        Assert.Equal("The cranes are working again", quote.Text);
        Assert.Equal("Elena Marsh", quote.Speaker.Name);

        var found = await storage.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "marsh", ArticleId = "lib-1" });
        var hit = Assert.Single(found.Quotes);
        Assert.Equal(quote, hit.Quote);
        Assert.Equal("Harbour news", hit.ArticleTitle);

        var stored = await storage.GetArticleAsync(new GetArticleRequest { Id = "lib-1" });
        Assert.Equal(response.Analysis, stored.Analysis);
        Assert.Equal(article.Text, stored.Article.Text);
    }

    [Fact]
    public async Task Offsets_count_code_points_outside_the_basic_plane()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        const string text = "🚢🚢 Ships are back. “The channel is open to every vessel,” said Elena Marsh 😀.";
        var response = await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = "emoji", Text = text } });

        var quote = Assert.Single(response.Analysis.Quotes);
        var runes = text.EnumerateRunes().ToArray();
        Assert.Equal(quote.Text, string.Concat(runes[quote.Start..quote.End].Select(r => r.ToString())));
        var person = Assert.Single(response.Analysis.Entities, e => e.Name == "Elena Marsh");
        var mention = person.Mentions[0];
        Assert.Equal("Elena Marsh", string.Concat(runes[mention.Start..mention.End].Select(r => r.ToString())));
    }

    [Fact]
    public async Task A_bad_article_in_a_stream_is_answered_with_its_error_and_the_others_are_stored_in_order()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        using var call = extraction.ExtractStream();
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            var text = i == 17 ? string.Empty : $"Day {i}. “We rebuilt pier number {i} in one week,” said Tomas Okafor.";
            await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = $"stream-{i:00}", Text = text }, Store = true });
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<ExtractStreamResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"stream-{i:00}"), responses.Select(r => r.ArticleId));
        Assert.Equal("article.text: required (or article.html)", responses[17].Error);
        Assert.Null(responses[17].Storage);
        Assert.All(responses.Where((_, i) => i != 17), r => Assert.Equal(StoreStatus.Stored, r.Storage.Status));

        var storage = new StorageService.StorageServiceClient(stack.Storage.Channel);
        var quotes = await storage.SearchQuotesAsync(new SearchQuotesRequest { Text = "rebuilt pier", PageSize = 100 });
        Assert.Equal(count - 1, quotes.Quotes.Count);
    }

    /// <summary>A news page as sites serve it: menus, share buttons, a captioned photo, related links, comments.</summary>
    private const string NewsPage =
        """
        <!DOCTYPE html><html><head><title>Ferry returns | Saltmarsh Herald</title>
        <meta property="og:title" content="Island ferry returns after repairs">
        <meta property="og:site_name" content="Saltmarsh Herald">
        <link rel="canonical" href="https://herald.example/news/ferry-returns">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Island ferry returns after repairs",
          "datePublished":"2026-06-01T08:00:00Z","author":{"@type":"Person","name":"Rhea Tamm"}}</script>
        <script>var tracking = { page: "article" };</script></head>
        <body><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article><h1>Island ferry returns after repairs</h1>
        <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
        <figure><img src="ferry.jpg"><figcaption>The ferry at the pier. <span class="credit">Photo: Herald</span></figcaption></figure>
        <p>The ferry to Saltmarsh island sails again from Monday after six weeks in dry dock.</p>
        <p>&ldquo;Every island family felt the weeks without the boat,&rdquo; said harbour master Joran Vik.</p>
        <aside class="related"><a href="/news/dock">Dry dock costs rise</a></aside>
        <p>Tickets cost the same as before.</p></article>
        <section class="comments"><p>About time!</p></section>
        <footer>&copy; Saltmarsh Herald</footer></body></html>
        """;

    [Fact]
    public async Task Html_only_article_is_analysed_on_its_derived_text_which_is_returned_and_stored_without_page_furniture()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        var storage = new StorageService.StorageServiceClient(stack.Storage.Channel);

        var response = await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = "html-1", Html = NewsPage }, Store = true });

        Assert.Equal(StoreStatus.Stored, response.Storage.Status);
        var article = response.Article;
        Assert.Equal(
            "The ferry to Saltmarsh island sails again from Monday after six weeks in dry dock.\n" +
            "“Every island family felt the weeks without the boat,” said harbour master Joran Vik.\n" +
            "Tickets cost the same as before.",
            article.Text);
        Assert.Equal(string.Empty, article.Html);
        Assert.Equal("html-1", article.Id);
        Assert.Equal("Island ferry returns after repairs", article.Title);
        Assert.Equal("https://herald.example/news/ferry-returns", article.Url);
        Assert.Equal("Saltmarsh Herald", article.Source);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), article.PublishedAt.ToDateTimeOffset());

        var quote = Assert.Single(response.Analysis.Quotes);
        Assert.Equal("Joran Vik", quote.Speaker.Name);
        var runes = article.Text.EnumerateRunes().ToArray();
        Assert.Equal(quote.Text, string.Concat(runes[quote.Start..quote.End].Select(r => r.ToString())));
        Assert.All(response.Analysis.Entities.SelectMany(e => e.Mentions), m =>
            Assert.Equal(m.Text, string.Concat(runes[m.Start..m.End].Select(r => r.ToString()))));

        var stored = await storage.GetArticleAsync(new GetArticleRequest { Id = "html-1" });
        Assert.Equal(article.Text, stored.Article.Text);
        Assert.Equal(string.Empty, stored.Article.Html);
        Assert.Equal("Island ferry returns after repairs", stored.Article.Title);
        Assert.Equal(response.Analysis, stored.Analysis);
        foreach (var furniture in new[] { "Home", "Share", "Photo", "Dry dock costs", "About time", "tracking", "©" })
        {
            Assert.DoesNotContain(furniture, stored.Article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stream_answers_html_and_text_articles_with_the_article_as_analysed()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        using var call = extraction.ExtractStream();
        await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = "s-html", Html = NewsPage }, Store = true });
        await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = "s-empty", Html = "<nav>Home</nav>" }, Store = true });
        await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = "s-text", Text = "“Nets are mended,” said Ada Holm." }, Store = true });
        await call.RequestStream.CompleteAsync();
        var responses = new List<ExtractStreamResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal(["s-html", "s-empty", "s-text"], responses.Select(r => r.ArticleId));
        Assert.StartsWith("The ferry to Saltmarsh island", responses[0].Article.Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, responses[0].Article.Html);
        Assert.Equal(StoreStatus.Stored, responses[0].Storage.Status);
        Assert.Equal("article.html: no article text found", responses[1].Error);
        Assert.Null(responses[1].Article);
        Assert.Equal("“Nets are mended,” said Ada Holm.", responses[2].Article.Text);
        Assert.Equal(StoreStatus.Stored, responses[2].Storage.Status);
    }

    [Fact]
    public async Task Caller_metadata_wins_over_the_page_and_text_wins_over_html()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);

        var fromPage = await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = "html-2", Title = "Mine", Html = NewsPage } });
        var fromText = await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = "html-3", Text = "Plain words.", Html = NewsPage } });

        Assert.Equal("Mine", fromPage.Article.Title);
        Assert.Equal("Saltmarsh Herald", fromPage.Article.Source);
        Assert.Equal("Plain words.", fromText.Article.Text);
        Assert.Equal(string.Empty, fromText.Article.Html);
        Assert.Equal(string.Empty, fromText.Article.Title);
    }

    [Fact]
    public async Task The_caller_can_say_an_article_is_web_text_and_an_unknown_style_is_invalid_argument()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        const string text = "Lena Berg runs the Harbour Cafe in Bergen. The Norwegian chef won the Nordic Cup last year with a cod dish.";

        async Task<EntityType> TypeOfCup(TextStyle style)
        {
            var response = await extraction.ExtractAsync(new ExtractRequest { Article = new Article { Id = $"style-{style}", Text = text, Style = style } });
            return Assert.Single(response.Analysis.Entities, e => e.Name == "Nordic Cup").Type;
        }

        // News names a cup an event (MISC); web text annotates no MISC and takes such names for organizations.
        Assert.Equal(EntityType.Misc, await TypeOfCup(TextStyle.Unspecified));
        Assert.Equal(EntityType.Misc, await TypeOfCup(TextStyle.News));
        Assert.Equal(EntityType.Org, await TypeOfCup(TextStyle.Web));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await extraction.ExtractAsync(
            new ExtractRequest { Article = new Article { Id = "style-bad", Text = text, Style = (TextStyle)7 } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("article.style: unknown value 7; expected TEXT_STYLE_UNSPECIFIED, TEXT_STYLE_NEWS or TEXT_STYLE_WEB", error.Status.Detail);
    }

    [Fact]
    public async Task Html_page_without_article_text_is_invalid_argument_naming_article_html()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        const string page = "<html><head><title>Herald</title></head><body><nav><a href='/'>Home</a></nav><footer>© Herald</footer></body></html>";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await extraction.ExtractAsync(
            new ExtractRequest { Article = new Article { Id = "empty-page", Html = page }, Store = true }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("article.html: no article text found", error.Status.Detail);
        var storage = new StorageService.StorageServiceClient(stack.Storage.Channel);
        var lookup = await Assert.ThrowsAsync<RpcException>(async () => await storage.GetArticleAsync(new GetArticleRequest { Id = "empty-page" }));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Oversized_or_too_deeply_nested_html_is_invalid_argument_naming_field_and_limit()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        var html = "<p>" + new string('x', 4 * 1024 * 1024) + "</p>";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await extraction.ExtractAsync(
            new ExtractRequest { Article = new Article { Id = "big-page", Html = html } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("article.html: 4194311 bytes exceeds the limit of 4194304 bytes", error.Status.Detail);

        var deep = await Assert.ThrowsAsync<RpcException>(async () => await extraction.ExtractAsync(
            new ExtractRequest { Article = new Article { Id = "deep-page", Html = string.Concat(Enumerable.Repeat("<div>", 300_000)) } }));
        Assert.Equal(StatusCode.InvalidArgument, deep.StatusCode);
        Assert.Equal("article.html: elements nested deeper than the limit of 1000 levels", deep.Status.Detail);
    }

    [Fact]
    public async Task Oversized_article_is_invalid_argument_naming_field_and_limit()
    {
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await extraction.ExtractAsync(
            new ExtractRequest { Article = new Article { Id = "big", Text = new string('x', 1024 * 1024 + 5) } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("article.text: 1048581 bytes exceeds the limit of 1048576 bytes", error.Status.Detail);
    }

    [Fact]
    public async Task Client_library_applies_its_default_deadline_to_unary_calls()
    {
        await using var services = new ServiceCollection()
            .AddPlatformClients(o =>
            {
                o.StorageAddress = stack.Storage.Address;
                o.DefaultDeadline = TimeSpan.FromTicks(1);
            })
            .BuildServiceProvider();
        var storage = services.GetRequiredService<StorageService.StorageServiceClient>();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await storage.SearchQuotesAsync(new SearchQuotesRequest()));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);

        // An explicit deadline wins over the default.
        var page = await storage.SearchQuotesAsync(new SearchQuotesRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.NotNull(page);
    }

    [Fact]
    public async Task Both_services_report_serving_on_the_health_service()
    {
        foreach (var service in new[] { stack.Storage, stack.Extraction })
        {
            var health = new Health.HealthClient(service.Channel);
            var reply = await health.CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
    }
}
