using Platform.Nlp.Analysis;
using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Entities;

/// <summary>
/// Decides the gender of each person of a text from what the text says about them, then from their first name:
/// <list type="number">
/// <item>pronouns the quote attribution resolved to the person ("…,” she said): she/her → female, he/him/his → male;</item>
/// <item>honorifics right before a mention ("Mrs Hale", "Sir Alan", "Lady Grey");</item>
/// <item>only when the text gives no evidence: the first word of the name, when it is in exactly one of the
/// lexicon's first-name lists.</item>
/// </list>
/// Evidence of both genders in the text, a first name in both lists or in neither, and no evidence at all give
/// <see cref="Gender.Unknown"/>: an unknown counted as unknown is more useful to a newsroom than a guess counted as
/// fact. Organizations, places and everything else that is not a person are never gendered.
/// </summary>
public sealed class PersonGender
{
    private static readonly Dictionary<string, Gender> Honorifics = new(StringComparer.Ordinal)
    {
        ["Mrs"] = Gender.Female, ["Ms"] = Gender.Female, ["Miss"] = Gender.Female, ["Mme"] = Gender.Female,
        ["Madam"] = Gender.Female, ["Madame"] = Gender.Female, ["Lady"] = Gender.Female, ["Dame"] = Gender.Female,
        ["Baroness"] = Gender.Female, ["Duchess"] = Gender.Female, ["Countess"] = Gender.Female, ["Queen"] = Gender.Female,
        ["Princess"] = Gender.Female,
        ["Mr"] = Gender.Male, ["Sir"] = Gender.Male, ["Lord"] = Gender.Male, ["Monsieur"] = Gender.Male,
        ["Baron"] = Gender.Male, ["Duke"] = Gender.Male, ["Count"] = Gender.Male, ["King"] = Gender.Male,
        ["Prince"] = Gender.Male,
    };

    private readonly Lexicon? _names;

    /// <summary>Creates the decider; without a lexicon only the text's own evidence counts.</summary>
    /// <param name="names">The lexicon whose first-name lists decide when the text does not (the model's).</param>
    public PersonGender(Lexicon? names)
    {
        _names = names;
    }

    /// <summary>The entities with <see cref="Entity.Gender"/> set (persons only; others stay unknown).</summary>
    public IReadOnlyList<Entity> Assign(string text, IReadOnlyList<Entity> entities, IReadOnlyList<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(quotes);
        var pronouns = new Dictionary<int, Evidence>();
        foreach (var quote in quotes)
        {
            if (quote.Speaker is { EntityId: { } id, Mention: { } mention } && mention.End <= text.Length
                && Pronoun(mention.Of(text)) is { } gender)
            {
                pronouns[id] = pronouns.GetValueOrDefault(id).With(gender);
            }
        }

        var result = new Entity[entities.Count];
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            result[i] = entity.Type == EntityType.Person
                ? entity with { Gender = Decide(text, entity, pronouns.GetValueOrDefault(entity.Id)) }
                : entity;
        }

        return result;
    }

    private Gender Decide(string text, Entity person, Evidence evidence)
    {
        foreach (var mention in person.Mentions)
        {
            if (HonorificBefore(text, mention) is { } gender)
            {
                evidence = evidence.With(gender);
            }
        }

        if (evidence.Female || evidence.Male)
        {
            return evidence.Female && evidence.Male ? Gender.Unknown : evidence.Female ? Gender.Female : Gender.Male;
        }

        return FromFirstName(person.Name);
    }

    private Gender FromFirstName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A single word is a surname as often as a first name ("Jordan", "Morgan"): only a full name's first word.
        if (_names is null || words.Length < 2 || !_names.TryGetWord(words[0], out var entry))
        {
            return Gender.Unknown;
        }

        return (entry.Lists & (WordLists.FemaleFirstName | WordLists.MaleFirstName)) switch
        {
            WordLists.FemaleFirstName => Gender.Female,
            WordLists.MaleFirstName => Gender.Male,
            _ => Gender.Unknown,
        };
    }

    private static Gender? Pronoun(string word) => word.ToLowerInvariant() switch
    {
        "she" or "her" => Gender.Female,
        "he" or "him" or "his" => Gender.Male,
        _ => null,
    };

    // The word right before the mention ("Mrs Hale", "Mrs. Hale"), or the mention's own first word when the
    // recognizer included the title in it.
    private static Gender? HonorificBefore(string text, EntityMention mention)
    {
        var own = mention.Text.Split(' ', 2)[0].TrimEnd('.');
        if (Honorifics.TryGetValue(own, out var inside) && mention.Text.Contains(' ', StringComparison.Ordinal))
        {
            return inside;
        }

        var end = mention.Span.Start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (end > 0 && text[end - 1] == '.')
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return start < end && Honorifics.TryGetValue(text[start..end], out var before) ? before : null;
    }

    private readonly record struct Evidence(bool Female, bool Male)
    {
        public Evidence With(Gender gender) => gender == Gender.Female ? this with { Female = true } : this with { Male = true };
    }
}
