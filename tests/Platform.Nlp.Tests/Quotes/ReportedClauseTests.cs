using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>Reported clauses without quotation marks: clause boundaries, several reports in one sentence.</summary>
public class ReportedClauseTests
{
    [Fact]
    public void A_second_verb_after_but_shares_the_subject_of_the_sentence()
    {
        const string text = "The council voted on Tuesday.\n\nIts president, Grace Lindqvist, welcomed the decision but warned that staffing remained the real problem.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "staffing remained the real problem", QuoteKind.Indirect, "Grace Lindqvist", "warned");
    }

    [Fact]
    public void An_addressee_named_after_an_article_is_not_part_of_the_clause()
    {
        const string text = "The vote failed.\n\nAda Brook told the Harbour Gazette she would keep fighting for the library.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "she would keep fighting for the library", QuoteKind.Indirect, "Ada Brook", "told", "Ada Brook");
    }

    [Theory]
    [InlineData("A spokeswoman for Norvik Holdings said the plant would reopen in the autumn.", "A spokeswoman for Norvik Holdings")]
    [InlineData("Officials at the Department of Water Resources said the plant would reopen in the autumn.", "Officials at the Department of Water Resources")]
    [InlineData("A lawyer for Ada Brook said the plant would reopen in the autumn.", "A lawyer for Ada Brook")]
    public void A_description_with_a_phrase_attached_is_the_whole_subject(string sentence, string subject)
    {
        // The head noun speaks, not the organization or person named after "for" or "at".
        var text = "The plant closed in March.\n\n" + sentence;
        var q = QuoteAssert.Single(text);
        Assert.Equal("the plant would reopen in the autumn", q.Text);
        Assert.Equal(subject, q.Speaker?.Mention?.Of(text));
        Assert.NotEqual("Ada Brook", q.Speaker?.Name);
    }

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

    [Fact]
    public void Participle_after_a_direct_quote_keeps_its_speaker()
    {
        const string text = "Priya Raman runs the ferry office.\n\n\"We sold every ticket by noon,\" she said, adding that extra boats would sail on Sunday.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[0], text, "We sold every ticket by noon", QuoteKind.Direct, "Priya Raman", "said", "she");
        QuoteAssert.Is(quotes[1], text, "extra boats would sail on Sunday", QuoteKind.Indirect, "Priya Raman", "adding", "she");
    }

