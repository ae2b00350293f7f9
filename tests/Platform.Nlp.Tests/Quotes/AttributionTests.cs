using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

public class AttributionTests
{
    [Fact]
    public void She_resolves_by_first_name_gender_over_a_more_recent_man()
    {
        const string text = "Anna Kowalski met Peter Brandt on Monday. She said the meeting had been productive.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the meeting had been productive", QuoteKind.Indirect, "Anna Kowalski", "said", "She");
    }

    [Fact]
    public void A_pronoun_already_resolved_to_a_person_gives_her_gender_when_her_name_does_not()
    {
        // Neither first name is in the name lists: the first "she" can only be Marsh, and the "he" at the end then
        // looks past Marsh, the most recent subject, to Dranek.
        const string text = "Quelby Marsh chairs the harbour council. “The plan is ready,” she said on Monday.\n\n"
                            + "Ysolt Dranek voted against it. Marsh said the vote had been close.\n\n"
                            + "“We cannot afford it,” he said.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal("Quelby Marsh", quotes.Single(q => q.Text == "The plan is ready").Speaker?.Name);
        Assert.Equal("Ysolt Dranek", quotes.Single(q => q.Text == "We cannot afford it").Speaker?.Name);
    }

    [Theory]
    [InlineData("Quelby Marsh's lawyer said the ruling would be appealed.", "Quelby Marsh's lawyer")]
    [InlineData("Quelby Marsh\u2019s family said the ruling would be appealed.", "Quelby Marsh\u2019s family")]
    [InlineData("The ruling would be appealed, said Marsh's lawyer.", "Marsh's lawyer")]
    public void A_name_in_the_possessive_is_not_the_speaker(string sentence, string mention)
    {
        // The possessor names whose lawyer or family speaks; nobody else introduced as a lawyer: the phrase stays.
        var text = "Quelby Marsh lost her case on Monday.\n\n" + sentence;
        var q = QuoteAssert.Single(text);
        Assert.Equal("the ruling would be appealed", q.Text, ignoreCase: true);
        Assert.Equal(mention, q.Speaker?.Mention?.Of(text));
        Assert.NotEqual("Quelby Marsh", q.Speaker?.Name);
        Assert.Null(q.Speaker?.EntityId);
    }

    [Fact]
    public void A_possessed_role_resolves_to_the_person_introduced_in_it()
    {
        const string text = "Ysolt Dranek, a lawyer for Quelby Marsh, filed the appeal on Monday.\n\n"
                            + "Marsh's lawyer said the ruling ignored the evidence.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the ruling ignored the evidence");
        Assert.Equal("Ysolt Dranek", q.Speaker?.Name);
    }

    [Fact]
    public void A_candidates_campaign_speaks_for_the_candidate()
    {
        const string text = "Quelby Marsh is running for mayor against Ysolt Dranek, the other candidate.\n\n"
                            + "Marsh's campaign said the debate would go ahead.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the debate would go ahead");
        Assert.Equal("Quelby Marsh", q.Speaker?.Name);
    }

    [Fact]
    public void The_source_named_by_according_to_is_the_one_a_following_pronoun_refers_to()
    {
        // Both are women; Dranek is the subject of the earlier sentence, Marsh the source of the last one.
        const string text = "Ysolt Dranek chairs the harbour council. Quelby Marsh sits on it.\n\n"
                            + "According to Marsh, the audit will take a year. She called the delay a stalling tactic.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Cue == "called");
        Assert.Equal("Quelby Marsh", q.Speaker?.Name);
    }

    [Fact]
    public void The_statement_speaks_for_whoever_was_just_quoted_issuing_it()
    {
        const string text = "Workers at the Eastside Water Authority walked out on Thursday.\n\n"
                            + "The Eastside Water Authority said in a statement that it had offered a raise. "
                            + "\u201cWe have bargained in good faith,\u201d the statement said.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "We have bargained in good faith");
        Assert.Equal("Eastside Water Authority", q.Speaker?.Name);
        Assert.Equal("the statement", q.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void The_report_speaks_for_the_organization_that_published_it()
    {
        const string text = "The Harbour Institute published a report on Monday about ferry safety.\n\n"
                            + "The report said that three of the five ferries had not been inspected since 2021. "
                            + "\u201cInspections were skipped to save money,\u201d the report said.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Harbour Institute", q.Speaker?.Name));
        Assert.Equal("the report", quotes[1].Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void She_resolves_by_surname_ending()
    {
        const string text = "Peter Brandt greeted Dariya Lebedeva at the airport.\n\nLater, she said that the trip had been long.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the trip had been long", QuoteKind.Indirect, "Dariya Lebedeva", "said", "she");
    }

    [Fact]
    public void Short_name_resolves_to_the_full_name()
    {
        const string text = "The analyst Mark Doyle spoke first.\n\n\"The currency is undervalued,\" Doyle said.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The currency is undervalued", QuoteKind.Direct, "Mark Doyle", "said", "Doyle");
    }

    [Fact]
    public void Description_resolves_to_the_earlier_person_with_that_role()
    {
        const string text = "Political analyst Vera Holm has studied the region for years.\n\n"
                            + "\"The elections will change nothing,\" the expert said.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The elections will change nothing", QuoteKind.Direct, "Vera Holm", "said", "the expert");
    }

    [Fact]
    public void A_description_is_not_resolved_to_a_person_introduced_as_something_else()
    {
        const string text = "Council member Ada Brook voted against the budget and said the cuts would hurt the library.\n\n"
                            + "In a letter to residents, the city manager wrote that property taxes would not rise.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal("Ada Brook", quotes.Single(q => q.Text == "the cuts would hurt the library").Speaker?.Name);
        var manager = quotes.Single(q => q.Text == "property taxes would not rise");
        Assert.Equal("the city manager", manager.Speaker?.Name);
        Assert.Null(manager.Speaker?.EntityId);
    }

    [Fact]
    public void The_ministry_is_its_minister_and_not_any_official_quoted_before()
    {
        const string text = "Health Minister Daniel Osei announced the plan on Monday.\n\n"
                            + "Union president Grace Lindqvist said the plan did not go far enough.\n\n"
                            + "According to the ministry, the plan will cost 85 million euros a year.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal("Daniel Osei", quotes.Single(q => q.Text.StartsWith("the plan will cost", StringComparison.Ordinal)).Speaker?.Name);

        const string withoutMinister = "Union president Grace Lindqvist said the plan did not go far enough.\n\n"
                                       + "According to the ministry, the plan will cost 85 million euros a year.";
        var cost = QuoteAssert.Quotes(withoutMinister).Single(q => q.Text.StartsWith("the plan will cost", StringComparison.Ordinal));
        Assert.NotEqual("Grace Lindqvist", cost.Speaker?.Name);
    }

    [Fact]
    public void Description_through_an_organization()
    {
        const string text = "Foreign minister Karl Weber met the press.\n\n"
                            + "The head of the Foreign Ministry also added that the embassy would stay open.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the embassy would stay open", QuoteKind.Indirect, "Karl Weber", "added",
            "The head of the Foreign Ministry");
    }

    [Theory]
    [InlineData("The Riverside Tenants Union held a vote on Sunday.", "the union", "Riverside Tenants Union")]
    [InlineData("Members of the Carpenters Union Local 27 met in the hall.", "the union", "Carpenters Union Local 27")]
    [InlineData("The Harbour Board met on Monday. Later the Green Party criticised it.", "the board", "Harbour Board")]
    [InlineData("The Ministry of Water Resources published the figures.", "the ministry", "Ministry of Water Resources")]
    public void A_description_by_an_organization_noun_resolves_to_the_organization_named_with_it(
        string before, string description, string organization)
    {
        var text = before + "\n\n" + char.ToUpperInvariant(description[0]) + description[1..] + " said the strike would go ahead.";
        var q = QuoteAssert.Single(text);
        Assert.Equal(organization, q.Speaker?.Name);
        Assert.NotNull(q.Speaker?.EntityId);
    }

    [Fact]
    public void An_organization_noun_with_no_such_organization_named_stays_the_phrase()
    {
        // The only organization in the text is not a union: taking it would attribute the words to the wrong body.
        const string text = "Norvik Shipping cancelled three sailings.\n\nThe union said the strike would go ahead.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("The union", q.Speaker?.Name);
        Assert.Null(q.Speaker?.EntityId);
    }

    [Fact]
    public void A_person_described_through_an_organization_noun_is_not_the_organization()
    {
        const string text = "Union leader Maria Santos spoke to the crews.\n\nThe head of the union said the strike would go ahead.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("Maria Santos", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("Article continues below")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Read more: Ferry Fares Rise Again\n\nRelated: Port Strike Ends")]
    public void A_quote_paragraph_keeps_its_speaker_across_page_furniture(string furniture)
    {
        var text = "\"The ferries will run on time,\" harbour master Ines Varga said.\n\n" + furniture
                   + "\n\n\"We have added two crews for the winter.\"";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Ines Varga", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void A_quote_paragraph_after_a_paragraph_of_narrative_does_not_inherit_a_speaker()
    {
        const string text = "\"The ferries will run on time,\" harbour master Ines Varga said.\n\n"
                            + "Passengers waited for two hours on the pier while the wind rose over the bay.\n\n"
                            + "\"We have added two crews for the winter.\"";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Null(quotes[1].Speaker);
    }

    [Fact]
    public void Organization_as_speaker()
    {
        const string text = "The Kremlin said the talks would continue next week.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the talks would continue next week", QuoteKind.Indirect, "Kremlin", "said", "Kremlin");
    }

    [Fact]
    public void Capital_city_speaking_for_its_state()
    {
        const string text = "Russia and Japan held talks. Moscow has repeatedly said that the sanctions are illegal.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "the sanctions are illegal", QuoteKind.Indirect, "Russia", "said", "Moscow");
    }

    [Fact]
    public void Channel_from_a_platform()
    {
        const string text = "\"We won the vote tonight,\" wrote senator John Reed on his Twitter page.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "We won the vote tonight", QuoteKind.Direct, "John Reed", "wrote", "John Reed", "Twitter");
    }

    [Fact]
    public void Channel_from_an_interview()
    {
        const string text = "The economist Ivan Sorokin said in an interview with RT that prices would fall.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "prices would fall", QuoteKind.Indirect, "Ivan Sorokin", "said", "Ivan Sorokin", "RT");
    }

    [Fact]
    public void News_agency_that_relays_is_the_channel_not_the_speaker()
    {
        const string text = "Pavel Orlov runs the tractor plant.\n\n“The plant will be finished by 2030, ”Interfax quotes the director’s words.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The plant will be finished by 2030", QuoteKind.Direct, "Pavel Orlov", "quotes", "the director",
            "Interfax");
    }

    [Fact]
    public void Speaker_who_cites_an_agency()
    {
        const string text = "Pavel Orlov runs the tractor plant.\n\n\"Demand is growing every month,\" Orlov told Reuters.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Demand is growing every month", QuoteKind.Direct, "Pavel Orlov", "told", "Orlov", "Reuters");
    }

    [Fact]
    public void Quote_paragraph_takes_the_speaker_of_the_quote_before_it()
    {
        const string text = "\"We will rebuild the school,\" said teacher Ana Costa.\n\n\"The children deserve nothing less.\"";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal(2, quotes.Count);
        QuoteAssert.Is(quotes[1], text, "The children deserve nothing less.", QuoteKind.Direct, "Ana Costa", "said");
    }

    [Fact]
    public void Name_after_a_dash_signs_the_quote()
    {
        const string text = "“The new bus line changed my mornings completely.” ― Lucy Grant";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "The new bus line changed my mornings completely.", QuoteKind.Direct, "Lucy Grant", null, "Lucy Grant");
    }

    [Fact]
    public void Parenthesis_between_speaker_and_cue()
    {
        const string text = "\"We need the funding this year,\" Sen. Vera Holm (D-Ore.) said.";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "We need the funding this year", QuoteKind.Direct, "Vera Holm", "said", "Vera Holm");
    }

    [Fact]
    public void Speaker_named_before_a_colon_without_a_verb()
    {
        const string text = "Pollster Mark Doyle on the result:\n\n“Turnout decided this race, not the candidates.”";
        var q = QuoteAssert.Single(text);
        QuoteAssert.Is(q, text, "Turnout decided this race, not the candidates.", QuoteKind.Direct, "Mark Doyle", null, "Mark Doyle");
    }

    // Two women, one introduced with each role; the mayor speaks through a description, then through "she".
    private const string TwoWomen =
        "Mayor Anna Lund and council member Berit Dahl clashed over the library budget on Tuesday.\n\n"
        + "Lund wants to close two branches. Dahl, who chairs the culture committee, opposes any closure.\n\n"
        + "The mayor said the savings would pay for longer opening hours at the main library. "
        + "\"People want one good library, not three empty ones,\" she added.";

    [Fact]
    public void A_role_before_a_conjunction_belongs_to_the_first_person_named()
    {
        // "Mayor" describes Anna Lund, not Berit Dahl, although both names follow it in one phrase.
        var q = QuoteAssert.Quotes(TwoWomen).Single(q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("the savings would pay for longer opening hours at the main library", q.Text);
        Assert.Equal("Anna Lund", q.Speaker?.Name);
    }

    [Fact]
    public void A_pronoun_after_a_description_in_the_same_paragraph_is_the_person_it_described()
    {
        // The last name before "she" is Dahl, two sentences back; the mayor, just quoted, is the more recent mention.
        var q = QuoteAssert.Quotes(TwoWomen).Single(q => q.Kind == QuoteKind.Direct);
        QuoteAssert.Is(q, TwoWomen, "People want one good library, not three empty ones", QuoteKind.Direct, "Anna Lund", "added");
    }

    [Fact]
    public void A_pronoun_after_a_description_goes_to_a_fitting_person_named_in_between()
    {
        const string text = "Mayor Anna Lund and council member Berit Dahl clashed over the library budget on Tuesday.\n\n"
                            + "The mayor said the savings would pay for longer opening hours. Berit Dahl disagreed. "
                            + "\"Closing branches is the last thing this city needs,\" she said.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Berit Dahl", q.Speaker?.Name);
    }

    [Fact]
    public void The_city_speaks_for_the_place_named_before_it_and_a_city_body_does_not()
    {
        const string text = "Ferry workers in Bergen, Norway, walked out on Friday.\n\n"
                            + "The city said it would not intervene. The city council said the pier had become unsafe.";
        var quotes = QuoteAssert.Quotes(text);
        // The country named last is not the city; the council is a body of its own, not the place.
        Assert.Equal("Bergen", quotes.Single(q => q.Text == "it would not intervene").Speaker?.Name);
        Assert.NotEqual("Bergen", quotes.Single(q => q.Text == "the pier had become unsafe").Speaker?.Name);
    }

    [Fact]
    public void The_union_speaks_for_the_numbered_local_named_before_it()
    {
        const string text = "Terminal staff voted to strike on Friday.\n\n"
                            + "GWU Local 88 represents about 400 glaziers. The union said the owners had refused to discuss night pay.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("GWU Local 88", q.Speaker?.Name);
    }

    [Fact]
    public void Her_campaign_speaks_for_the_woman_her_refers_to_not_the_last_person_quoted()
    {
        const string text = "Senator Maria Olsen collapsed at a rally on Sunday, and Governor Erik Holm cancelled his own event.\n\n"
                            + "\"The governor is praying for her,\" said Holm's aide, Lars Berg.\n\n"
                            + "Olsen was taken to hospital; her campaign later said she had a mild infection.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("she had a mild infection", q.Text);
        Assert.Equal("Maria Olsen", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("coach Tomas Vrba praised the defence.", "The coach")]
    [InlineData("Tomas Vrba, the 41-year-old coach signed from Ostrava, praised the defence.", "The coach")]
    [InlineData("Tomas Vrba, who has worked as a scout for the club since 2009, praised the defence.", "The scout")]
    public void A_definite_description_goes_to_the_person_introduced_with_that_noun(string introduction, string description)
    {
        // Neither noun is in the speaker-noun list; the later captain is introduced with another noun.
        var text = "Riverton beat Dunmore 2-1 on Saturday, and " + introduction + "\n\n"
                   + "Captain Pavel Hruby scored the winner.\n\n"
                   + description + " said the team had been lucky in the first half.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the team had been lucky in the first half");
        Assert.Equal("Tomas Vrba", q.Speaker?.Name);
        Assert.Equal(description, q.Speaker?.Mention?.Of(text));
    }

    [Fact]
    public void A_description_from_a_clause_after_a_name_is_no_introduction()
    {
        // ", the poll found" after a name is an attribution, not an appositive: the poll is not Vrba.
        const string text = "Most voters still trust Tomas Vrba, the poll found.\n\n"
                            + "The poll said turnout would be low.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "turnout would be low");
        Assert.NotEqual("Tomas Vrba", q.Speaker?.Name);
    }

    [Fact]
    public void The_department_speaks_for_the_organization_whose_name_carries_the_noun()
    {
        // A later organization is named, but only one carries "department".
        const string text = "The Department for Water and Land Management lost its case against the Coastal Rivers Alliance on Monday.\n\n"
                            + "The department said it respected the court's decision.";
        var q = QuoteAssert.Single(text);
        Assert.Equal("Department for Water and Land Management", q.Speaker?.Name);
    }

    [Fact]
    public void The_hospital_is_the_organization_whose_name_says_so_not_the_latest_one()
    {
        // The ministry is named last, but "Medical Centre" is what a hospital's name carries.
        const string text = "Ambulances queued outside Eastmoor Regional Medical Centre on Friday, days after the Ministry of Health "
                            + "promised more beds.\n\n"
                            + "The hospital said it had opened a second triage room.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "it had opened a second triage room");
        Assert.Equal("Eastmoor Regional Medical Centre", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("Shoppers lined up at the retailer Halvorsen & Pike on Saturday as the Corby Council met.")]
    [InlineData("Halvorsen & Pike, the 90-year-old retailer, will close 14 stores, the Corby Council said.")]
    public void The_retailer_is_the_organization_the_text_introduced_as_one(string introduction)
    {
        var text = introduction + "\n\nThe retailer said the closures would affect about 300 workers.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the closures would affect about 300 workers");
        Assert.Equal("Halvorsen & Pike", q.Speaker?.Name);
    }

    [Fact]
    public void A_kind_of_organization_the_story_never_named_stays_as_written()
    {
        // No organization here is a bank: "the bank" is not the latest organization named.
        const string text = "The Corby Council approved the loan on Monday.\n\n"
                            + "The bank said the terms had been agreed in March.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the terms had been agreed in March");
        Assert.Equal("The bank", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("Dr Harriet Quinlan, who runs the emergency department, met the minister on Monday.", "the doctor", "Harriet Quinlan")]
    [InlineData("Dr. Harriet Quinlan met the minister on Monday.", "the doctor", "Harriet Quinlan")]
    [InlineData("Mrs Justice Philippa Merrow adjourned the trial on Monday. Mr Danvers left the court.", "the judge", "Philippa Merrow")]
    public void A_formal_or_abbreviated_title_introduces_its_noun(string introduction, string description, string speaker)
    {
        var text = introduction + "\n\nLater, " + description + " said the delays were unacceptable.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the delays were unacceptable");
        Assert.Equal(speaker, q.Speaker?.Name);
    }

    [Fact]
    public void A_role_quoted_before_the_person_is_named_is_that_person()
    {
        const string text = "Flood crests in Harlow\n\n"
                            + "The city\u2019s police chief said Saturday night that officers had knocked on more than 600 doors.\n\n"
                            + "Volunteers filled sandbags through the night.\n\n"
                            + "Police Chief Loretta Vance said two men were pulled from a basement.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text.StartsWith("officers had knocked", StringComparison.Ordinal));
        Assert.Equal("Loretta Vance", q.Speaker?.Name);
    }

    [Fact]
    public void The_reporter_of_the_byline_is_nobodys_description()
    {
        // "By Rhiannon Tate" names the reporter; the chief executive is someone the story has not named.
        const string text = "Hospice chief gives evidence\n\n"
                            + "By Rhiannon Tate, Ashcombe Evening Post\n\n"
                            + "The chief executive of a children\u2019s hospice told a jury on Tuesday that he had become suspicious of the treasurer.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text.StartsWith("he had become suspicious", StringComparison.Ordinal));
        Assert.NotEqual("Rhiannon Tate", q.Speaker?.Name);
    }

    [Fact]
    public void The_union_is_a_workers_association_when_no_name_says_union()
    {
        const string text = "The Eastern Districts Nurses Association wrote to the hospital's board twice this year about staffing.\n\n"
                            + "The union said it had not received a reply.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "it had not received a reply");
        Assert.Equal("Eastern Districts Nurses Association", q.Speaker?.Name);
    }

    [Fact]
    public void An_unnamed_spokesperson_speaks_for_the_company_and_asking_for_anonymity_reports_nothing()
    {
        // The regulator is the latest organization, but "the company" is Pellucid; "asked not to be named" is no cue,
        // and "the spokesperson" later is the same spokesperson.
        const string text = "Pellucid Systems disclosed the breach on Monday after the Leeds Data Office opened an inquiry.\n\n"
                            + "A spokesperson for the company, who asked not to be named, said the delay was caused by the time needed to check the files.\n\n"
                            + "The spokesperson said the company had hired outside investigators.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.DoesNotContain(quotes, q => q.Cue == "asked");
        Assert.Equal("Pellucid Systems", quotes.Single(q => q.Text.StartsWith("the delay was caused", StringComparison.Ordinal)).Speaker?.Name);
        Assert.Equal("Pellucid Systems", quotes.Single(q => q.Text == "the company had hired outside investigators").Speaker?.Name);
    }

    [Fact]
    public void The_food_maker_is_the_company_and_its_home_state_no_speaker()
    {
        // "Ohio-based" is a name inside a modifier; the regulator named in between is no maker.
        const string text = "Merriman Foods will close its Glenwater plant, the Wisconsin Jobs Commission said.\n\n"
                            + "The closure will cost 340 jobs, the Ohio-based food maker said Tuesday.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "The closure will cost 340 jobs");
        Assert.Equal("Merriman Foods", q.Speaker?.Name);
    }

    [Fact]
    public void Another_resident_is_not_the_resident_quoted_before()
    {
        const string text = "Margaret Ellery, a resident of Mill Lane, said she heard a bang and ran outside.\n\n"
                            + "Another resident said the junction had been dangerous for years.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the junction had been dangerous for years");
        Assert.NotEqual("Margaret Ellery", q.Speaker?.Name);
    }

    [Fact]
    public void A_department_spokesman_speaks_for_the_department_not_the_latest_organization()
    {
        const string text = "The Department for Water and Land Management lost its case against the Coastal Rivers Alliance on Monday.\n\n"
                            + "A department spokesman said the existing permit remained in force.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the existing permit remained in force");
        Assert.Equal("Department for Water and Land Management", q.Speaker?.Name);
    }

    [Fact]
    public void A_platform_named_as_the_channel_is_neither_the_cue_nor_the_speaker()
    {
        const string text = "Storm damage in Marlow\n\n"
                            + "The Marlow Water Agency said in a Facebook post that the river had dropped overnight.\n\n"
                            + "In a Facebook post on Tuesday, the agency said the bridge would reopen next week.";
        var quotes = QuoteAssert.Quotes(text);
        var first = quotes.Single(q => q.Text == "the river had dropped overnight");
        Assert.Equal("said", first.Cue);
        Assert.Equal("Marlow Water Agency", first.Speaker?.Name);
        var second = quotes.Single(q => q.Text == "the bridge would reopen next week");
        Assert.Equal("said", second.Cue);
        Assert.Equal("Marlow Water Agency", second.Speaker?.Name);
    }

    [Fact]
    public void She_in_a_quote_paragraph_is_the_described_speaker_of_the_paragraph_before()
    {
        // Beck is the last woman named; the minister (Ferreira) spoke last, in the paragraph before.
        const string text = "Health Minister Alicia Ferreira announced the plan on Monday.\n\n"
                            + "Opposition critic Joanne Beck said the money would not reach rural clinics.\n\n"
                            + "Asked about the timing, the minister said the plan had been ready since spring.\n\n"
                            + "\u201cCaring about rural patients is not a campaign trick,\u201d she said.";
        var q = QuoteAssert.Quotes(text).Single(q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Alicia Ferreira", q.Speaker?.Name);
    }

    [Theory]
    [InlineData("Police said the driver fled on foot.")]
    [InlineData("The police said the driver fled on foot.")]
    public void Police_speak_for_the_force_the_story_named(string sentence)
    {
        var text = "Detective Inspector Sunil Varro of the Ardwick Police Service leads the inquiry.\n\n" + sentence;
        var q = QuoteAssert.Quotes(text).Single(q => q.Text == "the driver fled on foot");
        Assert.Equal("Ardwick Police Service", q.Speaker?.Name);
    }

    [Fact]
    public void A_description_goes_to_the_organization_its_noun_heads_not_one_that_merely_contains_it()
    {
        // "institute" heads "Public Policy Institute of California"; "river" is only a word of "Coastal Rivers Alliance".
        const string text = "The Public Policy Institute of California polled 1,700 voters. The Coastal Rivers Alliance criticised the poll.\n\n"
                            + "The institute said turnout would be high. Farmers along the river said they feared new limits.";
        var quotes = QuoteAssert.Quotes(text);
        Assert.Equal("Public Policy Institute of California", quotes.Single(q => q.Text == "turnout would be high").Speaker?.Name);
        Assert.NotEqual("Coastal Rivers Alliance", quotes.Single(q => q.Text == "they feared new limits").Speaker?.Name);
    }
}
