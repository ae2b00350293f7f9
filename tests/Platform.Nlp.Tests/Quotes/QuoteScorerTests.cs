using Platform.Nlp.Analysis;
using Platform.Nlp.Evaluation.Quotes;

namespace Platform.Nlp.Tests.Quotes;

public class QuoteScorerTests
{
    private const string Text = "Superintendent Helen Vasquez-Reid said the school would close.";

    [Theory]
    [InlineData("Helen Vasquez-Reid", true)]
    [InlineData("Vasquez-Reid", true)]
    [InlineData("Helen Vasquez", false)]
    [InlineData("the superintendent", false)]
    public void A_resolved_speaker_is_right_when_it_carries_the_gold_surname_whole(string systemSpeaker, bool right)
    {
        var content = new TextSpan(Text.IndexOf("the school", StringComparison.Ordinal), Text.Length - 1);
        var mention = new TextSpan(15, 33);
        var gold = new GoldDocument("d", Text, [new GoldQuote(content, QuoteKind.Indirect, "Helen Vasquez-Reid", mention, "said")], [], SpeakersResolved: true);
        var system = new Quote(content, content.Of(Text), QuoteKind.Indirect, new Speaker(systemSpeaker, null, mention), "said", null, 1f, []);

        var scorer = new QuoteScorer();
        scorer.Add(gold, [system]);

        var counts = scorer.Counts(KindSubset.All, 0.3);
        Assert.Equal(1, counts.Matched);
        Assert.Equal(right ? 1 : 0, counts.ResolvedCorrect);
    }
}
