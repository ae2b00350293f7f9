using System.Globalization;
using System.Text;
using Platform.Storage.Registry;

namespace Platform.Storage.Groups;

/// <summary>
/// A quote's words as grouping compares them: case, accents, punctuation, quotation-mark style (straight or curly,
/// «guillemets») and spacing removed, so that the same words typeset differently give the same tokens.
/// </summary>
public static class QuoteFingerprint
{
    /// <summary>The quote's words, lower case, without accents; apostrophes inside a word are dropped ("don’t" → "dont").</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        // Accented Latin letters are folded by table: the services run with invariant globalization, where
        // string.Normalize does not decompose them.
        foreach (var c in text.Normalize(NormalizationForm.FormKC).Select(NameKey.FoldLatin))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || (IsApostrophe(c) && word.Length > 0))
            {
                // Accents (split off by the decomposition) and apostrophes inside a word join the word.
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    /// <summary>
    /// A 64-bit key of the words alone (<see cref="Tokens"/> joined by spaces): two quotes that differ only in case,
    /// punctuation, quotation marks or spacing have the same key. 0 for a quote without words.
    /// </summary>
    public static long Key(IReadOnlyList<string> tokens)
        => tokens.Count == 0 ? 0 : (long)StableHash.Of(string.Join(' ', tokens));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '`' or '\u00B4';
}

/// <summary>FNV-1a over UTF-16 code units, then mixed: the same on every machine and run (unlike string.GetHashCode).</summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64's finalizer: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
