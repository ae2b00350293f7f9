using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tests;

public class ModelTests
{
    private static readonly NerModel Model = NerModel.Default ?? throw new InvalidOperationException("no embedded model");

    private static List<(string, EntityType)> Recognize(string text)
    {
        var spans = new StatisticalEntityRecognizer(Model).Recognize(Document.Parse(text));
        return spans.Select(s => (s.Span.Of(text), s.Type)).ToList();
    }

    [Fact]
    public void Embedded_model_loads_with_two_passes()
    {
        Assert.NotNull(Model.Second);
        Assert.Contains("CoNLL-2003", Model.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void People_places_and_organizations_get_exact_spans()
    {
        const string text = "Angela Berger flew from Lisbon to Oslo on Monday to meet executives of Siemens.";
        Assert.Equal(
            [("Angela Berger", EntityType.Person), ("Lisbon", EntityType.Loc), ("Oslo", EntityType.Loc), ("Monday", EntityType.Date), ("Siemens", EntityType.Org)],
            Recognize(text));
    }

    [Fact]
    public void Rules_and_model_combine_without_overlap()
    {
        const string text = "The Kenyan government said on March 3 it would spend $ 2 billion on roads, Transport Minister Peter Odhiambo said.";
        var found = Recognize(text);
        Assert.Contains(("Kenyan", EntityType.Norp), found);
        Assert.Contains(("March 3", EntityType.Date), found);
        Assert.Contains(("$ 2 billion", EntityType.Money), found);
        Assert.Contains(("Peter Odhiambo", EntityType.Person), found);
    }

    [Fact]
    public void Labels_form_valid_bilou_sequences_on_odd_text()
    {
        var text = TokenizedText.FromDocument(Document.Parse("ALL CAPS HEADLINE FROM BONN ; 1996-08-22 -- x y z Q. R. S."));
        var labels = Model.Tag(text);
        var previous = -1;
        foreach (var label in labels)
        {
            Assert.True(NerLabels.CanFollow(previous, label));
            previous = label;
        }
    }
}
