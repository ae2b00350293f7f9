using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Reporting;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>The learned reported-speech tagger: what it adds to the rules, and what it never touches.</summary>
public class ReportTaggerTests
{
    [Fact]
    public void An_indirect_report_with_a_learned_cue_the_rules_miss_is_found()
    {
        const string text = "Budget talks stalled again in the council chamber on Thursday.\n" +
                            "Two new surveys show the mayor is losing support among older voters.";
        Assert.Empty(Extract(text, tagger: null));

        var quote = Assert.Single(Extract(text, ReportTagger.Default));
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("show", quote.Cue);
        Assert.StartsWith("the mayor is losing support", quote.Text, StringComparison.Ordinal);
        Assert.Equal("Two new surveys", quote.Speaker?.Mention is { } m ? m.Of(text) : null);
    }

    [Theory]
    [InlineData("The ferry to the island resumed service on Monday after three weeks of repairs to its engines.")]
    [InlineData("Parliament passed the budget on Tuesday, and the markets barely moved.")]
    [InlineData("Recall that the harbour was dredged twice in the last decade.")]
    public void A_sentence_without_reported_speech_yields_nothing(string text)
        => Assert.Empty(Extract(text, ReportTagger.Default));

    [Fact]
    public void A_cue_used_as_a_noun_takes_its_owner_as_the_source_or_reports_nothing()
    {
        const string text = "The ferry plan was announced in March by Tomas Berg, who runs the ferry company.\n" +
                            "Officials at the state transport office reviewed the plan in April.\n" +
                            "The harbour council laughed at his claim that the ferry would lose money.";
        // A tagger that accepts every candidate: "the state transport office" has no owner and reports nothing;
        // "his claim that …" is Berg's, not the council's, the subject of the sentence.
        var greedy = Greedy("claim", "state");
        var quotes = Extract(text, greedy);
        Assert.DoesNotContain(quotes, q => q.Cue == "state");
        var claim = Assert.Single(quotes, q => q.Cue == "claim");
        Assert.Equal("the ferry would lose money", claim.Text);
        Assert.Equal("Tomas Berg", claim.Speaker?.Name);
    }

    [Fact]
    public void A_source_found_before_the_cue_is_the_noun_phrase_that_opens_it()
    {
        const string text = "The harbour board met on Monday to discuss the ferry contract.\n" +
                            "The chairwoman declined to predict whether the contract would be signed this year.\n" +
                            "Board members in many cases suspect that the contract will be split.";
        var greedy = Greedy("predict", "suspect");
        var quotes = Extract(text, greedy);
        string? MentionOf(string cue) => quotes.Single(q => q.Cue == cue).Speaker?.Mention is { } m ? m.Of(text) : null;
        Assert.Equal("The chairwoman", MentionOf("predict"));
        Assert.Equal("Board members", MentionOf("suspect"));
    }

    [Theory]
    [InlineData("The harbour council laughed at Tomas Berg's claim that the ferry would lose money.")]
    [InlineData("The harbour council laughed at Tomas Berg\u2019s claim that the ferry would lose money.")]
    public void A_noun_cue_after_a_possessive_name_is_that_names(string sentence)
    {
        var text = "The ferry plan was announced in March.\n" + sentence;
        var greedy = Greedy("claim");
        var claim = Assert.Single(Extract(text, greedy), q => q.Cue == "claim");
        Assert.Equal("Tomas Berg", claim.Speaker?.Name);
    }

    [Fact]
    public void The_tagger_never_adds_a_quote_that_overlaps_a_rule_quote()
    {
        const string text = "“We will finish the tunnel by spring,” the chief engineer, Marta Olsen, said on Friday.\n" +
                            "Critics argued the costs had doubled, and the unions believe the schedule is unrealistic.\n" +
                            "Olsen said that the contractors were paid on time, and residents expect the road to close in May.\n" +
                            "New figures show the tunnel has cost twice the estimate, and the council wants the auditors to look at it.";
        var rules = Extract(text, tagger: null);
        // A tagger that accepts every candidate: whatever it adds, the rules' quotes stay exactly as they were.
        var greedy = Greedy([.. ReportTagger.Default!.CueWords]);
        var combined = Extract(text, greedy);

        foreach (var rule in rules)
        {
            Assert.Contains(combined, q => q.Span == rule.Span && q.Kind == rule.Kind && q.Cue == rule.Cue);
        }

        var added = combined.Where(q => !rules.Any(r => r.Span == q.Span)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, q => Assert.DoesNotContain(rules, r => r.Span.Overlaps(q.Span)));
        Assert.All(added, q => Assert.DoesNotContain(combined, o => o != q && o.Span.Overlaps(q.Span)));
    }

    [Fact]
    public void The_embedded_model_loads_with_its_cue_words_and_threshold_and_round_trips()
    {
        var model = ReportTagger.Default;
        Assert.NotNull(model);
        Assert.NotEmpty(model.Weights);
        Assert.Contains("show", model.CueWords);
        Assert.DoesNotContain("said", model.CueWords);

        using var stream = new MemoryStream();
        model.Save(stream, "round trip");
        stream.Position = 0;
        var loaded = ReportTagger.Load(stream);
        Assert.Equal(model.Threshold, loaded.Threshold);
        Assert.Equal(model.CueWords.Order(StringComparer.Ordinal), loaded.CueWords.Order(StringComparer.Ordinal));
        Assert.Equal(model.Weights.OrderBy(w => w.Key, StringComparer.Ordinal), loaded.Weights.OrderBy(w => w.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Training_is_deterministic_and_learns_to_separate_the_examples()
    {
        var examples = new List<TaggingExample>
        {
            new(["bias", "cue=said", "that=True"], true),
            new(["bias", "cue=show", "src=generic"], true),
            new(["bias", "cue=passed", "np=True|learned"], false),
            new(["bias", "cue=found", "np=True|learned"], false),
        };
        var cues = new HashSet<string>(StringComparer.Ordinal) { "show" };
        var first = ReportTaggerTrainer.Train(examples, cues, epochs: 10, seed: 5);
        var second = ReportTaggerTrainer.Train(examples, cues, epochs: 10, seed: 5);

        Assert.Equal(first.Weights.OrderBy(w => w.Key, StringComparer.Ordinal), second.Weights.OrderBy(w => w.Key, StringComparer.Ordinal));
        Assert.All(examples, e => Assert.Equal(e.IsReport, first.Score(e.Features) > 0));
    }

    [Fact]
    public void The_same_article_gives_the_same_quotes_twice()
    {
        const string text = "Analysts believe the central bank will raise rates in June, and polls show voters blame the government.";
        var first = Extract(text, ReportTagger.Default);
        var second = Extract(text, ReportTagger.Default);
        Assert.Equal(first.Select(q => (q.Span, q.Kind, q.Cue)), second.Select(q => (q.Span, q.Kind, q.Cue)));
    }

    // A tagger that accepts every candidate with one of these cue words (or a lexicon verb).
    private static ReportTagger Greedy(params string[] cueWords)
        => new(new Dictionary<string, float>(StringComparer.Ordinal) { ["bias"] = 100f }, new HashSet<string>(cueWords, StringComparer.Ordinal));

    private static IReadOnlyList<Quote> Extract(string text, ReportTagger? tagger)
        => new NewsAnalyzer(new StatisticalEntityRecognizer(NerModel.Default!), new RuleBasedQuoteExtractor { Tagger = tagger })
            .Analyze(text).Quotes;
}
