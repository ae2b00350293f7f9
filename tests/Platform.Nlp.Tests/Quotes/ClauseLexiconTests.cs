using Platform.Nlp.Analysis;
using Platform.Nlp.Quotes;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>The data files the reported-clause patterns read: verb traits and closed word classes.</summary>
public class ClauseLexiconTests
{
    [Theory]
    [InlineData("vowed", "Promise")]
    [InlineData("pledges", "Promise")]
    [InlineData("threatened", "Promise")]
    [InlineData("urged", "Request")]
    [InlineData("encouraged", "Request")]
    [InlineData("Asked", "Request, Question")]
    public void Infinitive_and_question_verbs_carry_their_traits(string word, string expected)
        => Assert.Equal(expected, (QuoteLexicon.Default.VerbTraitsOf(word) & (VerbTraits.Promise | VerbTraits.Request | VerbTraits.Question)).ToString());

    [Fact]
    public void A_plain_speech_verb_takes_no_infinitive_or_question()
        => Assert.Equal(VerbTraits.Speech, QuoteLexicon.Default.VerbTraitsOf("said"));

    [Fact]
    public void Word_classes_ignore_case_and_join_phrases()
    {
        Assert.Contains("Reportedly", ClauseWords.Hedges);
        Assert.Contains("in addition", ClauseWords.ContinuationOpeners);
        Assert.Contains("withdrew", ClauseWords.IrregularPast);
        Assert.DoesNotContain("said", ClauseWords.ClauseStarters);
        Assert.Throws<ArgumentException>(() => QuoteLexicon.Default.WordClass("no-such-class"));
    }

    [Fact]
    public void A_promise_reports_its_infinitive()
    {
        const string text = "The harbour board vowed to reopen the north pier before the summer season.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "to reopen the north pier before the summer season", QuoteKind.Indirect, "The harbour board", "vowed");
    }

    [Fact]
    public void A_request_reports_from_the_person_asked()
    {
        const string text = "Councillor Edith Varga urged the ferry operators to publish their winter timetable.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the ferry operators to publish their winter timetable", QuoteKind.Indirect, "Edith Varga", "urged");
    }

    [Fact]
    public void A_question_reports_from_its_wh_word()
    {
        const string text = "Councillor Edith Varga asked whether the ferry would run on public holidays.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "whether the ferry would run on public holidays", QuoteKind.Indirect, "Edith Varga", "asked");
    }
}
