using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

public class DirectQuoteTests
{
    [Fact]
    public void Straight_marks_with_trailing_attribution()
    {
        const string text = "\"The bridge will stay closed until spring,\" said transport minister Olga Petrova.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The bridge will stay closed until spring", QuoteKind.Direct, "Olga Petrova", "said", "Olga Petrova");
    }

    [Fact]
    public void Curly_marks_closed_with_a_space_before_the_verb()
    {
        const string text = "“We have enough grain for the winter, ”said farmer Tomas Berg.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "We have enough grain for the winter", QuoteKind.Direct, "Tomas Berg", "said", "Tomas Berg");
    }

    [Fact]
    public void Guillemets()
    {
        const string text = "«Prices will fall next year», economist Ivan Sorokin told reporters.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Prices will fall next year", QuoteKind.Direct, "Ivan Sorokin", "told", "Ivan Sorokin");
    }

    [Fact]
    public void Low_high_marks()
    {
        const string text = "„The talks were useful and calm“, said envoy Karl Weber.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The talks were useful and calm", QuoteKind.Direct, "Karl Weber", "said", "Karl Weber");
    }

    [Fact]
    public void Single_marks_used_as_quotation_marks()
    {
        const string text = "‘We are not leaving our homes,’ said resident Ana Costa.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "We are not leaving our homes", QuoteKind.Direct, "Ana Costa", "said", "Ana Costa");
    }

    [Fact]
    public void Apostrophes_are_not_quotation_marks()
    {
        Assert.Empty(QuoteAssert.Quotes("The mayor's office didn't comment on the workers' demands and the '90s plan."));
    }

    [Fact]
    public void Two_apostrophe_marks_of_wire_copy()
    {
        const string text = "''Nobody expected the storm to be this strong,'' said pilot Omar Haddad.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Nobody expected the storm to be this strong", QuoteKind.Direct, "Omar Haddad", "said");
    }

    [Fact]
    public void Quote_running_over_two_paragraphs_is_one_quote_per_paragraph_with_one_speaker()
    {
        const string text = "On Monday, mayor Lena Fischer said:\n\n“The first part of the plan is ready.\n\n“The second part will follow in May.”";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(["The first part of the plan is ready.", "The second part will follow in May."], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("Lena Fischer", q.Speaker?.Name));
    }

    [Fact]
    public void The_paragraph_that_carries_on_an_interrupted_quote_is_a_quote_of_the_same_speaker()
    {
        // The second part opens after the attribution and runs on into the next paragraph, which reopens the marks.
        const string text = "Maribel Ochoa has lived on Alder Street for 22 years.\n\n"
                            + "“In 2008 we watched it come up for two days,” Ochoa said. “This time the yard was already a lake.\n\n"
                            + "“My mom kept saying, ‘Leave the photos.’ So we left the photos.”";
        var quotes = QuoteAssert.Quotes(text);
        var last = quotes.Single(q => q.Text.StartsWith("My mom kept saying", StringComparison.Ordinal));
        Assert.Equal("Maribel Ochoa", last.Speaker?.Name);
        Assert.Contains(quotes, q => q.Text == "This time the yard was already a lake.");
    }

    [Fact]
    public void Quote_interrupted_by_its_attribution_gives_two_quotes_with_one_speaker()
    {
        const string text = "\"The river is rising fast,\" said engineer Paul Novak. \"We must evacuate the lower town.\"";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[0], text, "The river is rising fast", QuoteKind.Direct, "Paul Novak", "said", "Paul Novak");
        QuoteAssert.Is(quotes[1], text, "We must evacuate the lower town.", QuoteKind.Direct, "Paul Novak", "said", "Paul Novak");
    }

    [Fact]
    public void Nested_quote_stays_inside_the_outer_quote()
    {
        const string text = "“They told us ‘wait another week’ and nothing happened,” said driver Omar Haddad.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "They told us ‘wait another week’ and nothing happened", QuoteKind.Direct, "Omar Haddad", "said");
    }

    [Fact]
    public void Nested_quote_that_took_the_only_closing_mark()
    {
        const string text = "“Nobody will buy bread from “honest traders”, - wrote activist Sara Lind on Facebook.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Nobody will buy bread from “honest traders", QuoteKind.Direct, "Sara Lind", "wrote",
            "Sara Lind", "Facebook");
    }

    [Fact]
    public void Speaker_introduced_before_the_quote_with_a_colon()
    {
        const string text = "The economist Ivan Sorokin said on Monday: \"Inflation has peaked.\"";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Inflation has peaked.", QuoteKind.Direct, "Ivan Sorokin", "said", "Ivan Sorokin");
    }

    [Fact]
    public void Offsets_stay_exact_around_emoji()
    {
        const string text = "🎉🎉 \"We are so happy 🎉 today,\" said fan Lucy Grant.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "We are so happy 🎉 today", QuoteKind.Direct, "Lucy Grant", "said", "Lucy Grant");
        Assert.Equal(text.IndexOf("We are", StringComparison.Ordinal), q.Span.Start);
    }

    [Theory]
    [InlineData("Beck answered within minutes. \u201cListening is free,\u201d she wrote. \u201cStaffing isn\u2019t.\u201d", "Staffing isn\u2019t.")]
    [InlineData("Ada Brook left the hall. \"We will rebuild,\" she said. \"Count on it.\"", "Count on it.")]
    public void A_short_sentence_in_marks_after_an_attributed_quote_is_its_continuation(string text, string second)
    {
        var quotes = QuoteAssert.Quotes(text);
        var q = Assert.Single(quotes, q => q.Text == second);
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal(quotes[0].Speaker?.Name, q.Speaker?.Name);
    }
}
