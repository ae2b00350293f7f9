using System.IO.Compression;
using System.Text;
using Platform.Nlp;
using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Tokens;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tests;

public class DomainRouterTests
{
    // Invented texts in the two registers the router tells apart.
    private static readonly string[] NewsTexts =
    [
        "The port authority said on Tuesday that cargo volumes rose 4 percent in March. \"We expect more growth,\" Mr. Halvorsen told reporters in Bergen.",
        "Shares of Norvik Holdings fell 2.3 percent after the company said its third-quarter profit would miss forecasts, analysts said.",
        "The ministry said 1,200 homes were still without power on Sunday. Officials told the Gazette that repairs would take a week.",
        "Police said the driver, 42, was taken to hospital. The council said it would review the junction, according to a statement.",
        "Inflation slowed to 2.1 percent in May, the statistics office said, and the central bank is expected to hold rates in June.",
        "The union said talks with the operator had broken down. Its leader, Ada Brook, told the Harbour Gazette that strikes were likely.",
    ];

    private static readonly string[] WebTexts =
    [
        "i ordered from them twice and honestly i can't recommend them enough!! you won't regret it",
        "Does anyone know if the library is open on sundays? I've been trying to call but nobody picks up",
        "we stayed there last summer and it was great, my kids loved the pool. you should def go",
        "I don't get why you'd pay that much for a phone... my old one works fine lol",
        "can't believe the service!! I'm never going back, they didn't even say sorry",
        "you guys have any tips for a first trip to the coast? we're driving up friday",
    ];

    private static TokenizedText Tokenized(string text) => TokenizedText.FromDocument(Document.Parse(text));

    private static List<RoutedDocument> Routed(IEnumerable<string> texts, bool web)
        => [.. texts.Select(t => new RoutedDocument(web ? "web" : "news", DomainRouterTraining.FeaturesOf(t), web))];

    [Fact]
    public void Style_features_see_first_person_contractions_and_reporting_verbs()
    {
        var post = DocumentStyle.Features(Tokenized("I can't believe you didn't tell me, we'd have come!")).Select(DocumentStyle.Name).ToList();
        var report = DocumentStyle.Features(Tokenized("The ministry said on Monday that Mr. Lind had resigned, officials told reporters.")).Select(DocumentStyle.Name).ToList();

        // One bin of every measure, and the bias.
        Assert.Equal((DocumentStyle.Bias / DocumentStyle.Bins) + 1, post.Count);
        Assert.Contains("bias", post);
        Assert.DoesNotContain("FirstPerson:0", post);
        Assert.DoesNotContain("Contractions:0", post);
        Assert.Contains("Reporting:0", post);
        Assert.Contains("FirstPerson:0", report);
        Assert.Contains("Contractions:0", report);
        Assert.DoesNotContain("Reporting:0", report);
        Assert.DoesNotContain("Titles:0", report);
    }

    [Fact]
    public void Style_features_see_praise_chat_doubled_marks_smileys_and_an_opening_question()
    {
        var review = DocumentStyle.Features(Tokenized("Anyone been to the harbour cafe?? Great staff, highly recommend it :) Thanks!!")).Select(DocumentStyle.Name).ToList();
        var report = DocumentStyle.Features(Tokenized("Great Britain said on Monday that the Best Western hotel group had been sold. Officials declined to comment.")).Select(DocumentStyle.Name).ToList();

        Assert.DoesNotContain("Evaluative:0", review);
        Assert.DoesNotContain("Chat:0", review);
        Assert.DoesNotContain("Emphasis:0", review);
        Assert.Contains("QuestionOpening:1", review);
        // Capitalized praise words are names, and spaced marks are not emphasis.
        Assert.Contains("Evaluative:0", report);
        Assert.Contains("Chat:0", report);
        Assert.Contains("Emphasis:0", report);
        Assert.Contains("QuestionOpening:0", report);
        Assert.Contains("Emphasis:0", DocumentStyle.Features(Tokenized("Why? ! Because : ) no.")).Select(DocumentStyle.Name));
    }

    [Fact]
    public void Style_features_are_sorted_indices_and_empty_text_has_the_bias()
    {
        var features = DocumentStyle.Features(Tokenized(NewsTexts[0]));
        Assert.Equal(features.Order(), features);
        Assert.All(features, f => Assert.InRange(f, 0, DocumentStyle.FeatureCount - 1));
        Assert.Contains(DocumentStyle.Bias, DocumentStyle.Features(Tokenized("")));
    }

    [Fact]
    public void A_trained_router_routes_unseen_informal_text_to_the_web_and_no_held_out_news()
    {
        var train = Routed(NewsTexts[..4], web: false).Concat(Routed(WebTexts[..4], web: true)).ToList();
        var heldOutNews = Routed(NewsTexts[4..], web: false);
        var weights = DomainRouterTraining.Train(train, epochs: 10, seed: 17);
        var router = DomainRouterTraining.WithNewsSafeThreshold(weights, heldOutNews);

        Assert.Equal(weights, DomainRouterTraining.Train(train, epochs: 10, seed: 17));
        Assert.Equal(heldOutNews.Max(d => DomainRouterTraining.Score(router, d)), router.Threshold);
        Assert.All(NewsTexts, t => Assert.False(router.IsWeb(Tokenized(t)), t));
        Assert.All(WebTexts[4..], t => Assert.True(router.IsWeb(Tokenized(t)), t));
        Assert.False(router.IsWeb(Tokenized("")));
    }

