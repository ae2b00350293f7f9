using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Entities.Rules;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tests;

public class RuleTests
{
    private static List<string> Find(string text, Action<Document, List<EntitySpan>> rule)
    {
        var found = new List<EntitySpan>();
        rule(Document.Parse(text), found);
        return found.ConvertAll(s => s.Span.Of(text));
    }

    [Theory]
    [InlineData("The ferry sailed on February 28, late at night.", "February 28")]
    [InlineData("Prices rose in December 2018 across the region.", "December 2018")]
    [InlineData("By mid-2013 the bridge was finished.", "mid-2013")]
    [InlineData("The plan leaked a month ago, officials admit.", "a month ago")]
    [InlineData("The day before the vote, the mayor resigned.", "The day before")]
    [InlineData("Output has fallen over the past few months.", "the past few months")]
    [InlineData("She arrived on 3 March 2021 with her team.", "3 March 2021")]
    [InlineData("In mid-March the port reopened.", "mid-March")]
    [InlineData("The dam will be finished in 2027.", "2027")]
    public void Dates_are_found_with_exact_spans(string text, string expected)
        => Assert.Equal([expected], Find(text, DateRule.Find));

    [Theory]
    [InlineData("May I ask a question?")]
    [InlineData("The troops march north.")]
    [InlineData("He sold 2000 apples.")]
    public void Non_dates_are_left_alone(string text) => Assert.Empty(Find(text, DateRule.Find));

    [Theory]
    [InlineData("The city owes more than $ 700 billion to its lenders.", "more than $ 700 billion")]
    [InlineData("Trade reached $11 bn last year.", "$11 bn")]
    [InlineData("The loan was 100 million rubles in total.", "100 million rubles")]
    [InlineData("Banks froze billions of Kenyan shillings and billions of Venezuelan dollars.", "billions of Venezuelan dollars")]
    [InlineData("A ticket costs €5 now.", "€5")]
    public void Money_amounts_are_found_with_exact_spans(string text, string expected)
        => Assert.Equal([expected], Find(text, MoneyRule.Find));

    [Fact]
    public void Nationality_mentions_become_norp_and_compounds_split()
    {
        var lexicon = new Lexicon();
        lexicon.AddPhrase("Portuguese", PhraseList.Nationality);
        lexicon.AddPhrase("Kenyan", PhraseList.Nationality);
        lexicon.Freeze();
        const string text = "The Portuguese envoy praised Portuguese-Kenyan ties and the anti-Kenyan Oscars.";
        var document = Document.Parse(text);
        var spans = new List<EntitySpan>
        {
            new(Span(text, "Portuguese"), EntityType.Misc),
            new(Span(text, "Portuguese-Kenyan"), EntityType.Misc),
            new(Span(text, "Oscars"), EntityType.Misc),
        };

        NorpRule.Apply(document, lexicon, spans);

        Assert.Equal(
            [("Portuguese", EntityType.Norp), ("Portuguese", EntityType.Norp), ("Kenyan", EntityType.Norp), ("Kenyan", EntityType.Norp), ("Oscars", EntityType.Misc)],
            spans.Select(s => (s.Span.Of(text), s.Type)));
    }

    [Fact]
    public void Organizations_absorb_their_place_but_stay_apart_from_another_organization()
    {
        var lexicon = new Lexicon();
        lexicon.Freeze();
        const string text = "The Chamber of Deputies of the Narnia Parliament met the Ministry of Fisheries of Tonga.";
        var spans = new List<EntitySpan>
        {
            new(Span(text, "Chamber of Deputies"), EntityType.Org),
            new(Span(text, "Narnia"), EntityType.Loc),
            new(Span(text, "Parliament"), EntityType.Org),
            new(Span(text, "Ministry of Fisheries"), EntityType.Org),
            new(Span(text, "Tonga"), EntityType.Loc),
        };

        NewsConventions.Apply(Document.Parse(text), lexicon, spans);

        Assert.Equal(
            [("Chamber of Deputies", EntityType.Org), ("Narnia Parliament", EntityType.Org), ("Ministry of Fisheries of Tonga", EntityType.Org)],
            spans.Select(s => (s.Span.Of(text), s.Type)));
    }

    [Theory]
    [InlineData("MIDWAY ATOLL — President Obama toured the reef.", "MIDWAY ATOLL", EntityType.Loc)]
    [InlineData("Storm news\nKESSGATE (Northgate News) — The author won the prize.", "KESSGATE", EntityType.Loc)]
    [InlineData("OAKMERE, Ont. – The council met on Monday.", "OAKMERE", EntityType.Loc)]
    [InlineData("LINDQVIST TALKS - TEAMS AGREE DEAL", "LINDQVIST", EntityType.Person)]
    [InlineData("The striker MIDWAY ATOLL - scored twice.", "MIDWAY ATOLL", EntityType.Person)]
    public void A_person_in_a_capital_dateline_is_the_place(string text, string part, EntityType expected)
    {
        // A headline in capitals and a name inside a sentence are not datelines.
        var spans = Conventions(text, Places(), (part, EntityType.Person));
        Assert.Equal((part, expected), spans.Single(s => s.Item1 == part));
    }

