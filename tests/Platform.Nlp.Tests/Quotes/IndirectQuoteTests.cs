using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

public class IndirectQuoteTests
{
    [Fact]
    public void Said_that_clause()
    {
        const string text = "Health minister Sara Lind said that the new hospital would open in June.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the new hospital would open in June", QuoteKind.Indirect, "Sara Lind", "said", "Sara Lind");
    }

    [Fact]
    public void Stressed_without_that()
    {
        const string text = "Sara Lind stressed the clinics needed more nurses.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the clinics needed more nurses", QuoteKind.Indirect, "Sara Lind", "stressed");
    }

    [Theory]
    [InlineData("noted")]
    [InlineData("added")]
    [InlineData("warned")]
    [InlineData("believes")]
    [InlineData("announced")]
    [InlineData("stated")]
    public void Reporting_verbs_from_the_lexicon(string verb)
    {
        var text = $"On Monday, banker Mark Doyle {verb} that interest rates will rise again.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "interest rates will rise again", QuoteKind.Indirect, "Mark Doyle", verb);
    }

    [Fact]
    public void According_to_before_the_clause()
    {
        const string text = "According to analyst Mark Doyle, the currency will weaken further.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the currency will weaken further", QuoteKind.Indirect, "Mark Doyle", "According to", "Mark Doyle");
    }

    [Fact]
    public void Told_someone_that()
    {
        const string text = "On Friday, farmer Tomas Berg told local radio that the harvest was the worst in a decade.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the harvest was the worst in a decade", QuoteKind.Indirect, "Tomas Berg", "told");
    }

    [Fact]
    public void Attribution_after_the_clause()
    {
        const string text = "The strike will end on Friday, union leader Maria Santos said.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The strike will end on Friday", QuoteKind.Indirect, "Maria Santos", "said", "Maria Santos");
    }

    [Fact]
    public void Inverted_attribution_after_the_clause()
    {
        const string text = "The port will reopen within days, said Peter Brandt, head of the harbour authority.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The port will reopen within days", QuoteKind.Indirect, "Peter Brandt", "said", "Peter Brandt");
    }

    [Fact]
    public void Mixed_quote_keeps_the_fragment_marks_in_its_span()
    {
        const string text = "On Monday, banker Mark Doyle added that the reform was \"a step in the right direction\" for small firms.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the reform was \"a step in the right direction\" for small firms", QuoteKind.Mixed,
            "Mark Doyle", "added");
    }

    [Fact]
    public void Sentence_without_a_reporting_cue_is_not_a_quote()
    {
        Assert.Empty(QuoteAssert.Quotes("The council met on Monday and the roads were closed for repairs."));
    }
}