    [Fact]
    public void A_router_needs_one_weight_per_style_feature()
    {
        var error = Assert.Throws<ArgumentException>(() => new DomainRouter(new float[3], 0));
        Assert.Contains($"{DocumentStyle.FeatureCount} weights", error.Message);
    }

    [Fact]
    public void A_model_with_web_passes_round_trips_and_tags_web_text_with_them()
    {
        var (newsModel, webModel) = TrainFolds();
        var alwaysWeb = Router(bias: 1);
        var model = newsModel.WithWebPasses(webModel, alwaysWeb);

        var loaded = Reload(model, out var version);
        Assert.Equal(3, version);
        Assert.NotNull(loaded.Router);
        Assert.Equal(alwaysWeb.Weights, loaded.Router.Weights);
        Assert.Equal(alwaysWeb.Threshold, loaded.Router.Threshold);

        // Routed to the web passes, the product is an organization, as the web documents annotate it.
        var web = ConllCorpus.Read(new StringReader(DomainFeaturesTests.Web));
        Assert.Equal(100.0, NerEvaluator.Evaluate(loaded, web).Overall.F1, 3);
        var text = TokenizedText.FromWords([["Zephyrlink", "sales", "rose", "in", "Bergen", "."]]);
        var labels = loaded.Tag(text, out var routed);
        Assert.True(routed);
        Assert.Equal(1, NerLabels.TypeOf(labels[0]));

        // A router that never fires leaves the news passes, and their MISC.
        var neverWeb = newsModel.WithWebPasses(webModel, Router(bias: -1));
        Assert.Equal(3, NerLabels.TypeOf(neverWeb.Tag(text, out routed)[0]));
        Assert.False(routed);
    }

