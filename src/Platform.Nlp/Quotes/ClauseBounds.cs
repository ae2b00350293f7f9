using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Where a reported clause begins and ends inside a sentence, shared by every reported-speech pattern: the start of
/// the clause after a cue ("said (that) …", "told reporters …", "accused X of …"), its end (the sentence end, a
/// coordinated second report, a second speaker's report), and the small tests the patterns need (a finite verb, a
/// title dot, a role word).
/// </summary>
internal sealed class ClauseBounds(ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases)
{
    /// <summary>Fewest words of a reported clause after its cue.</summary>
    public const int MinContentWords = 3;

    /// <summary>Fewest words of a reported clause before its attribution ("…, she said.").</summary>
    public const int MinLeadingContentWords = 4;

    /// <summary>Fewest words of a fragment in marks that makes a reported clause mixed.</summary>
    public const int MinFragmentWords = 3;

    // How far after the cue a complementizer "that" may stand.
    private const int MaxThatDistance = 14;

    /// <summary>
    /// A second reporting verb sharing the subject of the clause that <see cref="ContentSpan"/> cut last: "He said A
    /// and said that B". The caller reads it and clears it.
    /// </summary>
    public Cue? Coordinated { get; set; }

    // Where the reported clause begins after the cue, or -1 when the verb has no clause ("said in a statement.").
    // "said the vote showed that …": a past-tense verb after a short noun phrase that opens right after the cue is the
    // clause's own verb. ("said in a statement released Monday that …" opens with a preposition and goes on.)
    private bool IsPastVerbAfterSubject(int k, int t)
    {
        var word = ctx.Word(t);
        if (t - k is < 1 or > 4 || word.Length < 5 || !word.EndsWith("ed", StringComparison.Ordinal) || !ctx.IsWord(k)
            || !(SubjectOpeners.Contains(ctx.Word(k)) || char.IsUpper(ctx.First(k))))
        {
            return false;
        }

        for (var j = k; j < t; j++)
        {
            if (!ctx.IsWord(j) || IsPreposition(ctx.Word(j)))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> SubjectOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "most", "many",
    };

    /// <summary>
    /// Whether token <paramref name="t"/> opens an infinitive: "to" and then a lower-case word that is no article,
    /// pronoun or quantity ("to patrol the area", not "to reporters" or "to the council").
    /// </summary>
    public bool IsInfinitive(int t)
    {
        if (!ctx.IsWord(t) || !ctx.Word(t).Equals("to", StringComparison.OrdinalIgnoreCase) || !ctx.IsWord(t + 1))
        {
            return false;
        }

        var next = ctx.Word(t + 1);
        return char.IsLower(next[0]) && !SubjectOpeners.Contains(next) && !next.EndsWith('s')
               && next.ToLowerInvariant() is not ("him" or "them" or "us" or "me" or "it" or "that" or "which" or "what"
                   or "all" or "any" or "both" or "more" or "date" or "reporters" or "journalists");
    }

    public int ContentStart(Cue cue, int b)
    {
        var k = cue.Last + 1;
        if (k >= b)
        {
            return -1;
        }

        if ((cue.Traits & VerbTraits.Accusation) != 0)
        {
            for (var t = k; t < b && t <= k + 8; t++)
            {
                if (ctx.IsWord(t) && ctx.Word(t) is "of" or "for")
                {
                    var s = t + 1;
                    while (s < b && ctx.IsWord(s) && ClauseWords.Hedges.Contains(ctx.Word(s)))
                    {
                        s++;
                    }

                    return s < b ? s : -1;
                }
            }

            return -1;
        }

        for (var t = k; t < b && t <= k + MaxThatDistance; t++)
        {
            if (ctx.Tokens[t].Kind == TokenKind.Punctuation && ctx.First(t) is ';' or ':' or '.' || ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                break;
            }

            if (ctx.IsWord(t) && ctx.Word(t) == "that")
            {
                // A complementizer opens a clause; a pronoun "that" at the end ("to accomplish that.") does not.
                if (t + 3 < b && !(ctx.IsWord(t + 1) && cues.At(t + 1) is not null))
                {
                    return t + 1;
                }

                break;
            }

            if (ctx.IsWord(t) && cues.At(t) is not null)
            {
                break;
            }

            // The clause has begun already ("said she had seen waves that high"): a later "that" belongs to it.
            if (ctx.IsWord(t) && (IsAuxiliaryOrIrregularPast(ctx.Word(t)) || ctx.Word(t) is "he" or "she" or "they" or "we" or "I" or "you"
                                  || IsPastVerbAfterSubject(k, t)))
            {
                break;
            }
        }

        if (Request(cue, k, b) is var request and >= 0)
        {
            return request;
        }

        if ((cue.Traits & VerbTraits.Addressee) != 0)
        {
            // Step over the addressee: "told reporters", "told CNN", "assured him".
            if (ctx.MentionAt(k) is { } m)
            {
                k = ctx.TokenFrom(m.Span.End);
            }
            else
            {
                var n = 0;
                while (k < b && n < 3 && ctx.IsWord(k))
                {
                    if (n > 0 && ctx.MentionAt(k) is { } named && named.Span.Start == ctx.Tokens[k].Start)
                    {
                        // "told the Gazette", "told the Harbour Board": a name after the article.
                        k = ctx.TokenFrom(named.Span.End);
                        n++;
                        break;
                    }

                    if (!ClauseWords.ObjectWords.Contains(ctx.Word(k)))
                    {
                        break;
                    }

                    k++;
                    n++;
                }

                if (n == 0)
                {
                    return -1;
                }
            }
        }

        // "said Tuesday his actions …", "said on Monday the plan …": step over a time expression.
        k = SkipTime(k, b);
        if (k >= b || ctx.Tokens[k].Kind == TokenKind.QuoteMark)
        {
            return -1;
        }

        if ((cue.Traits & VerbTraits.NounContent) != 0 && ctx.IsWord(k) && ctx.Word(k) is "for" or "on" && ctx.IsWord(k + 1))
        {
            return k + 1; // "called for an inquiry", "called on Congress to act"
        }

        if ((cue.Traits & VerbTraits.NounContent) != 0 && ctx.IsWord(k) && !IsPreposition(ctx.Word(k)))
        {
            return k;
        }

        if ((cue.Traits & VerbTraits.Question) != 0)
        {
            // A reported question: "asked (him) whether …", "asks why …".
            for (var t = k; t < b && t <= k + 4; t++)
            {
                if (ctx.IsWord(t) && ctx.Word(t) is "whether" or "if" or "why" or "how" or "what" or "when" or "where" or "who")
                {
                    return t + 2 < b ? t : -1;
                }
            }
        }

        if (!ctx.IsWord(k) && ctx.Tokens[k].Kind != TokenKind.Number)
        {
            return -1;
        }

        var w = ctx.Word(k);
        // "said about half of the damage …": an approximate quantity, not a preposition.
        var quantity = w.Equals("about", StringComparison.OrdinalIgnoreCase)
                       && (ctx.Has(k + 1) && ctx.Tokens[k + 1].Kind == TokenKind.Number || ctx.Word(k + 1) is "half" or "a" or "one" or "two" or "three");
        if (ClauseWords.NotClauseStarts.Contains(w) || IsPreposition(w) && !quantity || ctx.Tokens[k].Kind == TokenKind.Number && !ClauseWords.ClauseStarters.Contains(w) && !HasFiniteVerb(k, b))
        {
            return -1;
        }

        // A clause needs a verb after its subject; "said the expert." has none. Speech verbs take a bare clause
        // ("says referees are …"); other verbs only one that starts like a clause.
        if ((cue.Traits & VerbTraits.Speech) == 0 && !ClauseWords.ClauseStarters.Contains(w) && ctx.MentionAt(k) is null)
        {
            return -1;
        }

        // "say they use the ferry": a subject pronoun followed by a word is a clause even in the plain present.
        var pronounClause = w.ToLowerInvariant() is "they" or "we" or "i" or "you" && ctx.IsWord(k + 1) && k + 2 < b;
        return pronounClause || HasFiniteVerb(k, b) ? k : -1;
    }

    // A promise or a request with an infinitive: "vowed to appeal the ruling" (the content starts at "to"),
    // "urged voters to stay home", "asked the council to delay the vote" (it starts at the person asked).
    private int Request(Cue cue, int k, int b)
    {
        if ((cue.Traits & VerbTraits.Promise) != 0)
        {
            return ctx.Word(k) == "to" && ctx.IsWord(k + 1) && !IsPreposition(ctx.Word(k + 1)) && k + 2 < b ? k : -1;
        }

        if ((cue.Traits & VerbTraits.Request) == 0 || !ctx.IsWord(k) || IsPreposition(ctx.Word(k)))
        {
            return -1;
        }

        for (var t = k + 1; t < b && t <= k + 6; t++)
        {
            if (ctx.Word(t) == "to" && ctx.IsWord(t + 1) && !IsPreposition(ctx.Word(t + 1)) && t + 2 < b)
            {
                return k;
            }

            if (!ctx.IsWord(t) && !IsTitleDot(t) || cues.At(t) is not null || ctx.Word(t) is "that" or "and" or "or" or "but")
            {
                return -1;
            }
        }

        return -1;
    }

    public int SkipTime(int k, int b)
    {
        var start = k;
        if (ctx.IsWord(k) && ctx.Word(k) is "on" or "last" or "this" or "late" or "early" or "earlier" && ctx.IsWord(k + 1)
            && ClauseWords.TimeWords.Contains(ctx.Word(k + 1)))
        {
            k += 2;
        }
        else if (ctx.IsWord(k) && ClauseWords.TimeWords.Contains(ctx.Word(k)))
        {
            k++;
        }

        if (k > start && ctx.IsPunct(k, ','))
        {
            k++;
        }

        return k < b ? k : start;
    }

    public bool HasFiniteVerb(int from, int b)
    {
        for (var t = from + 1; t < b; t++)
        {
            if (ctx.IsWord(t) && (IsFiniteVerb(ctx.Word(t))
                                  || ctx.Word(t) is "'s" or "\u2019s" && ctx.LowerWord(t - 1) is "he" or "she" or "it" or "that" or "there" or "what" or "who"))
            {
                return true;
            }
        }

        return false;
    }

    // An auxiliary, a modal, a regular past or third-person form, or a common irregular past tense.
    private static bool IsFiniteVerb(string word)
    {
        var w = word.ToLowerInvariant().Replace('\u2019', '\'');
        return w.EndsWith("n't", StringComparison.Ordinal) || ClauseWords.Auxiliaries.Contains(w) || ClauseWords.IrregularPast.Contains(w)
               || w is "he's" or "she's" or "it's" or "that's" or "there's" or "what's" or "who's"
               || w.EndsWith("'re", StringComparison.Ordinal) || w.EndsWith("'m", StringComparison.Ordinal)
               || w.EndsWith("'ve", StringComparison.Ordinal) || w.EndsWith("'ll", StringComparison.Ordinal)
               || w.EndsWith("'d", StringComparison.Ordinal)
               || w.Length > 3 && !ClauseWords.NotVerbsInS.Contains(w)
               && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal));
    }

    private static bool IsAuxiliaryOrIrregularPast(string word)
        => word.ToLowerInvariant().Replace('\u2019', '\'') is var w && (ClauseWords.Auxiliaries.Contains(w) || ClauseWords.IrregularPast.Contains(w));

    // The clause from token `from` to the end of the sentence (before token b), without the final period.
    public TextSpan? ContentSpan(int from, int to)
    {
        if (from >= to || from < 0)
        {
            return null;
        }

        while (from < to && ctx.Tokens[from].Kind == TokenKind.Punctuation && ctx.First(from) is ',' or '-' or '\u2014')
        {
            from++;
        }

        var last = to - 1;
        while (last >= from && ctx.Tokens[last].Kind == TokenKind.Punctuation && ctx.First(last) is '.' or ',' or ';' or ':' or '!')
        {
            last--;
        }

        if (last < from)
        {
            return null;
        }

        // A coordinated second report ends the clause: "… of Venezuela, and also once again accused Moscow".
        for (var t = from + 2; t <= last; t++)
        {
            if (ctx.IsWord(t) && ctx.Word(t) == "and")
            {
                var v = t + 1;
                while (v <= last && ctx.IsWord(v) && ClauseWords.Hedges.Contains(ctx.Word(v)) || v <= last && ctx.IsWord(v) && ctx.Word(v) is "also" or "once" or "again" or "later" or "then")
                {
                    v++;
                }

                if (v <= last && cues.At(v) is { AccordingTo: false } coordinated && !ctx.Word(v).EndsWith('s'))
                {
                    last = ctx.IsPunct(t - 1, ',') ? t - 2 : t - 1;
                    Coordinated = coordinated;
                    break;
                }
            }

            // A second speaker's report: "…, and the mayor said …", "…, but Ms. Brandt says …".
            if (ctx.IsWord(t) && (ctx.Word(t) is "and" or "but" && ctx.IsPunct(t - 1, ',') || ctx.Word(t) is "but") && SecondReport(t + 1, last))
            {
                last = ctx.IsPunct(t - 1, ',') ? t - 2 : t - 1;
                break;
            }
        }

        return last < from ? null : new TextSpan(ctx.Tokens[from].Start, ctx.Tokens[last].End);
    }

    // A subject right after the conjunction and a speech verb with a clause of its own after it.
    private bool SecondReport(int from, int last)
    {
        for (var v = from + 1; v <= last && v <= from + 6; v++)
        {
            if (!ctx.IsWord(v) && !IsTitleDot(v) && ctx.Tokens[v].Kind != TokenKind.Number)
            {
                return false;
            }

            if (cues.At(v) is { AccordingTo: false } cue && (cue.Traits & VerbTraits.Speech) != 0
                && !ctx.Word(v).EndsWith("ing", StringComparison.Ordinal)
                && phrases.Before(v, from) is { } subject && ctx.TokenFrom(subject.Span.Start) <= from + 2
                && ContentStart(cue, last + 1) > 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool HasQuoteMark(TextSpan span)
    {
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= span.End; t++)
        {
            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                return true;
            }
        }

        return false;
    }

    public int Words(TextSpan span)
    {
        var n = 0;
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= span.End; t++)
        {
            n += ctx.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    public int NextComma(int from, int b)
    {
        for (var t = from; t < b; t++)
        {
            if (ctx.IsPunct(t, ','))
            {
                return t;
            }

            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark)
            {
                return -1;
            }
        }

        return -1;
    }

    public bool IsRoleStart(int t)
    {
        var k = t;
        if (ctx.IsWord(k) && ctx.Word(k) is "the" or "a" or "an" or "its" or "his" or "her" or "former" or "First" or "first")
        {
            k++;
        }

        for (var n = 0; n < 4 && k + n < ctx.Tokens.Count && ctx.IsWord(k + n); n++)
        {
            // ", she said, are the only report …": a verb before the noun makes it the clause's object, not a role.
            if (IsAuxiliaryOrIrregularPast(ctx.Word(k + n)))
            {
                return false;
            }

            if (QuoteLexicon.Default.RolesOf(ctx.Word(k + n), out _) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // The dot of "Mr." or "Sen." inside a speaker phrase, not the end of a sentence.
    public bool IsTitleDot(int t) => ctx.IsPunct(t, '.') && !ctx.EndsSentence(t);

    public static bool IsPreposition(string w) => w.ToLowerInvariant() is "in" or "on" or "at" or "to" or "for" or "by"
        or "with" or "from" or "during" or "after" or "before" or "about" or "via" or "through" or "as" or "that";
}
