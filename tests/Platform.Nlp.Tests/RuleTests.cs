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

    private static TextSpan Span(string text, string part)
    {
        var start = text.IndexOf(part, StringComparison.Ordinal);
        return new TextSpan(start, start + part.Length);
    }
}
