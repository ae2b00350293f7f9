using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tokens;

/// <summary>
/// Splits raw text into tokens without changing it: every token is a span of the original string, so offsets
/// stay exact whatever the input (control characters, lone surrogates, emoji).
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (IsPossessive(text, i))
            {
                // "Russia's" -> "Russia" + "'s", as in the CoNLL-2003 (Penn Treebank) tokenization the model learned.
                i += 2;
                kind = TokenKind.Word;
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i);
                kind = TokenKind.Word;
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                kind = TokenKind.Number;
            }
            else if (QuoteMarks.IsQuoteMark(c))
            {
                i++;
                kind = TokenKind.QuoteMark;
            }
            else
            {
                // A surrogate pair stays one token so that no token splits a code point.
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                kind = TokenKind.Punctuation;
            }

            tokens.Add(new Token(new TextSpan(start, i), kind));
        }

        return tokens;
    }

    private static int ScanWord(string text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\u00AD')
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                // Inner hyphen: "Russian-Venezuelan", "mid-2013", "Tu-160" stay one token, as in CoNLL-2003.
                i += 2;
            }
            else if ((c is '\'' or '\u2019' or '.') && i + 1 < text.Length && char.IsLetter(text[i + 1])
                     && (c != '.' || IsInitialism(text, i)) && !IsPossessive(text, i))
            {
                // Inner apostrophe ("don't") or initialism dot ("U.S").
                i += 2;
            }
            else
            {
                break;
            }
        }

        // Keep the final dot of an initialism ("U.S.") with the word.
        if (i < text.Length && text[i] == '.' && IsInitialism(text, i))
        {
            i++;
        }

        return i;
    }

    // An apostrophe after a letter followed by a lone "s": the possessive clitic.
    private static bool IsPossessive(string text, int i)
        => text[i] is '\'' or '\u2019' && i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length
           && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2]));

    // "U.S", "U.S.", "e.g": single letters separated by dots.
    private static bool IsInitialism(string text, int dot)
        => dot >= 1 && char.IsLetter(text[dot - 1]) && (dot == 1 || !char.IsLetter(text[dot - 2]))
           && (dot + 1 >= text.Length || !char.IsLetter(text[dot + 1]) || dot + 2 >= text.Length
               || !char.IsLetter(text[dot + 2]));

    private static int ScanNumber(string text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is ',' or '.' or '-' or '/' or ':' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
