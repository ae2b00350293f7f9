using Platform.Nlp.Analysis;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Rules;

/// <summary>
/// Nationalities, religious and political groups (NORP). CoNLL-2003 files demonyms under MISC; a MISC mention
/// that is an entry of the nationality lexicon becomes NORP. Hyphenated compounds are split so that each
/// nationality in "Russian-Venezuelan" or "anti-Russian" is its own mention, as news annotation expects.
/// </summary>
internal static class NorpRule
{
    // Regional adjectives and religious or political groups the nationality list lacks.
    internal static readonly WordSet Groups = new(
        "American", "Americans", "African", "Africans", "Asian", "Asians", "European", "Europeans", "Arab", "Arabs",
        "Muslim", "Muslims", "Christian", "Christians", "Jew", "Jews", "Jewish", "Catholic", "Catholics", "Protestant",
        "Protestants", "Orthodox", "Buddhist", "Buddhists", "Hindu", "Hindus", "Sikh", "Sikhs", "Sunni", "Sunnis", "Shia",
        "Shiite", "Shiites", "Democrat", "Democrats", "Republican", "Republicans", "Communist", "Communists",
        "Socialist", "Socialists", "Chavista", "Chavistas", "Bolshevik", "Bolsheviks", "Kurd", "Kurds", "Kurdish",
        "Latino", "Latinos", "Hispanic", "Hispanics", "Slav", "Slavs", "Slavic");

    private static readonly WordSet Prefixes = new("anti", "pro", "non", "ex", "post", "pre", "neo", "pan", "all");

    /// <summary>Retypes MISC spans in place and adds the NORP parts of hyphenated compounds, keeping text order.</summary>
    public static void Apply(Document document, Lexicon lexicon, List<EntitySpan> spans)
    {
        var text = document.Text;
        var parts = new List<TextSpan>(1);
        for (var s = 0; s < spans.Count; s++)
        {
            if (spans[s].Type != EntityType.Misc)
            {
                continue;
            }

            parts.Clear();
            foreach (var token in document.Tokens)
            {
                if (token.Start >= spans[s].Span.Start && token.End <= spans[s].Span.End)
                {
                    parts.Add(token.Span);
                }
            }

            // "Latin American", "South American": a capitalized qualifier before a regional adjective.
            var last = parts.Count > 0 ? text.AsSpan(parts[^1].Start, parts[^1].Length) : default;
            if (parts.Count > 0 && (lexicon.IsPhrase(text, parts, PhraseList.Nationality) || Groups.Contains(last)))
            {
                spans[s] = spans[s] with { Type = EntityType.Norp };
            }
        }

        var compounds = new List<EntitySpan>();
        foreach (var token in document.Tokens)
        {
            if (token.Kind == TokenKind.Word && text.AsSpan(token.Start, token.End - token.Start).Contains('-'))
            {
                SplitCompound(text, token, lexicon, compounds);
            }
        }

        if (compounds.Count == 0)
        {
            return;
        }

        // A longer model mention (a law title containing "Russian-Venezuelan") keeps its words; otherwise
        // the nationality parts replace whatever the model made of the compound token.
        compounds.RemoveAll(c => spans.Exists(m => m.Span.Overlaps(c.Span) && m.Span.Length > TokenAround(document, c.Span).Length));
        spans.RemoveAll(m => compounds.Exists(c => c.Span.Overlaps(m.Span)));
        spans.AddRange(compounds);
        spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    private static TextSpan TokenAround(Document document, TextSpan part)
    {
        foreach (var token in document.Tokens)
        {
            if (token.Start <= part.Start && part.End <= token.End)
            {
                return token.Span;
            }
        }

        return part;
    }

    // "Russian-Venezuelan" -> Russian, Venezuelan; "anti-Russian" -> Russian; "Tu-160", "Jean-Pierre" -> nothing.
    private static void SplitCompound(string text, Token token, Lexicon lexicon, List<EntitySpan> output)
    {
        var found = new List<TextSpan>();
        var start = token.Start;
        var single = new TextSpan[1];
        for (var i = token.Start; i <= token.End; i++)
        {
            if (i < token.End && text[i] != '-')
            {
                continue;
            }

            var part = new TextSpan(start, i);
            single[0] = part;
            if (part.Length > 0 && char.IsUpper(text[part.Start]) && lexicon.IsPhrase(text, single, PhraseList.Nationality))
            {
                found.Add(part);
            }
            else if (!Prefixes.Contains(text.AsSpan(part.Start, part.Length)))
            {
                return;
            }

            start = i + 1;
        }

        foreach (var part in found)
        {
            output.Add(new EntitySpan(part, EntityType.Norp));
        }
    }
}
