using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tokens;

/// <summary>
/// Finds sentence boundaries on raw news text: a sentence ends at '.', '!' or '?' (with any closing marks that
/// follow) before a capital, digit or opening mark, and always at a line break; abbreviations, initials and the
/// number of a list item at the start of a line ("Mr.", "U.S.", "J. Smith", "2. Smith") do not end a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
        "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "pres",
    };

    public static List<TextSpan> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<TextSpan>();
        var start = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (start < 0)
            {
                start = token.Start;
            }

            var isLast = t + 1 == tokens.Count;
            var end = false;
            var endIndex = t;
            if (!isLast && HasLineBreak(text, token.End, tokens[t + 1].Start))
            {
                end = true;
            }
            else if (!isLast && IsTerminator(text, token) && !IsAbbreviation(text, tokens, t))
            {
                // Closing marks and brackets right after the terminator belong to this sentence.
                var k = t + 1;
                while (k < tokens.Count && tokens[k].Start == tokens[k - 1].End && IsCloser(text[tokens[k].Start]))
                {
                    k++;
                }

                if (k < tokens.Count && StartsSentence(text, tokens[k]) && tokens[k].Start > tokens[k - 1].End)
                {
                    end = true;
                    endIndex = k - 1;
                }
            }

            if (isLast || end)
            {
                var last = isLast ? token : tokens[endIndex];
                sentences.Add(new TextSpan(start, last.End));
                start = -1;
                t = isLast ? t : endIndex;
            }
        }

        return sentences;
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTerminator(string text, Token token)
        => token.Kind == TokenKind.Punctuation && text[token.Start] is '.' or '!' or '?' or '…'
           || token.Kind == TokenKind.Word && text[token.End - 1] == '.';

    private static bool IsCloser(char c) => QuoteMarks.IsQuoteMark(c) || c is ')' or ']';

    private static bool StartsSentence(string text, Token token)
    {
        var c = text[token.Start];
        return char.IsUpper(c) || char.IsDigit(c) || QuoteMarks.IsQuoteMark(c) || c is '(' or '[' or '-' or '—' or '•';
    }

    private static bool IsAbbreviation(string text, IReadOnlyList<Token> tokens, int t)
    {
        var token = tokens[t];
        if (token.Kind == TokenKind.Word)
        {
            // "U.S." ends a sentence only when a clear sentence start follows; treat as abbreviation otherwise.
            return token.Length() <= 4;
        }

        if (t > 0 && tokens[t - 1].End == token.Start && tokens[t - 1].Kind == TokenKind.Number && tokens[t - 1].Length() <= 2
            && (t == 1 || HasLineBreak(text, tokens[t - 2].End, tokens[t - 1].Start)))
        {
            // The number of a list item or a results table row at the start of a line: "4. Jane Doe (Kenya) 13:06".
            return true;
        }

        if (t == 0 || tokens[t - 1].End != token.Start || tokens[t - 1].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = tokens[t - 1].Span.Of(text);
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static int Length(this Token token) => token.End - token.Start;
}