    [Fact]
    public void Gerund_after_by()
    {
        const string text = "Priya Raman opened the hearing by saying the ferry budget had doubled since 2020.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the ferry budget had doubled since 2020", QuoteKind.Indirect, "Priya Raman", "saying", "Priya Raman");
    }

    [Fact]
    public void Poll_shares_as_subjects()
    {
        const string text = "The survey reached 900 commuters. Most said the boats were too crowded, and seven in 10 said they would pay more for a faster crossing.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("the boats were too crowded", quotes[0].Text);
        Assert.Equal("Most", quotes[0].Speaker?.Mention?.Of(text));
        Assert.Equal("said", quotes[0].Cue);
        Assert.Equal("they would pay more for a faster crossing", quotes[1].Text);
        Assert.Equal("seven in 10", quotes[1].Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void Reiterated_is_a_reporting_verb()
    {
        const string text = "Priya Raman reiterated that the ferry would not run on public holidays.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the ferry would not run on public holidays", QuoteKind.Indirect, "Priya Raman", "reiterated");
    }

    [Fact]
    public void Speaker_labels_in_a_headline_and_a_transcript()
    {
        const string text = "Priya Raman: Ferry Fares Will Rise Next Spring\n\nThe ferry director Priya Raman spoke to the radio host on Monday.\n\n"
                            + "HOST: Will the fares go up again?\n\nRAMAN: They will rise by a few percent, and the boats will be new.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[0], text, "Ferry Fares Will Rise Next Spring", QuoteKind.Indirect, "Priya Raman", ":", "Priya Raman");
        QuoteAssert.Is(quotes[1], text, "They will rise by a few percent, and the boats will be new", QuoteKind.Indirect, "Priya Raman", ":", "RAMAN");
    }

    [Fact]
    public void A_transcript_whose_turns_open_with_a_quotation_mark_is_one_quote_per_turn()
    {
        // Every turn reopens the mark and only the last closes it: as marks alone, this is one quotation with no speaker.
        const string text = "Mayor Lena Ortiz defended the transit levy on the radio on Sunday.\n\n"
                            + "\u201cHALE: Will you delay the vote?\n\n"
                            + "\u201cORTIZ: No. We will vote in March as planned.\n\n"
                            + "\u201cHALE: And if the council objects?\n\n"
                            + "\u201cORTIZ: Then they can vote against it, and the buses will wait.\u201d";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(4, quotes.Count);
        Assert.Equal(["HALE", "Lena Ortiz", "HALE", "Lena Ortiz"], quotes.Select(q => q.Speaker?.Name));
        Assert.Equal("No. We will vote in March as planned", quotes[1].Text);
        Assert.Equal("Then they can vote against it, and the buses will wait", quotes[3].Text.TrimEnd('.'));
        Assert.All(quotes, q => Assert.Equal(":", q.Cue));
    }

    [Fact]
    public void The_answers_of_a_question_and_answer_interview_are_the_interviewees()
    {
        const string text = "Harbour Board chair Martin Ellis spoke to the Gazette about the ferry contract.\n\n"
                            + "Q: Why did the board reject the lowest bid?\n\n"
                            + "A: The lowest bid did not include winter service.\n\n"
                            + "Q: Will fares go up?\n\n"
                            + "A: Not this year, and not before the new boats arrive.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(["The lowest bid did not include winter service", "Not this year, and not before the new boats arrive"],
            quotes.Select(q => q.Text.TrimEnd('.')));
        Assert.All(quotes, q => Assert.Equal("Martin Ellis", q.Speaker?.Name));
    }

    [Fact]
    public void One_quoted_paragraph_with_a_label_is_still_a_quotation()
    {
        const string text = "Lena Ortiz spoke after the vote.\n\n\u201cNOTE TO SELF: never promise buses before March,\u201d she said.";
        var q = QuoteAssert.Single(text);
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("Lena Ortiz", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("Priya Raman said the vote showed that residents had been heard.", "the vote showed that residents had been heard")]
    [InlineData("Priya Raman said in a statement released on Monday that the ferry would run.", "the ferry would run")]
    public void A_that_after_the_clauses_own_verb_belongs_to_the_clause(string text, string content)
    {
        var q = QuoteAssert.Single(text);
        Assert.Equal(content, q.Text);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void A_trailing_verb_with_an_infinitive_of_its_own_is_no_attribution()
    {
        Assert.Empty(QuoteAssert.Quotes("Residents were asked to leave their homes, and the police continued to patrol the area."));

        const string text = "The ferry will not run on Sunday, Priya Raman said to reporters.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("The ferry will not run on Sunday", q.Text);
        Assert.Equal("Priya Raman", q.Speaker?.Name);
    }

    [Fact]
    public void A_colon_after_an_ordinary_noun_is_no_speaker_label()
    {
        Assert.Empty(QuoteAssert.Quotes("The timetable: boats leave every hour from the north pier.\n\nTickets are sold on board."));
    }

    [Fact]
    public void Hyphenated_word_in_an_appositive_keeps_the_person()
    {
        const string text = "Priya Raman, a 20-year ferry pilot, said she had never sailed in fog that thick.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "she had never sailed in fog that thick", QuoteKind.Indirect, "Priya Raman", "said", "Priya Raman");
    }

    [Fact]
    public void Pronoun_contraction_is_a_verb()
    {
        const string text = "Another report says he\u2019s not the owner of the ferry line.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("he\u2019s not the owner of the ferry line", q.Text);
        Assert.Equal("Another report", q.Speaker?.Mention?.Of(text));
        Assert.Equal("says", q.Cue);
    }

    [Fact]
    public void Hedged_poll_share_and_a_dash_before_the_participle()
    {
        const string text = "About four in 10 said they would take the bridge instead. Priya Raman changed her plan on the spot \u2013 saying she would take the early boat.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("they would take the bridge instead", quotes[0].Text);
        Assert.Equal("About four in 10", quotes[0].Speaker?.Mention?.Of(text));
        QuoteAssert.Is(quotes[1], text, "she would take the early boat", QuoteKind.Indirect, "Priya Raman", "saying", "Priya Raman");
    }

    [Fact]
    public void According_to_as_an_aside_inside_the_clause()
    {
        const string text = "Ferry traffic, according to the harbor office, has doubled since 2019.";
        var q = QuoteAssert.Single(text);
        Assert.Equal(text.TrimEnd('.'), q.Text);
        Assert.Equal("according to", q.Cue);
        Assert.Equal("the harbor office", q.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void Second_speaker_after_but()
    {
        const string text = "The crew claimed a pay rise in the talks but the operator has said it cannot afford one.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Contains(quotes, q => q.Text == "it cannot afford one" && q.Cue == "said" && q.Speaker?.Mention?.Of(text) == "the operator");
        Assert.DoesNotContain(quotes, q => q.Text.Contains("the operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Trailing_attribution_with_an_addressee()
    {
        const string text = "The night ferry will stop running in May, Priya Raman told the Bergen Gazette this week.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The night ferry will stop running in May", QuoteKind.Indirect, "Priya Raman", "told", "Priya Raman");
    }

    [Fact]
    public void Subject_with_an_age_and_a_home_town()
    {
        const string text = "Ana Ruiz, 29, of Tulsa, said the ferry fares were far too high.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the ferry fares were far too high", QuoteKind.Indirect, "Ana Ruiz", "said", "Ana Ruiz");
    }

    [Fact]
    public void Plural_subject_with_an_of_phrase()
    {
        const string text = "Several critics of the plan said the fares would double by spring.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("the fares would double by spring", q.Text);
        Assert.Equal("Several critics of the plan", q.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void Plain_present_after_a_pronoun_and_out_of_shares()
    {
        const string text = "Nearly nine out of 10 say they use the ferry every week.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("they use the ferry every week", q.Text);
        Assert.Equal("Nearly nine out of 10", q.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void Inverted_attribution_with_a_descriptive_appositive()
    {
        const string text = "That would hurt the island badly, said Tom Reeve, a ferry pilot and union member.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "That would hurt the island badly", QuoteKind.Indirect, "Tom Reeve", "said", "Tom Reeve");
    }

    [Theory]
    [InlineData("vowed", "to appeal the ruling next week")]
    [InlineData("promised", "to appeal the ruling next week")]
    [InlineData("threatened", "to appeal the ruling next week")]
    public void Promise_with_an_infinitive(string verb, string content)
    {
        var text = $"Union leader Tom Reeve {verb} to appeal the ruling next week.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, content, QuoteKind.Indirect, "Tom Reeve", verb);
    }

    [Fact]
    public void Request_with_an_object_and_an_infinitive()
    {
        const string text = "Priya Raman urged the council to delay the vote on fares.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the council to delay the vote on fares", QuoteKind.Indirect, "Priya Raman", "urged");
        Assert.Empty(QuoteAssert.Quotes("Priya Raman asked for a refund at the ticket office."));
    }

    [Fact]
    public void Question_put_to_the_speaker()
    {
        const string text = "Priya Raman runs the ferry office. When asked by a local reporter about the new winter fares, Raman shrugged.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("about the new winter fares", q.Text);
        Assert.Equal("asked", q.Cue);
        Assert.Equal("a local reporter", q.Speaker?.Mention?.Of(text));

        const string unnamed = "\"We have no choice,\" Priya Raman said when asked why the night line would close.";
        var quotes = QuoteAssert.Quotes(unnamed);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("why the night line would close", quotes[1].Text);
        Assert.Null(quotes[1].Speaker);
    }

    [Fact]
    public void Called_with_a_word_in_marks_is_mixed()
    {
        const string text = "Tom Reeve called the plan \u201creckless.\u201d";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the plan \u201creckless.\u201d", QuoteKind.Mixed, "Tom Reeve", "called", "Tom Reeve");
    }

    [Fact]
    public void State_abbreviation_inside_an_appositive()
    {
        const string text = "Ana Ruiz, 29, of Tulsa, Okla., says her biggest worry is the price of the ferry.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "her biggest worry is the price of the ferry", QuoteKind.Indirect, "Ana Ruiz", "says", "Ana Ruiz");
    }

    [Fact]
    public void Aside_attribution_with_a_word_in_marks_after_it()
    {
        const string text = "In 2019, Priya Raman said, the harbor fund became a \u201cmain sponsor\u201d of the ferry line.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "In 2019, Priya Raman said, the harbor fund became a \u201cmain sponsor\u201d of the ferry line",
            QuoteKind.Mixed, "Priya Raman", "said", "Priya Raman");
    }

    [Fact]
    public void Aside_attribution_before_a_verb_whose_object_is_a_document_noun()
    {
        // "report" after the aside is the object of "are", not the role of an appositive (", she said, head of …").
        const string text = "Ana Ruiz runs the harbour shelter.\n\nThe weekly counts, she said, are the only report the council reads.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The weekly counts, she said, are the only report the council reads", QuoteKind.Indirect, "Ana Ruiz", "said");
    }

    [Fact]
    public void Trailing_attribution_with_a_channel_and_a_conjoined_clause_after_it()
    {
        const string text = "The harbour ferry will keep running this winter.\n\n"
                            + "The ferry line lost money for a third year, the port board said in a June report, and the city paid its debts in full.";
        var q = QuoteAssert.Single(text);
        Assert.Equal(
            "The ferry line lost money for a third year, the port board said in a June report, and the city paid its debts in full", q.Text);
        Assert.Equal("port board", q.Speaker?.Mention?.Of(text));
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Trailing_attribution_with_a_channel_and_a_noun_phrase_after_it_is_not_widened()
    {
        // A list item after the channel ("…, and its budget") has no verb of its own: no clause to widen to.
        const string text = "The harbour ferry will keep running this winter.\n\n"
                            + "The ferry line lost money for a third year, the port board said in its June report, and its budget.";
        Assert.DoesNotContain(QuoteAssert.Quotes(text), q => q.Text.Contains("and its budget", StringComparison.Ordinal));
    }
}
