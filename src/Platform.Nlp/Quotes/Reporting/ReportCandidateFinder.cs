using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes.Reporting;

/// <summary>
/// Proposes possible reports in a sentence for <see cref="ReportTagger"/> to judge. A cue is any lower-case verb of the
/// reporting lexicon or any word the model learned to head attributions ("show", "believe", "argue", "want"); the
/// clause is what follows the cue to the end of the sentence (or what precedes a trailing attribution), bounded by
/// the rules' <see cref="ClauseBounds"/>, and the source is the cue's subject as <see cref="SpeakerPhraseFinder"/>
/// finds it, else the short noun phrase right before the cue.
/// </summary>
internal sealed class ReportCandidateFinder(
    ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ClauseBounds clauses, QuoteLexicon lexicon,
    IReadOnlySet<string> learnedCues, bool keepNames = false)
{
    private static readonly Dictionary<EntityType, string> SourceNames = Enum.GetValues<EntityType>().ToDictionary(t => t, t => "ent-" + t);
    private static readonly Dictionary<EntityType, string> ShapeNames = Enum.GetValues<EntityType>().ToDictionary(t => t, t => "ENT-" + t);
    private readonly FeatureWriter _features = new(keepNames);

    private const int MaxTrailingTail = 8;
    private const int MaxGenericSource = 8;
    private const int MaxAttributionWords = 10;

    // Words that link the subject to what came before it and are no part of it: "… and polls show".
    private static readonly HashSet<string> LeadingLinks = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "so", "that", "as", "because", "while", "when", "if", "since", "although", "though", "which", "who",
    };

    /// <summary>Candidates for the sentence spanning tokens [a, b).</summary>
    /// <param name="isFree">Whether a token may serve as a cue (not inside a quote, not used by the rules).</param>
    /// <param name="ruleQuotes">How many rule quotes the sentence already has (a feature).</param>
    public List<ReportCandidate> Find(int a, int b, Func<int, bool> isFree, int ruleQuotes)
    {
        var found = new List<ReportCandidate>();
        for (var t = a; t < b; t++)
        {
            if (!ctx.IsWord(t) || !isFree(t))
            {
                continue;
            }

            var word = ctx.Word(t);
            var lower = word.ToLowerInvariant();
            var traits = lexicon.VerbTraitsOf(word);
            var learned = learnedCues.Contains(lower);
            // A capitalized verb opens an imperative ("Recall that …") or is part of a name: no cue either way.
            if (traits == VerbTraits.None && !learned || char.IsUpper(word[0]))
            {
                continue;
            }

            var nominal = AfterDeterminer(t);
            var cue = cues.At(t) ?? new Cue(t, t, Span(t, t), traits, false);
            if (cue.AccordingTo)
            {
                continue;
            }

            if (Forward(cue, a, b, nominal) is { } forward)
            {
                found.Add(forward with { Features = Features(forward, a, b, traits, learned, ruleQuotes) });
            }

            if (!nominal && Trailing(cue, a, b) is { } trailing)
            {
                found.Add(trailing with { Features = Features(trailing, a, b, traits, learned, ruleQuotes) });
            }
        }

        return found;
    }

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every", "each",
        "another",
    };

    // A word after a determiner or a possessive is a noun or an adjective, not a verb: "a report", "the state
    // legislature", "Clinton's claim that …". As a noun it may still report ("his claim that …"), and
    // its source is then the possessor or the name before it, not the subject of the sentence.
    private bool AfterDeterminer(int t)
    {
        if (t == 0 || !ctx.IsWord(t - 1))
        {
            return NominalOwnerEnd(t) >= 0;
        }

        return NounDeterminers.Contains(ctx.Word(t - 1)) || NominalOwnerEnd(t) >= 0;
    }

    // Where the possessor before a cue word ends ("Clinton" in "Clinton's claim", "the unions' demand"), or -1. The
    // 's of "is" and "has" does not count: "he's claiming", "Trump's called for".
    private int NominalOwnerEnd(int t)
    {
        var text = ctx.Text;
        var i = ctx.Tokens[t].Start;
        while (i > 0 && text[i - 1] == ' ')
        {
            i--;
        }

        int ownerEnd;
        if (i >= 3 && text[i - 1] is 's' or 'S' && text[i - 2] is '\'' or '\u2019' && char.IsLetter(text[i - 3]))
        {
            ownerEnd = i - 2;
        }
        else if (i >= 2 && text[i - 1] is '\'' or '\u2019' && text[i - 2] is 's')
        {
            ownerEnd = i - 1;
        }
        else
        {
            return -1;
        }

        var ownerStart = ownerEnd;
        while (ownerStart > 0 && char.IsLetter(text[ownerStart - 1]))
        {
            ownerStart--;
        }

        var owner = text[ownerStart..ownerEnd].ToLowerInvariant();
        var word = ctx.Word(t);
        var contraction = owner is "he" or "she" or "it" or "that" or "who" or "what" or "there" or "where" or "here"
                          || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        return contraction ? -1 : ownerEnd;
    }

    // The source of a cue used as a noun: "his claim" (him), "Clinton's claim" (Clinton); none for "the claim".
    private SpeakerPhrase? NominalSource(int cue)
    {
        if (cue > 0 && ctx.LowerWord(cue - 1) is "his" or "her")
        {
            return new SpeakerPhrase(ctx.Tokens[cue - 1].Span, PhraseKind.Pronoun, null, null, false);
        }

        var ownerEnd = NominalOwnerEnd(cue);
        foreach (var m in ctx.Mentions)
        {
            if (ownerEnd >= 0 && m.Span.End == ownerEnd && m.Entity.Type is EntityType.Person or EntityType.Org or EntityType.Norp or EntityType.Loc)
            {
                return new SpeakerPhrase(m.Span, PhraseKind.Name, m, null, false);
            }
        }

        return null;
    }

    // "X said (that) CLAUSE", "polls show CLAUSE": the clause after the cue.
    private ReportCandidate? Forward(Cue cue, int a, int b, bool nominal)
    {
        var start = (cue.Traits & (VerbTraits.Speech | VerbTraits.Cognition)) != 0 ? clauses.ContentStart(cue, b) : -1;
        var nounPhrase = false;
        if (start < 0)
        {
            start = cue.Last + 1;
            var that = start < b && ctx.IsWord(start) && ctx.Word(start) is "that";
            start += that ? 1 : 0;
            // Where the rules saw no clause, a noun phrase alone is often what the verb did, not what somebody said
            // ("passed the bill", "found no trace of it"), though PolNeAR also counts "criticized the plan": the
            // tagger weighs it (see Features).
            nounPhrase = !that && !(start < b && ctx.IsWord(start) && ctx.Word(start) is "to") && !HasClauseVerb(start, b);
            if (nounPhrase && cue.Traits == VerbTraits.None)
            {
                // A learned cue word outside the reporting lexicon ("passed", "found", "signed") reports nothing when
                // all that follows is its object.
                return null;
            }
        }

        // A preposition after the verb starts its complement, not a report: "responded to the letter", "commented on it".
        if (start < b && ctx.IsWord(start) && ClauseBounds.IsPreposition(ctx.Word(start)))
        {
            return null;
        }

        var content = clauses.ContentSpan(start, b);
        clauses.Coordinated = null;
        if (content is not { } span || clauses.Words(span) < ClauseBounds.MinContentWords)
        {
            return null;
        }

        var subjectEnd = SkipAuxiliaries(cue.First, a);
        var source = nominal ? NominalSource(cue.First)
            : subjectEnd > a ? phrases.Before(cue.First, a) ?? phrases.Before(subjectEnd, a) ?? Generic(a, subjectEnd) : null;
        if (nominal && source is null)
        {
            return null; // "the state legislature", "the claim that …": a noun with no owner reports nobody's words
        }

        return new ReportCandidate(cue.First, cue.Last, cue.Span, span, source, false, []) { NounPhrase = nounPhrase, Nominal = nominal };
    }

    // "CLAUSE, X believes." / "CLAUSE, says X.": the clause before the comma that opens the attribution.
    private ReportCandidate? Trailing(Cue cue, int a, int b)
    {
        var end = b;
        while (end > cue.Last + 1 && ctx.Tokens[end - 1].Kind == TokenKind.Punctuation)
        {
            end--;
        }

        if (end - cue.Last - 1 > MaxTrailingTail)
        {
            return null;
        }

        var comma = -1;
        for (var t = cue.First - 1; t > a && t >= cue.First - MaxAttributionWords; t--)
        {
            if (ctx.IsPunct(t, ',') || ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                comma = t;
                break;
            }
        }

        if (comma < 0)
        {
            return null;
        }

        var content = clauses.ContentSpan(a, comma);
        clauses.Coordinated = null;
        if (content is not { } span || clauses.Words(span) < ClauseBounds.MinContentWords)
        {
            return null;
        }

        var subjectEnd = SkipAuxiliaries(cue.First, comma + 1);
        var source = subjectEnd > comma + 1
            ? phrases.Before(cue.First, comma + 1) ?? phrases.Before(subjectEnd, comma + 1) ?? Generic(comma + 1, subjectEnd)
            : phrases.After(cue.Last, end);
        return new ReportCandidate(cue.First, cue.Last, cue.Span, span, source, true, []);
    }

    // A lower-case auxiliary, modal, past tense or negation, or a verb in -s right after its subject ("Clinton
    // leads"), before the first comma: plural nouns and capitalized names ("Clean Rivers") are not taken for verbs.
    private bool HasClauseVerb(int from, int b)
    {
        for (var t = from; t < b; t++)
        {
            // Only the first clause counts: in "passed the budget, and the markets moved" the verb is another clause's.
            if (ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is ',' or ';' or ':' or '\u2014' or '(')
            {
                return false;
            }

            if (!ctx.IsWord(t) || char.IsUpper(ctx.First(t)))
            {
                continue;
            }

            var w = ctx.LowerWord(t).Replace('\u2019', '\'');
            // An object and its infinitive is a small clause: "expect Clinton to win".
            if (w == "to" && t > from && t <= from + 4 && ctx.IsWord(t + 1) && !char.IsUpper(ctx.First(t + 1)))
            {
                return true;
            }

            if (ClauseWords.Auxiliaries.Contains(w) || ClauseWords.IrregularPast.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal)
                || w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal))
            {
                return true;
            }

            if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !ClauseWords.NotVerbsInS.Contains(w)
                && t > from && ctx.IsWord(t - 1) && (char.IsUpper(ctx.First(t - 1)) || ctx.LowerWord(t - 1) is "he" or "she" or "it" or "who" or "that"))
            {
                return true;
            }
        }

        return false;
    }

    // The subject ends before the auxiliaries, negation and adverbs of the cue: "he's claiming", "Trump has sharply
    // criticized".
    private int SkipAuxiliaries(int cue, int lo)
    {
        var end = cue;
        while (end > lo && ctx.IsWord(end - 1) && IsAuxiliaryOrAdverb(ctx.Word(end - 1)))
        {
            end--;
        }

        return end;
    }

    private static bool IsAuxiliaryOrAdverb(string word)
        => word.ToLowerInvariant().Replace('\u2019', '\'') is var w
           && (ClauseWords.Auxiliaries.Contains(w) || w is "'s" or "'re" or "'ve" or "'ll" or "'d" or "not" or "n't" or "never"
                   or "also" or "still" or "even" or "yet" or "then" or "again" or "repeatedly"
               || w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal));

    // Any short noun phrase right before the cue: "the polls", "a new study".
    private SpeakerPhrase? Generic(int from, int to)
    {
        var start = to;
        while (start > from && to - start < MaxGenericSource && (ctx.IsWord(start - 1) || ctx.Tokens[start - 1].Kind == TokenKind.Number))
        {
            start--;
        }

        while (start < to && ctx.IsWord(start) && LeadingLinks.Contains(ctx.Word(start)))
        {
            start++;
        }

        var end = start < to ? SubjectEnd(start, to) : -1;
        return end > start ? new SpeakerPhrase(Span(start, end - 1), PhraseKind.Description, null, ["group"], false) : null;
    }

    // The noun phrase that opens the words before a cue, up to the first verb, infinitive marker or clause word: "the
    // president declined to threaten" → "the president", "his best response was to say" → "his best response". No
    // noun phrase at all (-1): a prepositional phrase ("in creating a …"), a gerund ("including the one"), a dummy
    // subject ("It's worth noting").
    private int SubjectEnd(int start, int to)
    {
        var first = ctx.LowerWord(start).Replace('\u2019', '\'');
        if (ClauseBounds.IsPreposition(first) || ClauseWords.Auxiliaries.Contains(first) || first.EndsWith("ing", StringComparison.Ordinal)
            || first is "it's" or "yet" or "not" or "let" or "don't" or "there")
        {
            return -1;
        }

        var end = start;
        while (end < to && !EndsNounPhrase(end))
        {
            end++;
        }

        while (end > start && ctx.LowerWord(end - 1) is "of" or "and" or "or")
        {
            end--;
        }

        return end;
    }

    private bool EndsNounPhrase(int t)
    {
        if (ctx.Tokens[t].Kind == TokenKind.Number)
        {
            return false;
        }

        var w = ctx.LowerWord(t).Replace('\u2019', '\'');
        return ClauseWords.Auxiliaries.Contains(w) || w is "to" or "that" or "which" or "whether" or "what" or "who" or "'s"
               || w != "of" && ClauseBounds.IsPreposition(w)
               || w.Length > 3 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal))
               || !char.IsUpper(ctx.First(t)) && (lexicon.VerbTraitsOf(w) != VerbTraits.None || learnedCues.Contains(w));
    }

    private FeatureVector Features(ReportCandidate c, int a, int b, VerbTraits traits, bool learned, int ruleQuotes)
    {
        var cue = ctx.LowerWord(c.CueFirst);
        var dir = c.Trailing ? "back" : "fwd";
        var prev = c.CueFirst > a ? Shape(c.CueFirst - 1) : "<s>";
        var prev2 = c.CueFirst - 1 > a ? Shape(c.CueFirst - 2) : "<s>";
        var next = c.CueLast + 1 < b ? Shape(c.CueLast + 1) : "</s>";
        var next2 = c.CueLast + 2 < b ? Shape(c.CueLast + 2) : "</s>";
        var source = c.Source switch
        {
            null => "none",
            { Mention: { } m } => SourceNames[m.Entity.Type],
            { Roles: ["group"] } => "generic",
            { Kind: var k } => k.ToString(),
        };
        var head = c.Source is { } s ? LastWord(s.Span) : "-";
        var words = clauses.Words(c.Content);
        var length = words switch { < 5 => "<5", < 10 => "<10", < 20 => "<20", < 35 => "<35", _ => "35+" };
        var position = (c.CueFirst - a) switch { 0 => "0", < 4 => "<4", < 10 => "<10", _ => "10+" };
        var tail = b - c.CueLast - 1;
        var hasMark = HasDoubleMark(c.Content);
        var kindOfCue = traits == VerbTraits.None ? "learned" : (traits & VerbTraits.Speech) != 0 ? "speech" : (traits & VerbTraits.Cognition) != 0 ? "belief" : "other";
        var firstContent = ctx.TokenFrom(c.Content.Start);
        var f = _features;
        f.Add("bias");
        f.Add($"dir={dir}");
        f.Add($"cue={cue}");
        f.Add($"cue={cue}|{dir}");
        f.Add($"sfx={Suffix(cue)}|{dir}");
        f.Add($"kind={kindOfCue}|{dir}");
        f.Add($"learned={learned}");
        f.Add($"prev={prev}");
        f.Add($"prev2={prev2}|{prev}");
        f.Add($"next={next}");
        f.Add($"next2={next}|{next2}");
        f.Add($"cue|next={cue}|{next}");
        f.Add($"cue|prev={cue}|{prev}");
        f.Add($"src={source}|{dir}");
        f.Add($"src={source}|{cue}");
        f.Add($"head={head}");
        f.Add($"len={length}|{dir}");
        f.Add($"pos={position}|{dir}");
        f.Add($"tail={Math.Min(tail, 6)}|{dir}");
        f.Add($"mark={hasMark}");
        f.Add($"rules={Math.Min(ruleQuotes, 2)}");
        f.Add($"c1={(firstContent < b ? Shape(firstContent) : "-")}");
        f.Add($"that={(next == "that")}");
        f.Add($"np={c.NounPhrase}|{kindOfCue}");
        f.Add($"np={c.NounPhrase}|{cue}");
        f.Add($"nominal={c.Nominal}|{source}");
        f.Add($"nominal={c.Nominal}|{cue}");
        return f.Take();
    }

    // The lower-cased word, or a class for names, numbers and punctuation.
    private string Shape(int t)
    {
        var token = ctx.Tokens[t];
        return token.Kind switch
        {
            TokenKind.Word when char.IsUpper(ctx.First(t)) && ctx.MentionAt(t) is { } m => ShapeNames[m.Entity.Type],
            TokenKind.Word => ctx.LowerWord(t),
            TokenKind.Number => "NUM",
            TokenKind.QuoteMark => "QUOTE",
            _ => ctx.Word(t),
        };
    }

    private string LastWord(TextSpan span)
    {
        var t = ctx.TokenFrom(span.End) - 1;
        return t >= 0 ? Shape(t) : "-";
    }

    private bool HasDoubleMark(TextSpan span)
    {
        foreach (var ch in ctx.Text.AsSpan(span.Start, span.Length))
        {
            if (QuoteMarks.IsDoubleMark(ch))
            {
                return true;
            }
        }

        return false;
    }

    private static string Suffix(string word)
        => word.EndsWith("ing", StringComparison.Ordinal) ? "ing"
            : word.EndsWith("ed", StringComparison.Ordinal) ? "ed"
            : word.EndsWith('s') ? "s"
            : "base";

    private TextSpan Span(int first, int last) => new(ctx.Tokens[first].Start, ctx.Tokens[last].End);
}