    private static List<(string, EntityType)> Conventions(string text, Lexicon lexicon, params (string Part, EntityType Type)[] model)
    {
        var spans = model.Select(m => new EntitySpan(Span(text, m.Part), m.Type)).OrderBy(s => s.Span.Start).ToList();
        NewsConventions.Apply(Document.Parse(text), lexicon, spans);
        return spans.ConvertAll(s => (s.Span.Of(text), s.Type));
    }

    private static Lexicon Places(params string[] countries)
    {
        var lexicon = new Lexicon();
        foreach (var country in countries)
        {
            lexicon.AddPhrase(country, PhraseList.Country);
        }

        lexicon.AddWord("Marta", WordLists.FemaleFirstName);
        lexicon.AddPhrase("Narnian", PhraseList.Nationality);
        lexicon.Freeze();
        return lexicon;
    }

    [Theory]
    [InlineData("“We are ready,” said Dragunov. Pavel Dragunov later left.")]
    [InlineData("Dragunov said they were ready. Pavel Dragunov later left.")]
    public void A_named_persons_surname_next_to_a_speech_verb_is_the_person(string text)
        => Assert.Equal(
            [("Dragunov", EntityType.Person), ("Pavel Dragunov", EntityType.Person)],
            Conventions(text, Places(), ("Dragunov", EntityType.Misc), ("Pavel Dragunov", EntityType.Person)));

    [Fact]
    public void The_same_surname_away_from_speech_verbs_keeps_its_type()
        => Assert.Equal(
            [("Dragunov", EntityType.Misc), ("Pavel Dragunov", EntityType.Person)],
            Conventions("Dragunov rifles were sold. Pavel Dragunov later left.", Places(), ("Dragunov", EntityType.Misc), ("Pavel Dragunov", EntityType.Person)));

    [Theory]
    [InlineData("Ms Quill said so in an interview with Kestrel TV on Sunday.", "Kestrel TV")]
    [InlineData("The mayor, in a conversation with the newspaper Harbor Ledger, denied it.", "Harbor Ledger")]
    [InlineData("The envoy told ZBC that talks would resume.", "ZBC")]
    public void Objects_of_channel_phrases_are_media_organizations(string text, string name)
        => Assert.Equal([(name, EntityType.Org)], Conventions(text, Places()));

    [Fact]
    public void A_channel_object_taken_for_a_person_but_named_like_a_station_is_an_organization()
        => Assert.Equal(
            [("Radio Tarn", EntityType.Org)],
            Conventions("“It is late,” she said in an interview with Radio Tarn.", Places(), ("Radio Tarn", EntityType.Person)));

    [Fact]
    public void Channel_objects_that_are_people_places_or_groups_stay_as_they_are()
    {
        var lexicon = Places("Tonga");
        Assert.Empty(Conventions("The coach told Marta that she would start.", lexicon));
        Assert.Equal([("Tonga", EntityType.Loc)], Conventions("The envoy told Tonga that aid was coming.", lexicon, ("Tonga", EntityType.Loc)));
        Assert.Equal(
            [("Ivo Brandt", EntityType.Person)],
            Conventions("She said so in an interview with Ivo Brandt last week.", lexicon, ("Ivo Brandt", EntityType.Person)));
        Assert.Empty(Conventions("The senator told Narnians to be patient.", lexicon));
        Assert.Empty(Conventions("Voters Told A Reporter Why.", lexicon));
    }

    [Fact]
    public void The_body_a_named_leader_runs_is_an_organization_unless_a_place_list_knows_it()
    {
        var lexicon = Places("Tonga");
        Assert.Equal(
            [("Veltrix", EntityType.Org), ("Anna Morel", EntityType.Person)],
            Conventions("Last year the general director of Veltrix, Anna Morel, resigned.", lexicon, ("Veltrix", EntityType.Loc), ("Anna Morel", EntityType.Person)));
        Assert.Equal(
            [("Tonga", EntityType.Loc), ("Anna Morel", EntityType.Person)],
            Conventions("Last year the head of Tonga, Anna Morel, resigned.", lexicon, ("Tonga", EntityType.Loc), ("Anna Morel", EntityType.Person)));
    }

