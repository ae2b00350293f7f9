using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Ranking;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>The learned speaker ranker: its candidates, its training and how it overrides the rules.</summary>
public class SpeakerRankerTests
{
    private const string Article =
        "Councillor Edith Varga met the harbour board on Monday.\n" +
        "The board’s chairman, Tomas Lind, said the north pier would reopen in May. He added that repairs had cost more than planned.\n" +
        "“We will not raise the fares,” Varga said.";

    [Fact]
    public void Candidates_cover_names_and_pronouns_before_the_quote_and_not_its_own_words()
    {
        var trace = Trace(Article, ranker: null);
        var (draft, candidates) = Assert.Single(trace, t => t.Draft.Span.Of(Article).StartsWith("repairs", StringComparison.Ordinal));
        var spans = candidates.Where(c => c.Span is not null).Select(c => c.Span!.Value.Of(Article)).ToList();
        Assert.Contains("He", spans);
        Assert.Contains("Tomas Lind", spans);
        Assert.Contains("Edith Varga", spans);
        // A role noun is a candidate only in the cue's own sentence: "chairman" is one sentence back.
        Assert.DoesNotContain(spans, s => s.EndsWith("chairman", StringComparison.Ordinal));
        Assert.DoesNotContain(candidates, c => c.Span is { } s && draft.Span.Overlaps(s));
        var rule = Assert.Single(candidates, c => c.IsRuleChoice);
        Assert.Equal("He", rule.Span!.Value.Of(Article));
        Assert.Contains("src=rule", rule.Features);
    }

    [Fact]
    public void An_organization_describing_the_named_speaker_is_no_candidate()
    {
        const string text = "The harbour budget was cut again on Monday.\n\n"
                            + "\u201cWe will not accept it,\u201d said the chairman of the Harbour Board, Tomas Lind, after the vote.";
        var (_, candidates) = Assert.Single(Trace(text, ranker: null));
        var spans = candidates.Where(c => c.Span is not null).Select(c => c.Span!.Value.Of(text)).ToList();
        Assert.Contains("Tomas Lind", spans);
        Assert.DoesNotContain("Harbour Board", spans);
    }

    [Fact]
    public void A_ranker_can_override_the_rules_choice_and_the_quote_takes_that_speaker()
    {
        // A model that prefers a person named in the same paragraph over the pronoun the rules chose.
        var ranker = new SpeakerRanker(new Dictionary<string, float>(StringComparer.Ordinal)
        {
            ["src=mention|k=per"] = 1f,
            ["para=0|k=per"] = 1f,
        });
        var trace = Trace(Article, ranker);
        var (draft, _) = Assert.Single(trace, t => t.Draft.Span.Of(Article).StartsWith("repairs", StringComparison.Ordinal));
        Assert.Equal("Tomas Lind", draft.Phrase!.Span.Of(Article));
        Assert.Equal("Tomas Lind", draft.Speaker!.Name);
    }

    [Fact]
    public void Training_learns_the_feature_that_marks_the_correct_candidate_and_is_deterministic()
    {
        var examples = new List<RankingExample>();
        for (var i = 0; i < 20; i++)
        {
            // The rules' choice is right in three examples of four; the right candidate always carries "good".
            var ruleRight = i % 4 != 0;
            examples.Add(new RankingExample(
                [
                    new SpeakerCandidate(null, true, ["rule", ruleRight ? "good" : "bad"]),
                    new SpeakerCandidate(null, false, ["other", ruleRight ? "bad" : "good"]),
                ],
                [ruleRight, !ruleRight]));
        }

        var first = SpeakerRankerTrainer.Train(examples, epochs: 10, seed: 3);
        var second = SpeakerRankerTrainer.Train(examples, epochs: 10, seed: 3);
        Assert.True(first.Weights["good"] > first.Weights.GetValueOrDefault("bad"));
        Assert.Equal(first.Weights.OrderBy(w => w.Key), second.Weights.OrderBy(w => w.Key));
        Assert.All(examples, e => Assert.True(e.Correct[e.Candidates.ToList().IndexOf(first.Choose(e.Candidates)!)]));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_weights()
    {
        var ranker = new SpeakerRanker(new Dictionary<string, float>(StringComparer.Ordinal) { ["a"] = 0.25f, ["b|c"] = -1.5f });
        using var stream = new MemoryStream();
        ranker.Save(stream, "test model");
        stream.Position = 0;
        var loaded = SpeakerRanker.Load(stream);
        Assert.Equal(ranker.Weights.OrderBy(w => w.Key), loaded.Weights.OrderBy(w => w.Key));
    }

    private static List<(QuoteDraft Draft, IReadOnlyList<SpeakerCandidate> Candidates)> Trace(string text, SpeakerRanker? ranker)
    {
        var trace = new List<(QuoteDraft Draft, IReadOnlyList<SpeakerCandidate> Candidates)>();
        var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(NerModel.Default!), new RuleBasedQuoteExtractor { Ranker = ranker, Trace = trace });
        analyzer.Analyze(text);
        return trace;
    }
}
