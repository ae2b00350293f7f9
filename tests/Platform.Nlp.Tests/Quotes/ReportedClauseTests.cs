using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>Reported clauses without quotation marks: clause boundaries, several reports in one sentence.</summary>
public class ReportedClauseTests
{
    [Fact]
    public void Trailing_attribution_with_a_title_abbreviation()
    {
        const string text = "Ferry fares went up twice last winter, Mr. Halvorsen said.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Ferry fares went up twice last winter", QuoteKind.Indirect, "Halvorsen", "said", "Halvorsen");
    }

    [Fact]
    public void Contraction_with_a_typographic_apostrophe_is_a_verb()
    {
        const string text = "Priya Raman said ferries aren\u2019t a reliable option in winter.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "ferries aren\u2019t a reliable option in winter", QuoteKind.Indirect, "Priya Raman", "said");
    }

    [Fact]
    public void Irregular_past_tense_is_a_verb()
    {
        const string text = "Priya Raman said she heard the engine stall near the pier.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "she heard the engine stall near the pier", QuoteKind.Indirect, "Priya Raman", "said");
    }

    [Fact]
    public void A_that_inside_the_clause_is_not_a_complementizer()
    {
        const string text = "Priya Raman said she had never seen the harbor that empty before.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "she had never seen the harbor that empty before", QuoteKind.Indirect, "Priya Raman", "said");
    }

    [Fact]
    public void Approximate_quantity_after_the_verb()
    {
        const string text = "The port authority said about half of the berths were empty in March.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "about half of the berths were empty in March", QuoteKind.Indirect, "The port authority", "said");
    }

    [Fact]
    public void Participle_after_a_trailing_attribution_is_a_second_report()
    {
        const string text = "The new timetable is confusing, Priya Raman said on Tuesday in Bergen, adding that the operator would print new leaflets.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[0], text, "The new timetable is confusing", QuoteKind.Indirect, "Priya Raman", "said");
        QuoteAssert.Is(quotes[1], text, "the operator would print new leaflets", QuoteKind.Indirect, "Priya Raman", "adding");
    }

    [Fact]
    public void Two_speakers_joined_by_and()
    {
        const string text = "Priya Raman said the ferry would run hourly, and Mr. Halvorsen said he doubted the crews were ready.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[0], text, "the ferry would run hourly", QuoteKind.Indirect, "Priya Raman", "said");
        QuoteAssert.Is(quotes[1], text, "he doubted the crews were ready", QuoteKind.Indirect, "Halvorsen", "said");
    }
}
