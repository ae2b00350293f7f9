using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tests;

public class NewsAnalyzerTests
{
    private static readonly NewsAnalyzer Engine = NewsAnalyzer.CreateDefault();

    [Fact]
    public void Direct_quote_with_curly_marks_is_attributed_to_the_named_speaker()
    {
        const string text = "“The harbour will reopen next week, ” said port director Elena Marsh.";
        var analysis = Engine.Analyze(text);

        var quote = Assert.Single(analysis.Quotes);
        Assert.Equal("The harbour will reopen next week", quote.Text);
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("said", quote.Cue);
        Assert.Equal("Elena Marsh", quote.Speaker?.Name);
    }

    [Fact]
    public void Pronoun_speaker_resolves_to_the_full_name()
    {
        const string text = "Elena Marsh runs the port.\n\n\"We expect ships back by Friday,\" she told reporters.";
        var quote = Assert.Single(Engine.Analyze(text).Quotes);
        Assert.Equal("Elena Marsh", quote.Speaker?.Name);
        Assert.Equal("she", quote.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void Scare_quotes_are_not_quotes()
    {
        var analysis = Engine.Analyze("The council fought the \"influence\" of lobbyists.");
        Assert.Empty(analysis.Quotes);
    }

    [Fact]
    public void Short_name_joins_the_full_name()
    {
        const string text = "Elena Marsh spoke first. After lunch, Marsh left.";
        var person = Assert.Single(Engine.Analyze(text).Entities, e => e.Type == EntityType.Person);
        Assert.Equal("Elena Marsh", person.Name);
        Assert.Equal(2, person.Mentions.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t")]
    [InlineData("\"\"\"\"\"")]
    [InlineData("“unclosed quote that never ends")]
    [InlineData("\uD800\uDC00\uDFFF \"a b c d\" \u0000 said X")]
    public void Odd_input_never_throws_and_offsets_stay_in_range(string text)
    {
        var analysis = Engine.Analyze(text);
        foreach (var quote in analysis.Quotes)
        {
            Assert.InRange(quote.Span.Start, 0, text.Length);
            Assert.InRange(quote.Span.End, quote.Span.Start, text.Length);
            Assert.Equal(quote.Text, quote.Span.Of(text));
        }
    }

    [Theory]
    [InlineData("Ada Brook, president of the dockworkers, said the offer was an insult.", "Ada Brook")]
    [InlineData("Ada Brook, 54, said the offer was an insult.", "Ada Brook")]
    [InlineData("The offer was an insult, said union president Ada Brook.", "Ada Brook")]
    public void A_name_the_model_takes_for_an_organization_is_a_person_when_described_as_one(string text, string name)
    {
        var entity = Assert.Single(Engine.Analyze(text).Entities, e => e.Name == name);
        Assert.Equal(EntityType.Person, entity.Type);
    }

    [Theory]
    [InlineData("Amara Essy of the Ivory Coast, its foreign minister, arrived on Monday.", "Ivory Coast")]
    [InlineData("Morgan Stanley, the bank, said profits fell.", "Morgan Stanley")]
    public void A_place_or_company_described_by_someone_else_keeps_its_type(string text, string name)
    {
        var entity = Assert.Single(Engine.Analyze(text).Entities, e => e.Name == name);
        Assert.NotEqual(EntityType.Person, entity.Type);
    }
}

public class NewsAnalyzerRobustnessTests
{
    private static readonly NewsAnalyzer Engine = NewsAnalyzer.CreateDefault();

    [Fact]
    public void Random_text_never_throws_and_entity_offsets_stay_in_range()
    {
        const string alphabet = "aZ9 .,-'’\"“”$€£\n\t()—–/:;!?ÄéçU.S.-\uD83D\uDE00\uD800\u0000";
        string[] words = ["Mr.", "U.S.", "$", "700", "billion", "mid-2013", "the", "day", "before", "Russian-Venezuelan", "anti-", "'s", "May", "Ministry", "of", "Oslo", "said"];
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var builder = new System.Text.StringBuilder();
            var length = random.Next(0, 120);
            for (var i = 0; i < length; i++)
            {
                builder.Append(random.Next(4) == 0 ? words[random.Next(words.Length)] + " " : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var text = builder.ToString();
            var analysis = Engine.Analyze(text);
            var previousEnd = -1;
            foreach (var mention in analysis.Entities.SelectMany(e => e.Mentions).OrderBy(m => m.Span.Start))
            {
                Assert.InRange(mention.Span.Start, 0, text.Length);
                Assert.InRange(mention.Span.End, mention.Span.Start + 1, text.Length);
                Assert.Equal(mention.Text, mention.Span.Of(text));
                Assert.True(mention.Span.Start >= previousEnd, "mentions overlap");
                previousEnd = mention.Span.End;
            }
        }
    }

    [Fact]
    public void A_failing_quote_stage_keeps_the_entities_and_names_the_failure()
    {
        var engine = new NewsAnalyzer(new StatisticalEntityRecognizer(NerModel.Default!), new ThrowingQuoteExtractor());
        var analysis = engine.Analyze("Elena Marsh visited Valmora on Tuesday.");

        Assert.Empty(analysis.Quotes);
        Assert.Contains(analysis.Entities, e => e.Name == "Elena Marsh");
        var failure = Assert.Single(analysis.Failures);
        Assert.Equal(StageFailure.QuotesStage, failure.Stage);
        Assert.IsType<InvalidOperationException>(failure.Error);
        Assert.Empty(Engine.Analyze("Elena Marsh visited Valmora on Tuesday.").Failures);
    }

    private sealed class ThrowingQuoteExtractor : IQuoteExtractor
    {
        public IReadOnlyList<Quote> Extract(Document document, IReadOnlyList<Entity> entities) => throw new InvalidOperationException("a rule met an unforeseen shape");
    }
}
