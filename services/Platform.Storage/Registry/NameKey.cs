using System.Globalization;
using System.Text;

namespace Platform.Storage.Registry;

/// <summary>
/// Registry keys of names: the spellings of one name that should meet ("Zakharova", "ZAKHAROVA", "Zácharová",
/// "U.S." and "US") get one key. Pure functions, so the rules are easy to test and to read.
/// </summary>
public static class NameKey
{
    // The unaccented lower-case letter of each character from U+00C0 to U+024F (Latin-1 Supplement, Latin
    // Extended-A and -B), '.' where there is none. A table, because the services run without ICU (invariant
    // globalization), where string.Normalize cannot decompose accented letters. Generated from Unicode's NFKD
    // decompositions, with the usual one-letter readings of ß, æ, ø, œ, ł, đ, ð and þ.
    private const string LatinFolding =
        "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkk.lllllll" +
        "lllnnnnnn...oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs" +
        "................................oo.............uu..............." +
        "....dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa...." +
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" +
        "................";

    // Generational suffixes are not surnames: "Martin Luther King Jr." is known as "King".
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv" };

    /// <summary>
    /// Lower case, accents removed, dots and apostrophes dropped ("U.S." → "us", "O'Neil" → "oneil"), every other
    /// run of non-letters and non-digits one space, a leading "the " dropped. Empty when nothing is left.
    /// </summary>
    public static string Normalize(string name)
    {
        var key = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var original in name)
        {
            var c = FoldLatin(original);
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        var result = key.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result["the ".Length..] : result;
    }

    /// <summary>The unaccented lower-case letter of an accented Latin letter (U+00C0 to U+024F); other characters as they are.</summary>
    public static char FoldLatin(char c)
        => c is >= '\u00C0' and < '\u0250' && LatinFolding[c - '\u00C0'] is var folded && folded != '.' ? folded : c;

    /// <summary>A first name and a surname at least ("ilse varga"; not "varga", not "i varga").</summary>
    public static bool IsFullName(string nameKey)
    {
        var space = nameKey.IndexOf(' ', StringComparison.Ordinal);
        return space > 1;
    }

    /// <summary>The last word of a name key, generational suffixes aside: "king" for "martin luther king jr".</summary>
    public static string Surname(string nameKey) => WordsWithoutSuffix(nameKey) is [.., var last] ? last : nameKey;

    /// <summary>
    /// The keys a person's name is also known by: for "Maria V. Zakharova", the surname "zakharova" and the initial
    /// with the surname "m zakharova". None for a single-word name, which is its own key.
    /// </summary>
    public static IReadOnlyList<string> PersonAliases(string nameKey)
    {
        var words = WordsWithoutSuffix(nameKey);
        if (words.Length < 2)
        {
            return [];
        }

        var surname = words[^1];
        var aliases = new List<string> { surname, $"{words[0][0]} {surname}" };
        return aliases.Where(a => a != nameKey).Distinct(StringComparer.Ordinal).ToList();
    }

    // The words of a name key without trailing generational suffixes (one word always stays).
    private static string[] WordsWithoutSuffix(string nameKey)
    {
        var words = nameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = words.Length;
        while (count > 1 && Suffixes.Contains(words[count - 1]))
        {
            count--;
        }

        return words[..count];
    }
}