    [Fact]
    public void Capitalized_names_ending_in_an_institutional_head_are_organizations()
    {
        var lexicon = Places();
        Assert.Equal(
            [("Narnian Fisheries Ministry", EntityType.Org)],
            Conventions("A spokesman for the Narnian Fisheries Ministry declined to comment.", lexicon, ("Narnian", EntityType.Norp)));
        Assert.Equal(
            [("Althing Budget Committee", EntityType.Org)],
            Conventions("The Althing Budget Committee met.", lexicon, ("Althing", EntityType.Org)));
        Assert.Empty(Conventions("The Committee met again.", lexicon));
    }

    [Fact]
    public void A_numbered_branch_joins_the_organization_the_model_ended_at_or_before_the_branch_word()
    {
        var lexicon = Places();
        const string text = "Members of the Glaziers Union Local 88 voted.";
        Assert.Equal([("Glaziers Union Local 88", EntityType.Org)], Conventions(text, lexicon, ("Glaziers Union Local", EntityType.Org)));
        Assert.Equal([("Glaziers Union Local 88", EntityType.Org)], Conventions(text, lexicon, ("Glaziers Union", EntityType.Org)));
        Assert.Equal(
            [("Glaziers Union", EntityType.Org)],
            Conventions("The Glaziers Union said Local 88 would vote.", lexicon, ("Glaziers Union", EntityType.Org)));
    }

    [Fact]
    public void An_acronym_and_its_numbered_local_are_an_organization_when_the_model_found_nothing()
    {
        var lexicon = Places();
        Assert.Equal([("GWU Local 88", EntityType.Org)], Conventions("GWU Local 88 represents 400 glaziers.", lexicon));
        // A lower-case or long word is no union's acronym; a span the model found is left as it is.
        Assert.Empty(Conventions("The vote at local 88 was close.", lexicon));
        Assert.Empty(Conventions("Members of GLAZIERSGUILD Local 88 voted.", lexicon));
        Assert.Equal([("GWU", EntityType.Misc)], Conventions("GWU Local 88 voted.", lexicon, ("GWU", EntityType.Misc)));
    }

    [Fact]
    public void Committees_on_a_topic_are_organizations_apart_from_a_one_word_parent()
    {
        var lexicon = Places();
        Assert.Equal(
            [("Althing", EntityType.Org), ("Committee on Fisheries", EntityType.Org), ("Jon Berg", EntityType.Person)],
            Conventions("The head of the Althing Committee on Fisheries, Jon Berg, objected.", lexicon, ("Althing Committee", EntityType.Org), ("Jon Berg", EntityType.Person)));
        Assert.Equal(
            [("Assembly", EntityType.Org), ("committee on coastal planning", EntityType.Org)],
            Conventions("The Assembly’s committee on coastal planning said no.", lexicon, ("Assembly", EntityType.Org)));
        Assert.Equal(
            [("Harbor Select Committee on Ports, Docks and Shipping", EntityType.Org)],
            Conventions("He testified before the Harbor Select Committee on Ports, Docks and Shipping on Monday.", lexicon, ("Harbor Select Committee", EntityType.Org)));
        Assert.Equal(
            [("Land Commission", EntityType.Org)],
            Conventions("He spoke to the Land Commission on Monday.", lexicon, ("Land Commission", EntityType.Org)));
        Assert.Empty(Conventions("A committee on coastal planning was formed.", lexicon));
    }

    [Fact]
    public void An_organ_and_the_organization_it_belongs_to_are_two_organizations()
    {
        var lexicon = Places();
        Assert.Equal(
            [("Permanent Secretariat", EntityType.Org), ("Organization of Island States", EntityType.Org)],
            Conventions("Delegates met the Permanent Secretariat of the Organization of Island States today.", lexicon,
                ("Permanent Secretariat of the Organization of Island States", EntityType.Org)));
        Assert.Equal(
            [("Council of the Island Union", EntityType.Org)],
            Conventions("Delegates met the Council of the Island Union today.", lexicon, ("Council of the Island Union", EntityType.Org)));
    }

    [Fact]
    public void Quoted_law_titles_are_one_misc_mention()
    {
        var lexicon = Places();
        Assert.Equal(
            [("Act on the Protection of Coastal Wetlands", EntityType.Misc)],
            Conventions("The “Act on the Protection of Coastal Wetlands,” passed in May, is strict.", lexicon,
                ("Act", EntityType.Loc), ("Protection of the", EntityType.Org), ("Coastal Wetlands", EntityType.Misc)));
        Assert.Equal(
            [("Constitution", EntityType.Misc)],
            Conventions("Judges must uphold the Constitution.", lexicon, ("Constitution", EntityType.Loc)));
        Assert.Empty(Conventions("Voters want “Law and Order” again.", lexicon));
    }

    private static TextSpan Span(string text, string part)
    {
        var start = text.IndexOf(part, StringComparison.Ordinal);
        return new TextSpan(start, start + part.Length);
    }
}