    [Fact]
    public void A_router_sends_scores_in_its_blend_band_to_the_blend()
    {
        var tokens = Tokenized(NewsTexts[0]);
        DomainRoute RouteAt(float bias, DomainRouter router) => new DomainRouter([.. Router(bias).Weights], router.Threshold, router.BlendFrom, router.BlendWeight).Route(tokens);
        var banded = Router(bias: 0).WithBlend(-1, 0.5f);

        Assert.Equal(DomainRoute.Web, RouteAt(0.5f, banded));
        Assert.Equal(DomainRoute.Blend, RouteAt(-0.5f, banded));
        Assert.Equal(DomainRoute.News, RouteAt(-1.5f, banded));
        // Without a band the same scores are news or web.
        Assert.Equal(DomainRoute.News, RouteAt(-0.5f, Router(bias: 0)));
        Assert.Equal(DomainRoute.News, Router(bias: 1).WithBlend(-1, 0.5f).Route(Tokenized("")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Router(bias: 0).WithBlend(1, 0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => Router(bias: 0).WithBlend(-1, 1.5f));
    }

    [Fact]
    public void A_blend_at_either_end_tags_as_that_fold_and_the_band_round_trips_in_format_4()
    {
        var (newsModel, webModel) = TrainFolds();
        var web = ConllCorpus.Read(new StringReader(DomainFeaturesTests.Web));
        var news = ConllCorpus.Read(new StringReader(DomainFeaturesTests.News));
        // Every document falls in the band (score 0, band from -1 to 1).
        NerModel Blended(float share) => newsModel.WithWebPasses(webModel, Router(bias: 0).WithThreshold(1).WithBlend(-1, share));
        int[] Tags(NerModel model, ConllDocument document, out DomainRoute route)
            => model.Tag(TokenizedText.FromWords([.. document.Sentences.Select(s => s.Words)]), TextStyle.Auto, out route);

        var allWeb = Blended(1);
        var allNews = newsModel.WithWebPasses(webModel, Router(bias: -1));
        var onlyWeb = newsModel.WithWebPasses(webModel, Router(bias: 1));
        foreach (var document in web.Concat(news))
        {
            // The two tables were quantized at different scales: the blend puts them on one before mixing.
            Assert.Equal(Tags(onlyWeb, document, out _), Tags(allWeb, document, out var route));
            Assert.Equal(DomainRoute.Blend, route);
            Assert.Equal(Tags(allNews, document, out _), Tags(Blended(0.0001f), document, out _));
        }

        var loaded = Reload(Blended(0.25f), out var version);
        Assert.Equal(4, version);
        Assert.Equal(-1, loaded.Router!.BlendFrom);
        Assert.Equal(0.25f, loaded.Router.BlendWeight);
        Reload(newsModel.WithWebPasses(webModel, Router(bias: 1)), out version);
        Assert.Equal(3, version);
    }

    [Fact]
    public void A_model_without_web_passes_keeps_its_older_format_version()
    {
        var (newsModel, _) = TrainFolds();
        var loaded = Reload(newsModel, out var version);
        Assert.Equal(1, version);
        Assert.Null(loaded.Router);
    }

    [Fact]
    public void Web_passes_keep_only_the_weights_above_the_minimum()
    {
        var (newsModel, webModel) = TrainFolds();
        var pruned = newsModel.WithWebPasses(webModel, Router(bias: 1), minWeight: 2000);
        Assert.NotNull(pruned.Web);
        Assert.All(pruned.Web.First.Weights, w => Assert.True(w == 0 || Math.Abs((int)w) >= 2000));
        Assert.Contains(webModel.First.Weights, w => w != 0 && Math.Abs((int)w) < 2000);
        Assert.Equal(webModel.First.Transitions, pruned.Web.First.Transitions);
    }

    [Fact]
    public void On_web_routed_text_the_recognizer_drops_misc_but_keeps_the_other_types()
    {
        var (newsModel, _) = TrainFolds();
        var document = Document.Parse("Marta Lind sold Zephyrlink in Oslo .");
        var asNews = new StatisticalEntityRecognizer(newsModel.WithWebPasses(newsModel, Router(bias: -1))).Recognize(document);
        // The same passes behind a router that always fires: only the routing differs.
        var asWeb = new StatisticalEntityRecognizer(newsModel.WithWebPasses(newsModel, Router(bias: 1))).Recognize(document);

        Assert.Contains(asNews, s => s.Type == EntityType.Misc);
        Assert.DoesNotContain(asWeb, s => s.Type == EntityType.Misc);
        Assert.Equal(asNews.Where(s => s.Type != EntityType.Misc), asWeb);
        Assert.Contains(asWeb, s => s.Type == EntityType.Person);
    }

    [Fact]
    public void The_embedded_model_routes_invented_forum_posts_to_its_web_passes_and_news_to_its_news_passes()
    {
        var router = NerModel.Default?.Router;
        Assert.NotNull(router);
        // The threshold keeps all held-out news out, so a short post with little style may stay with the news passes.
        Assert.InRange(WebTexts.Count(t => router.IsWeb(Tokenized(t))), 4, WebTexts.Length);
        Assert.All(NewsTexts, t => Assert.False(router.IsWeb(Tokenized(t)), t));
        Assert.All(NewsTexts, t => Assert.False(router.IsWeb(Tokenized(t.ToLowerInvariant())), t));
    }

    [Fact]
    public void A_caller_who_knows_the_style_overrides_the_router()
    {
        var analyzer = NewsAnalyzer.CreateDefault();
        const string text = "Lena Berg runs the Harbour Cafe in Bergen. The Norwegian chef won the Nordic Cup last year with a cod dish.";
        EntityType CupType(TextStyle style) => Assert.Single(analyzer.Analyze(text, style).Entities, e => e.Name == "Nordic Cup").Type;

        Assert.Equal(EntityType.Misc, CupType(TextStyle.Auto));
        Assert.Equal(EntityType.Misc, CupType(TextStyle.News));
        Assert.Equal(EntityType.Org, CupType(TextStyle.Web));
        // The nationality stays NORP on the web passes; only the model's MISC is dropped.
        Assert.Contains(analyzer.Analyze(text, TextStyle.Web).Entities, e => e.Type == EntityType.Norp);

        // A forum post the router sends to the web passes goes back to the news passes when the caller says news.
        var post = WebTexts[0];
        var tokens = Tokenized(post);
        NerModel.Default!.Tag(tokens, TextStyle.Auto, out var routed);
        Assert.Equal(DomainRoute.Web, routed);
        NerModel.Default.Tag(tokens, TextStyle.News, out routed);
        Assert.Equal(DomainRoute.News, routed);
    }

    // The invented news and web documents of the domain-feature tests, trained once, folded for each domain.
    private static (NerModel News, NerModel Web) TrainFolds()
    {
        var documents = ConllCorpus.Read(new StringReader(DomainFeaturesTests.News)).Select(d => new SourceDocument(d, false))
            .Concat(ConllCorpus.Read(new StringReader(DomainFeaturesTests.Web)).Select(d => new SourceDocument(d, false, TextDomain.Web)));
        var lexicon = new Lexicon();
        lexicon.Freeze();
        var trainer = new NerTrainer(lexicon, new TrainingOptions(Bits: 14, Epochs: 8, Seed: 3, Folds: 2, DomainFeatures: true), TextWriter.Null);
        var news = trainer.Train(LabeledDocument.From(documents), null, "domains");
        return (news, trainer.Refold(TextDomain.Web, 1));
    }

    private static DomainRouter Router(float bias)
    {
        var weights = new float[DocumentStyle.FeatureCount];
        weights[DocumentStyle.Bias] = bias;
        return new DomainRouter(weights, 0);
    }

    private static NerModel Reload(NerModel model, out int version)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        using (var gzip = new GZipStream(new MemoryStream(stream.ToArray()), CompressionMode.Decompress))
        using (var reader = new BinaryReader(gzip, Encoding.UTF8))
        {
            reader.ReadString();
            version = reader.ReadInt32();
        }

        return NerModel.Load(stream);
    }
}
