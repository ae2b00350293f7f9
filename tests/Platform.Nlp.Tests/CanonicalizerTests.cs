using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;

namespace Platform.Nlp.Tests;

public class CanonicalizerTests
{
    private static List<Entity> Group(string text, params (string Mention, int Occurrence, EntityType Type)[] mentions)
    {
        var spans = new List<EntitySpan>();
        foreach (var (mention, occurrence, type) in mentions)
        {
            var start = -1;
            for (var k = 0; k <= occurrence; k++)
            {
                start = text.IndexOf(mention, start + 1, StringComparison.Ordinal);
            }

            spans.Add(new EntitySpan(new TextSpan(start, start + mention.Length), type));
        }

        spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return EntityCanonicalizer.Group(text, spans);
    }

    [Fact]
    public void Surname_joins_the_full_name_even_before_it()
    {
        const string text = "Okafor spoke. Later Grace Okafor left, and Okafor returned.";
        var entity = Assert.Single(Group(text, ("Okafor", 0, EntityType.Person), ("Grace Okafor", 0, EntityType.Person), ("Okafor", 2, EntityType.Person)));
        Assert.Equal("Grace Okafor", entity.Name);
        Assert.Equal(3, entity.Mentions.Count);
    }

    [Fact]
    public void Country_aliases_form_one_entity_named_by_the_longest()
    {
        const string text = "The US said no. The United States later agreed, and U.S. troops left.";
        var entity = Assert.Single(Group(text, ("US", 0, EntityType.Loc), ("United States", 0, EntityType.Loc), ("U.S.", 0, EntityType.Loc)));
        Assert.Equal("United States", entity.Name);
    }

    [Fact]
    public void Acronym_joins_the_organization_it_abbreviates()
    {
        const string text = "The Union of Coastal Towns met. The UCT voted.";
        var entity = Assert.Single(Group(text, ("Union of Coastal Towns", 0, EntityType.Org), ("UCT", 0, EntityType.Org)));
        Assert.Equal(2, entity.Mentions.Count);
    }

    [Theory]
    [InlineData("Tri-County Regional Transit Authority", "TCRTA")]
    [InlineData("Amalgamated Transit Union Local 1587", "ATU")]
    public void Acronym_joins_a_name_with_hyphenated_words_or_a_numbered_local(string name, string acronym)
    {
        var text = "The " + name + " met. The " + acronym + " voted.";
        var entity = Assert.Single(Group(text, (name, 0, EntityType.Org), (acronym, 0, EntityType.Org)));
        Assert.Equal(name, entity.Name);
        Assert.Equal(2, entity.Mentions.Count);
    }

    [Fact]
    public void A_company_short_name_read_as_a_person_joins_the_company_it_opens()
    {
        const string text = "Norvia Retail Group posted a profit. Norvia said sales rose. Ada Norvin said nothing.";
        var entities = Group(text, ("Norvia Retail Group", 0, EntityType.Org), ("Norvia", 1, EntityType.Person), ("Ada Norvin", 0, EntityType.Person));
        var company = Assert.Single(entities, e => e.Type == EntityType.Org);
        Assert.Equal("Norvia Retail Group", company.Name);
        Assert.Equal(2, company.Mentions.Count);
    }

    [Fact]
    public void An_organization_mention_of_one_word_joins_the_organization_it_opens()
    {
        const string text = "Pellucid Systems disclosed a breach. A Pellucid spokeswoman said no ransom was paid.";
        var company = Assert.Single(Group(text, ("Pellucid Systems", 0, EntityType.Org), ("Pellucid", 1, EntityType.Org)));
        Assert.Equal("Pellucid Systems", company.Name);
        Assert.Equal(2, company.Mentions.Count);
    }

    [Fact]
    public void A_word_the_text_gives_a_person_does_not_join_an_organization_it_opens()
    {
        // The model reads "Trump" as a person three times and once as an organization: still not the Trump Train.
        const string text = "Trump Train rallies grew. Trump said he was pleased. Trump smiled. Trump waved. Trump went on to promote his show.";
        var entities = Group(text, ("Trump Train", 0, EntityType.Org), ("Trump", 1, EntityType.Person), ("Trump", 2, EntityType.Person),
            ("Trump", 3, EntityType.Person), ("Trump", 4, EntityType.Org));
        Assert.Equal(["Trump Train"], entities.Single(e => e.Name == "Trump Train").Mentions.Select(m => m.Text));
    }

    [Fact]
    public void A_surname_stays_a_person_even_when_an_organization_carries_it()
    {
        const string text = "Maria Ford met Ford Motor Company executives. Ford said the talks went well.";
        var entities = Group(text, ("Maria Ford", 0, EntityType.Person), ("Ford Motor Company", 0, EntityType.Org), ("Ford", 2, EntityType.Person));
        Assert.Equal(2, entities.Single(e => e.Type == EntityType.Person).Mentions.Count);
    }

    [Fact]
    public void Different_types_sharing_a_word_stay_apart()
    {
        const string text = "Designer Pavel Dragunov praised the Dragunov rifle, Dragunov said.";
        var entities = Group(text, ("Pavel Dragunov", 0, EntityType.Person), ("Dragunov", 1, EntityType.Misc), ("Dragunov", 2, EntityType.Person));
        Assert.Equal(2, entities.Count);
        Assert.Equal(2, entities.Single(e => e.Type == EntityType.Person).Mentions.Count);
        Assert.Equal("Dragunov", entities.Single(e => e.Type == EntityType.Misc).Name);
    }

    [Fact]
    public void Shared_surname_goes_to_the_nearest_earlier_full_name()
    {
        const string text = "Anna Lind met Erik Lind. Erik Lind left; Lind said goodbye.";
        var entities = Group(text, ("Anna Lind", 0, EntityType.Person), ("Erik Lind", 0, EntityType.Person), ("Erik Lind", 1, EntityType.Person), ("Lind", 3, EntityType.Person));
        Assert.Equal(3, entities.Single(e => e.Name == "Erik Lind").Mentions.Count);
        Assert.Single(entities.Single(e => e.Name == "Anna Lind").Mentions);
    }

    [Fact]
    public void Ambiguous_organization_head_does_not_join()
    {
        const string text = "The Kenyan Health Ministry and the Peruvian Health Ministry met; the Ministry said.";
        var entities = Group(text, ("Kenyan Health Ministry", 0, EntityType.Org), ("Peruvian Health Ministry", 0, EntityType.Org), ("Ministry", 2, EntityType.Org));
        Assert.Equal(3, entities.Count);
    }
}
