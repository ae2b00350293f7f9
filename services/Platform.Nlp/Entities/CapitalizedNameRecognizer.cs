using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities;

/// <summary>
/// A first, rule-based recognizer: runs of capitalized words become entities, typed by small word lists
/// (organization heads such as "Ministry", a few places and nationality suffixes), plus dates and money amounts.
/// It exists so that the pipeline runs end to end; a trained model replaces it.
/// </summary>
public sealed class CapitalizedNameRecognizer : IEntityRecognizer
{
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "Ministry", "Department", "Congress", "Senate", "House", "Parliament", "Council", "Committee", "Agency",
        "Bank", "Party", "University", "Inc", "Corp", "Company", "Group", "News", "Times", "Post", "Organization",
        "Union", "Institute", "Commission", "Court", "Office", "Service", "Secretariat", "Kremlin", "Reuters",
        "Interfax", "Duma", "Government", "Association", "Federation", "Army", "Navy", "Police", "Board",
    };

    private static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "Russia", "Venezuela", "Washington", "Moscow", "Caracas", "China", "Europe", "America", "Ukraine",
        "Germany", "France", "Britain", "London", "Paris", "Berlin", "Beijing", "Cuba", "Brazil", "Colombia",
        "Syria", "Iran", "Israel", "India", "Japan", "Canada", "Mexico", "Spain", "Italy", "Poland", "Turkey",
        "US", "U.S.", "USA", "UK", "EU", "Africa", "Asia", "Latin", "Kyiv", "Kiev", "Tokyo", "Rome", "Madrid",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    };

    // Capitalized words that start sentences or name roles rather than entities.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If", "It", "He", "She", "They", "We", "I",
        "This", "That", "These", "Those", "Thus", "Now", "Then", "After", "Before", "According", "However",
        "Also", "When", "While", "What", "Who", "Why", "How", "There", "Here", "His", "Her", "Their", "Our", "My",
        "Its", "For", "From", "With", "By", "To", "Of", "Mr", "Mrs", "Ms", "Dr", "Minister", "President",
        "Secretary", "Head", "Deputy", "Spokeswoman", "Spokesman", "Foreign", "Senator", "Chairman", "Prime",
        "Not", "No", "Yes", "So", "Some", "All", "Many", "Most", "One", "Two", "In addition", "Meanwhile", "Since",
    };

    private static readonly HashSet<string> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        "million", "billion", "trillion", "thousand", "bn", "mln", "m", "k",
    };

    public IReadOnlyList<EntitySpan> Recognize(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var found = new List<EntitySpan>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryMoney(document, i, out var moneyEnd) || TryDate(document, i, out moneyEnd, out _))
            {
                var type = TryMoney(document, i, out _) ? EntityType.Money : EntityType.Date;
                found.Add(new EntitySpan(new TextSpan(tokens[i].Start, tokens[moneyEnd].End), type));
                i = moneyEnd;
                continue;
            }

            if (!IsNameWord(text, tokens[i]))
            {
                continue;
            }

            var j = i;
            while (j + 1 < tokens.Count && IsNameWord(text, tokens[j + 1]) && SameLine(text, tokens[j], tokens[j + 1]))
            {
                j++;
            }

            var words = new List<string>();
            for (var k = i; k <= j; k++)
            {
                words.Add(document.TextOf(tokens[k]));
            }

            found.Add(new EntitySpan(new TextSpan(tokens[i].Start, tokens[j].End), Classify(words)));
            i = j;
        }

        return found;
    }

    private static bool SameLine(string text, Token a, Token b) => text.AsSpan(a.End, b.Start - a.End).IndexOfAny('\n', '\r') < 0;

    private static bool IsNameWord(string text, Token token)
    {
        if (token.Kind != TokenKind.Word || !char.IsUpper(text[token.Start]))
        {
            return false;
        }

        var word = text[token.Start..token.End];
        return !NotNames.Contains(word) && !Months.Contains(word);
    }

    private static EntityType Classify(List<string> words)
    {
        if (words.Exists(OrgWords.Contains))
        {
            return EntityType.Org;
        }

        if (words.Count == 1 && Places.Contains(words[0]))
        {
            return EntityType.Loc;
        }

        if (words.Count == 1 && (words[0].EndsWith("ian", StringComparison.Ordinal)
                                 || words[0].EndsWith("an", StringComparison.Ordinal) && words[0].Length > 5
                                 || words[0].EndsWith("ese", StringComparison.Ordinal)))
        {
            return EntityType.Norp;
        }

        if (words.Count is 2 or 3 && words.TrueForAll(w => w.Length > 1 && w.Skip(1).All(char.IsLower)))
        {
            return EntityType.Person;
        }

        return words.Count == 1 && words[0].All(char.IsUpper) ? EntityType.Org : EntityType.Misc;
    }

    // "$ 700 billion", "$11 bn", "100 million rubles"
    private static bool TryMoney(Document document, int i, out int end)
    {
        var tokens = document.Tokens;
        end = i;
        var text = document.Text;
        if (text[tokens[i].Start] is '$' or '€' or '£' && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number)
        {
            end = i + 1;
            if (end + 1 < tokens.Count && Scales.Contains(document.TextOf(tokens[end + 1])))
            {
                end++;
            }

            return true;
        }

        if (tokens[i].Kind == TokenKind.Number && i + 2 < tokens.Count && Scales.Contains(document.TextOf(tokens[i + 1]))
            && document.TextOf(tokens[i + 2]) is "rubles" or "dollars" or "euros" or "pounds" or "yuan")
        {
            end = i + 2;
            return true;
        }

        return false;
    }

    // "February 28", "May 2001", "December 2018", "28 February"
    private static bool TryDate(Document document, int i, out int end, out bool isDate)
    {
        var tokens = document.Tokens;
        end = i;
        isDate = false;
        if (tokens[i].Kind != TokenKind.Word || !Months.Contains(document.TextOf(tokens[i])))
        {
            return false;
        }

        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number)
        {
            end = i + 1;
            if (end + 2 < tokens.Count && document.TextOf(tokens[end + 1]) == "," && tokens[end + 2].Kind == TokenKind.Number)
            {
                end += 2;
            }

            isDate = true;
            return true;
        }

        return false;
    }
}
