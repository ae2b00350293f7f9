using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Which adjacent engine tokens form one token of the model's training data (Penn Treebank conventions, as in
/// CoNLL-2003): the model learned "Inc." and "78th", not "Inc" "." and "78" "th".
/// </summary>
internal static class ModelTokens
{
    // Abbreviations written with a dot in news: name parts, company forms, US states, months. Case-sensitive, title
    // case or as listed, so that "CO." in a shouted headline or the word "co" is not taken. Titles ("Mr.", "Gen.")
    // stay apart: the training data has almost none with a dot, and the model then took "Mr." into the name.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "St", "Jr", "Sr", "Mt", "Ft", "No", "vs", "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Plc", "Dept", "Univ",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
        "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
        "Wash", "Wis", "Wyo", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    };

    // Endings that make a dotted word a web address or a file name ("example.com", "minutes.pdf").
    private static readonly HashSet<string> AddressEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "edu", "gov", "info", "biz", "htm", "html", "php", "aspx", "pdf", "doc", "docx", "xls",
        "xlsx", "ppt", "pptx", "txt", "csv", "jpg", "jpeg", "png", "gif", "zip",
    };

    /// <summary>
    /// When token <paramref name="i"/> starts a run of tokens without spaces that is an e-mail address, a web
    /// address or a file name, the index of the run's last token; otherwise null. The tokenizer splits these at
    /// every dot and "@", and the model, which saw them whole, would take the pieces for names.
    /// </summary>
    public static int? AddressEnd(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i > 0 && tokens[i - 1].End == tokens[i].Start)
        {
            return null; // only a whole run counts
        }

        var last = i;
        while (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[last].End)
        {
            last++;
        }

        if (last == i)
        {
            return null;
        }

        // A closing mark or bracket glued to the run is not part of the address: "(see minutes.pdf)".
        while (last > i && tokens[last].Kind is TokenKind.Punctuation or TokenKind.QuoteMark && text[tokens[last].Start] is not '/')
        {
            last--;
        }

        var run = text.AsSpan(tokens[i].Start, tokens[last].End - tokens[i].Start);
        var dot = run.LastIndexOf('.');
        var isAddress = run.Contains('@') || run.Contains("://", StringComparison.Ordinal)
                        || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                        || dot > 0 && AddressEndings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(run[(dot + 1)..]);
        return isAddress && last > i ? last : null;
    }

    /// <summary>The index of the last engine token of the model token that starts at token <paramref name="i"/>.</summary>
    public static int JoinedEnd(string text, IReadOnlyList<Token> tokens, int i)
    {
        var last = i;
        while (last + 1 < tokens.Count && tokens[last + 1].Start == tokens[last].End && Joins(text, tokens, i, last))
        {
            last++;
        }

        return last;
    }

    // Whether token last + 1 continues the model token tokens[first..last].
    private static bool Joins(string text, IReadOnlyList<Token> tokens, int first, int last)
    {
        var current = tokens[last];
        var next = tokens[last + 1];
        var nextChar = text[next.Start];
        var word = text.AsSpan(tokens[first].Start, current.End - tokens[first].Start);
        if (nextChar == '.' && next.End - next.Start == 1)
        {
            // "Inc." / "J." / a list number "4." at the start of a line.
            return first == last && current.Kind == TokenKind.Word
                   && (Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.Length == 1 && char.IsUpper(word[0]))
                   || first == last && current.Kind == TokenKind.Number && word.Length <= 2 && StartsLine(text, current.Start)
                      && (next.End == text.Length || char.IsWhiteSpace(text[next.End]));
        }

        if (current.Kind == TokenKind.Number && next.Kind == TokenKind.Word && first == last)
        {
            // "78th", "1990s", "3M": a number glued to letters (a word with a clitic "'s" is not).
            return char.IsLetter(nextChar);
        }

        if (nextChar == '&' && next.End - next.Start == 1 && last + 2 < tokens.Count && tokens[last + 2].Start == next.End)
        {
            // "S&P", "AT&T": capital initials around an ampersand.
            return IsCapitals(text, current) && IsCapitals(text, tokens[last + 2]);
        }

        if (text[current.Start] == '&' && current.End - current.Start == 1 && last > first)
        {
            return true; // the second half of "S&P", checked above
        }

        if (nextChar == '$' && next.End - next.Start == 1 && first == last)
        {
            // "C$", "US$", "HK$": one to three capitals before a dollar sign.
            return word.Length <= 3 && IsCapitals(text, current);
        }

        if (nextChar == '-' && next.End - next.Start == 1 && text[current.End - 1] == '.' && last + 2 < tokens.Count
            && tokens[last + 2].Start == next.End && tokens[last + 2].Kind == TokenKind.Word)
        {
            return true; // "U.S.-led": the tokenizer keeps "U.S." apart from its compound
        }

        return text[current.Start] == '-' && current.End - current.Start == 1 && last > first && text[tokens[last - 1].End - 1] == '.';
    }

    private static bool IsCapitals(string text, Token token)
    {
        if (token.Kind != TokenKind.Word || token.End - token.Start > 4)
        {
            return false;
        }

        for (var k = token.Start; k < token.End; k++)
        {
            if (!char.IsUpper(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsLine(string text, int offset)
    {
        for (var k = offset - 1; k >= 0; k--)
        {
            if (text[k] is '\n' or '\r')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
