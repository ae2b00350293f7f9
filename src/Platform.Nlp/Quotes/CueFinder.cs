using Platform.Nlp.Analysis;

namespace Platform.Nlp.Quotes;

/// <summary>A reporting cue in the text: one verb ("said") or a phrase ("according to", "made a statement").</summary>
/// <param name="First">First token of the cue.</param>
/// <param name="Last">Last token of the cue.</param>
internal readonly record struct Cue(int First, int Last, TextSpan Span, VerbTraits Traits, bool AccordingTo);

/// <summary>Recognizes reporting cues from the verb lexicon plus a few fixed phrases.</summary>
internal sealed class CueFinder(ArticleContext ctx, QuoteLexicon lexicon)
{
    private static readonly HashSet<string> LightVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "made", "make", "makes", "issued", "issues", "expressed", "expresses", "voiced", "voices", "gave", "released",
    };

    private static readonly HashSet<string> StatementNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "statement", "statements", "hope", "confidence", "concern", "concerns", "belief", "view", "opinion", "doubt",
        "doubts", "assurance", "assurances", "warning", "claim", "announcement", "remark", "remarks",
    };

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "another", "this", "these", "those", "his", "its", "their", "our", "my", "your", "every",
        "each",
    };

    private static readonly HashSet<string> ArticlesAndPossessives = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "another", "every", "each", "his", "its", "their", "our", "my", "your",
    };

    /// <summary>The cue starting at token t, or null.</summary>
    public Cue? At(int t)
    {
        if (t < 0 || t >= ctx.Tokens.Count || !ctx.IsWord(t))
        {
            return null;
        }

        var w = ctx.Word(t);
        if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && t + 1 < ctx.Tokens.Count && ctx.IsWord(t + 1)
            && ctx.Word(t + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return new Cue(t, t + 1, Span(t, t + 1), VerbTraits.Speech, true);
        }

        if (LightVerbs.Contains(w))
        {
            for (var k = t + 1; k < ctx.Tokens.Count && k <= t + 3; k++)
            {
                if (!ctx.IsWord(k))
                {
                    break;
                }

                if (StatementNouns.Contains(ctx.Word(k)))
                {
                    return new Cue(t, k, Span(t, k), VerbTraits.Speech | VerbTraits.NounContent, false);
                }
            }

            return null;
        }

        var traits = lexicon.VerbTraitsOf(w);
        // Verbs are lower case inside a sentence; "States" in "United States" is not a cue.
        if (traits == VerbTraits.None || char.IsUpper(w[0]) && !IsSentenceStart(t))
        {
            return null;
        }

        // After an article or a possessive determiner the word is a noun or an adjective: "the state legislature",
        // "a report", "his claims". ("This shows …" and "her" as an object stay open.)
        if (t > 0 && ctx.IsWord(t - 1) && ArticlesAndPossessives.Contains(ctx.Word(t - 1)))
        {
            return null;
        }

        // The same after a name used as a modifier: "in a Facebook post", "his CNN interview". After "the" or a
        // possessive only a base form counts, and not after a plural name: "The Post said", "the Democrats say".
        if (IsNounAfterNamedModifier(t))
        {
            return null;
        }

        // A noun subject of the verb after it is no cue: "another report says".
        if (t > 0 && ctx.IsWord(t - 1) && NounDeterminers.Contains(ctx.Word(t - 1)) && ctx.IsWord(t + 1)
            && lexicon.VerbTraitsOf(ctx.Word(t + 1)) != VerbTraits.None)
        {
            return null;
        }

        if (AsksForAnonymity(t))
        {
            return null;
        }

        // "pointed out", "called on": keep the particle with the verb as written.
        var last = t;
        if (t + 1 < ctx.Tokens.Count && ctx.IsWord(t + 1) && ctx.LowerWord(t + 1) is "out" && w.StartsWith("point", StringComparison.OrdinalIgnoreCase))
        {
            last = t + 1;
        }

        return new Cue(t, last, Span(t, last), traits, false);
    }

    // "…, who asked not to be named, said …", "requested anonymity", "spoke on condition of anonymity": why the source
    // is unnamed, not something reported.
    private bool AsksForAnonymity(int t)
    {
        var next = t + 1 < ctx.Tokens.Count && ctx.IsWord(t + 1) ? ctx.LowerWord(t + 1) : "";
        var after = t + 3 < ctx.Tokens.Count && ctx.IsWord(t + 3) ? ctx.LowerWord(t + 3) : "";
        return next is "anonymity" or "anonymously"
               || next == "not" && t + 3 < ctx.Tokens.Count && ctx.LowerWord(t + 2) == "to" && after is "be" or "being"
               || next == "on" && t + 3 < ctx.Tokens.Count && ctx.LowerWord(t + 2) == "condition";
    }

    private bool IsNounAfterNamedModifier(int t)
    {
        var k = t - 1;
        while (k >= 0 && k > t - 4 && ctx.IsWord(k) && char.IsUpper(ctx.First(k)) && !IsSentenceStart(k))
        {
            k--;
        }

        if (k == t - 1 || k < 0 || !ctx.IsWord(k))
        {
            return false;
        }

        var determiner = ctx.LowerWord(k);
        if (determiner is "a" or "an" or "another" or "every" or "each")
        {
            return true;
        }

        var lower = ctx.LowerWord(t);
        return ArticlesAndPossessives.Contains(determiner) && !ctx.LowerWord(t - 1).EndsWith('s')
               && !lower.EndsWith('s') && !lower.EndsWith("ed", StringComparison.Ordinal) && !ClauseWords.IrregularPast.Contains(lower);
    }

    private bool IsSentenceStart(int t)
        => t == 0 || ctx.Document.SentenceAt(ctx.Tokens[t].Start) is var s and >= 0 && ctx.Document.Sentences[s].Start == ctx.Tokens[t].Start;

    private TextSpan Span(int first, int last) => new(ctx.Tokens[first].Start, ctx.Tokens[last].End);
}
