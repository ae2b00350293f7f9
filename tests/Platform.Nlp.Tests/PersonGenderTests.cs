using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Tests;

public class PersonGenderTests
{
    private static readonly Lexicon Names = CreateNames();

    [Fact]
    public void A_pronoun_the_attribution_resolved_to_the_person_decides()
    {
        const string text = "Robin Tallis chairs the board. \"Costs are falling,\" she said.";
        var person = Person(0, text, "Robin Tallis");
        var quote = QuoteBy(0, text, "she");

        Assert.Equal(Gender.Female, Decide(text, [person], [quote])[0].Gender);
    }

    [Fact]
    public void A_male_pronoun_decides_too()
    {
        const string text = "Robin Tallis chairs the board. \"Costs are falling,\" he said.";
        Assert.Equal(Gender.Male, Decide(text, [Person(0, text, "Robin Tallis")], [QuoteBy(0, text, "he")])[0].Gender);
    }

    [Theory]
    [InlineData("Mrs Quenby opened the bridge.", "Quenby", Gender.Female)]
    [InlineData("Ms. Quenby opened the bridge.", "Quenby", Gender.Female)]
    [InlineData("Lady Quenby opened the bridge.", "Quenby", Gender.Female)]
    [InlineData("Mr Quenby opened the bridge.", "Quenby", Gender.Male)]
    [InlineData("Sir Robin Quenby opened the bridge.", "Robin Quenby", Gender.Male)]
    public void An_honorific_before_a_mention_decides(string text, string name, Gender expected)
        => Assert.Equal(expected, Decide(text, [Person(0, text, name)], [])[0].Gender);

    [Fact]
    public void An_honorific_inside_the_mention_counts()
    {
        const string text = "Mrs Quenby opened the bridge.";
        Assert.Equal(Gender.Female, Decide(text, [Person(0, text, "Mrs Quenby")], [])[0].Gender);
    }

    [Theory]
    [InlineData("Greta Lindqvist opened the bridge.", "Greta Lindqvist", Gender.Female)]
    [InlineData("Anton Lindqvist opened the bridge.", "Anton Lindqvist", Gender.Male)]
    public void Without_text_evidence_a_first_name_in_one_list_decides(string text, string name, Gender expected)
        => Assert.Equal(expected, Decide(text, [Person(0, text, name)], [])[0].Gender);

    [Theory]
    [InlineData("Sasha Lindqvist opened the bridge.", "Sasha Lindqvist")] // in both lists
    [InlineData("Tove Lindqvist opened the bridge.", "Tove Lindqvist")] // in neither
    [InlineData("Greta opened the bridge.", "Greta")] // a single word may be a surname
    public void An_ambiguous_or_unknown_first_name_gives_unknown(string text, string name)
        => Assert.Equal(Gender.Unknown, Decide(text, [Person(0, text, name)], [])[0].Gender);

    [Fact]
    public void Text_evidence_beats_the_name_list()
    {
        const string text = "Anton Lindqvist chairs the board. \"Costs are falling,\" she said.";
        Assert.Equal(Gender.Female, Decide(text, [Person(0, text, "Anton Lindqvist")], [QuoteBy(0, text, "she")])[0].Gender);
    }

    [Fact]
    public void Conflicting_evidence_gives_unknown()
    {
        const string text = "Mr Lindqvist chairs the board. \"Costs are falling,\" she said.";
        Assert.Equal(Gender.Unknown, Decide(text, [Person(0, text, "Lindqvist")], [QuoteBy(0, text, "she")])[0].Gender);
    }

    [Fact]
    public void Conflicting_pronouns_give_unknown_even_with_a_listed_name()
    {
        const string text = "Greta Lindqvist spoke. \"Costs are falling,\" she said. \"Prices too,\" he said.";
        var quotes = new[] { QuoteBy(0, text, "she"), QuoteBy(0, text, "he") };
        Assert.Equal(Gender.Unknown, Decide(text, [Person(0, text, "Greta Lindqvist")], quotes)[0].Gender);
    }

