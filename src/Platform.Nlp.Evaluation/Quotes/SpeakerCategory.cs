namespace Platform.Nlp.Evaluation.Quotes;

/// <summary>How a gold quote names its speaker, so that speaker accuracy can be read per kind of mention.</summary>
public enum SpeakerCategory
{
    /// <summary>A proper name: "Ada Brook", "Mr. Brook", "the Harbour Authority".</summary>
    Name,

    /// <summary>A personal or relative pronoun: "she", "they", "who".</summary>
    Pronoun,

    /// <summary>A common-noun phrase: "the union", "city officials", "a spokeswoman".</summary>
    Nominal,

    /// <summary>No speaker mention in the text.</summary>
    None,
}

/// <summary>Sorts a gold speaker mention into a <see cref="SpeakerCategory"/> from its words alone.</summary>
public static class SpeakerCategories
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "me", "us", "his", "its", "their", "my", "our",
        "your", "who", "which", "that", "whom", "whose", "himself", "herself", "themselves", "itself",
    };

    /// <summary>
    /// The category of a mention: none without one, pronoun for a pronoun, name when the head word (the last word
    /// before any appositive comma) is capitalized, nominal otherwise ("the Brook campaign" is nominal: its head is
    /// "campaign").
    /// </summary>
    public static SpeakerCategory Of(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention))
        {
            return SpeakerCategory.None;
        }

        var phrase = mention.Split(',')[0];
        var words = phrase.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '"', '\'', '\u201C', '\u201D', '(', ')'))
            .Where(w => w.Length > 0)
            .ToArray();
        if (words.Length == 0)
        {
            return SpeakerCategory.None;
        }

        if (words.Length == 1 && Pronouns.Contains(words[0]))
        {
            return SpeakerCategory.Pronoun;
        }

        var head = words[^1];
        if (head.EndsWith("'s", StringComparison.Ordinal) || head.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            head = head[..^2];
        }

        return head.Length > 0 && char.IsUpper(head[0]) ? SpeakerCategory.Name : SpeakerCategory.Nominal;
    }
}