    [Fact]
    public void A_pronoun_resolved_to_another_person_is_not_evidence()
    {
        const string text = "Robin Tallis met Kim Arden. \"Costs are falling,\" she said.";
        var result = Decide(text, [Person(0, text, "Robin Tallis"), Person(1, text, "Kim Arden")], [QuoteBy(1, text, "she")]);
        Assert.Equal(Gender.Unknown, result[0].Gender);
        Assert.Equal(Gender.Female, result[1].Gender);
    }

    [Fact]
    public void Organizations_are_never_gendered()
    {
        const string text = "Lady Greta Shipping said it would hire. \"We will grow,\" she said.";
        var org = new Entity(0, "Lady Greta Shipping", EntityType.Org, [Mention(text, "Greta Shipping")]);
        Assert.Equal(Gender.Unknown, Decide(text, [org], [QuoteBy(0, text, "she")])[0].Gender);
    }

    [Fact]
    public void Without_a_lexicon_only_the_text_decides()
    {
        const string text = "Greta Lindqvist opened the bridge.";
        var result = new PersonGender(null).Assign(text, [Person(0, text, "Greta Lindqvist")], []);
        Assert.Equal(Gender.Unknown, result[0].Gender);
    }

    [Fact]
    public void The_engine_genders_a_person_a_pronoun_quote_points_to_and_not_the_organization()
    {
        const string text = "Robin Tallis, who chairs Harrowgate Ferries, spoke on Monday.\n\n\"We expect ships back by Friday,\" she told reporters.";
        var analysis = NewsAnalyzer.CreateDefault().Analyze(text);

        var quote = Assert.Single(analysis.Quotes);
        Assert.Equal("she", quote.Speaker?.Mention?.Of(text));
        var speaker = analysis.Entities[quote.Speaker!.EntityId!.Value];
        Assert.Equal(Gender.Female, speaker.Gender);
        Assert.All(analysis.Entities.Where(e => e.Type != EntityType.Person), e => Assert.Equal(Gender.Unknown, e.Gender));
    }

    [Fact]
    public void The_engine_uses_its_own_first_name_lists()
    {
        var analysis = NewsAnalyzer.CreateDefault().Analyze("Maria Delacroix opened the new bridge in Korsa on Monday.");
        var person = Assert.Single(analysis.Entities, e => e.Type == EntityType.Person);
        Assert.Equal(Gender.Female, person.Gender);
    }

    private static IReadOnlyList<Entity> Decide(string text, IReadOnlyList<Entity> entities, IReadOnlyList<Quote> quotes)
        => new PersonGender(Names).Assign(text, entities, quotes);

    private static Entity Person(int id, string text, string name) => new(id, name, EntityType.Person, [Mention(text, name)]);

    private static EntityMention Mention(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        return new EntityMention(new TextSpan(at, at + words.Length), words);
    }

    private static Quote QuoteBy(int entityId, string text, string pronoun)
    {
        var at = text.IndexOf(", " + pronoun + " said", StringComparison.Ordinal);
        at = at < 0 ? text.IndexOf(" " + pronoun + " ", StringComparison.Ordinal) + 1 : at + 2;
        var mention = new TextSpan(at, at + pronoun.Length);
        return new Quote(new TextSpan(0, 1), text[..1], QuoteKind.Direct, new Speaker("x", entityId, mention), "said", null, 0.9f, []);
    }

    private static Lexicon CreateNames()
    {
        var names = new Lexicon();
        names.AddWord("Greta", WordLists.FemaleFirstName);
        names.AddWord("Anton", WordLists.MaleFirstName);
        names.AddWord("Sasha", WordLists.FemaleFirstName | WordLists.MaleFirstName);
        names.Freeze();
        return names;
    }
}
