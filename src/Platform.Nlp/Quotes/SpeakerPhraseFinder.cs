using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Finds the phrase that names the speaker next to a reporting verb: before it ("Zakharova said", "the expert noted",
/// "the head of Rostec, Sergey Chemezov, said") or after it ("said the expert", "wrote Arreas on his Twitter page").
/// A person named inside the phrase wins over an organization, which wins over a pronoun or a role description.
/// </summary>
internal sealed class SpeakerPhraseFinder(ArticleContext ctx, QuoteLexicon lexicon)
{
    // Words that may stand between a subject and its verb: "Moscow has repeatedly stressed".
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "later", "then", "has", "have", "had", "repeatedly", "once", "again", "previously", "earlier",
        "further", "reportedly", "recently", "was", "were", "is", "are", "had", "would", "will", "could", "may",
        "might", "has", "already", "still", "even", "just", "only", "publicly", "privately", "firmly", "flatly",
        "quickly", "often", "frequently", "never", "always", "clearly", "bluntly", "simply", "finally", "first",
        "last", "too", "subsequently", "separately", "specifically", "directly", "however", "indeed", "now",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "him", "her", "them", "it", "we", "i",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "during", "after", "before", "to", "with", "from", "via", "through", "for", "about",
        "while", "when", "since", "by", "into", "over", "amid", "following", "speaking", "citing", "according",
    };

    private static readonly HashSet<string> WindowStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "and", "but", "or", "while", "when", "because", "if", "as", "than", "so",
        "said", "says", "told",
    };

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>The subject that ends right before the cue token, not before token <paramref name="lo"/>.</summary>
    public SpeakerPhrase? Before(int cue, int lo)
    {
        var j = cue - 1;
        while (j >= lo && ctx.IsWord(j) && Adverbs.Contains(ctx.Word(j)))
        {
            j--;
        }

        if (j >= lo && ctx.IsPunct(j, ')'))
        {
            // "Rep. Gwen Moore (D-Wis.) said": step over the parenthesis.
            var open = j - 1;
            while (open >= lo && open > j - 12 && !ctx.IsPunct(open, '('))
            {
                open--;
            }

            if (open >= lo && ctx.IsPunct(open, '('))
            {
                j = open - 1;
            }
        }

        if (j < lo)
        {
            return null;
        }

        if (ctx.IsPunct(j, ','))
        {
            // An appositive or an aside between subject and verb: "the head of Rostec, Sergey Chemezov, said",
            // "Pompeo, during talks with Lavrov, accused". Look at up to two comma segments, skipping asides.
            var end = j;
            SpeakerPhrase? fallback = null;
            // Five segments cover an age and a home town: "Ana Ruiz, 29, of Tulsa, Okla., said".
            for (var segment = 0; segment < 5 && end > lo; segment++)
            {
                var start = end - 1;
                while (start >= lo && !ctx.IsPunct(start, ',') && !IsHardStop(start))
                {
                    start--;
                }

                var from = start + 1;
                // A relative clause between subject and verb is an aside: "A spokesperson for the company, who asked
                // not to be named, said".
                var relative = from < end && ctx.IsWord(from) && ctx.LowerWord(from) is "who" or "which" or "whose";
                if (from < end && !relative && !(ctx.IsWord(from) && Prepositions.Contains(ctx.Word(from))))
                {
                    var found = InWindow(from, end, preferRight: true);
                    if (found is { Kind: PhraseKind.Name, Mention.Entity.Type: EntityType.Person })
                    {
                        return found;
                    }

                    fallback ??= found;
                }

                if (start < lo || !ctx.IsPunct(start, ','))
                {
                    break;
                }

                end = start;
            }

            return fallback;
        }

        var first = j;
        while (first - 1 >= lo && j - first < 12 && !IsHardStop(first - 1) && !ctx.IsPunct(first - 1, ',')
               && !(ctx.IsWord(first - 1) && WindowStops.Contains(ctx.Word(first - 1))))
        {
            first--;
        }

        var phrase = InWindow(first, j + 1, preferRight: true);
        if (phrase is { Kind: PhraseKind.Description } && phrase.Span.End < ctx.Tokens[j].Start && IsAttachment(phrase.Span.End, j))
        {
            // "a spokeswoman for Norvik Holdings said", "officials at the Department of Transportation said": the
            // description's head is the subject and the phrase after it belongs to it.
            phrase = phrase with { Span = new TextSpan(phrase.Span.Start, ctx.Tokens[j].End) };
        }

        // A pronoun or a description must sit right at the verb; a name may carry a title before it.
        return phrase is null || phrase.Kind == PhraseKind.Name || phrase.Span.End >= ctx.Tokens[j].Start ? phrase : null;
    }

    private static readonly HashSet<string> AttachingPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "at", "of", "from", "with", "in",
    };

    // Whether the tokens after a description, up to token `last`, are one prepositional phrase attached to it: a
    // preposition and then at most six words (names, nouns, numbers), none a verb of its own.
    private bool IsAttachment(int descriptionEnd, int last)
    {
        var t = ctx.TokenFrom(descriptionEnd);
        if (t >= last || !ctx.IsWord(t) || !AttachingPrepositions.Contains(ctx.Word(t)) || last - t > 7)
        {
            return false;
        }

        // "in many cases", "with reporters" are adverbials; "in the Ministry of Transport" names where the speaker works.
        var preposition = ctx.LowerWord(t);
        if (preposition is "in" or "with" && !Enumerable.Range(t + 1, last - t).Any(k => ctx.IsWord(k) && char.IsUpper(ctx.First(k))))
        {
            return false;
        }

        for (var k = t + 1; k <= last; k++)
        {
            var joined = ctx.Tokens[k].Kind == TokenKind.Punctuation && ctx.First(k) is '&' or '-' or '.' or '\''
                         && ctx.Tokens[k - 1].End == ctx.Tokens[k].Start;
            var word = ctx.IsWord(k)
                       && (ctx.MentionAt(k) is not null || !NotNouns.Contains(ctx.Word(k))
                           || k == t + 1 && ctx.Word(k).Equals("the", StringComparison.OrdinalIgnoreCase));
            if (!(word || ctx.Tokens[k].Kind == TokenKind.Number || joined))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The subject right after the cue ("said the expert"), up to token <paramref name="hi"/>.</summary>
    public SpeakerPhrase? After(int cue, int hi)
    {
        var k = cue + 1;
        if (k >= hi || ctx.IsWord(k) && Prepositions.Contains(ctx.Word(k)))
        {
            return null; // "said in a statement": a channel, not a speaker
        }

        var end = k;
        var usedComma = false;
        while (end < hi && end - k < 20)
        {
            if (IsHardStop(end))
            {
                break;
            }

            if (ctx.IsPunct(end, ','))
            {
                // "said the chairman of the committee, Alexander Sherin, in an interview"
                if (!usedComma && end + 1 < hi && ctx.MentionAt(end + 1) is { Entity.Type: EntityType.Person })
                {
                    usedComma = true;
                    end++;
                    continue;
                }

                break;
            }

            if (ctx.IsWord(end) && end > k)
            {
                var w = ctx.Word(end);
                if (WindowStops.Contains(w))
                {
                    break;
                }

                if (Prepositions.Contains(w))
                {
                    // A capitalized name continues the phrase ("Committee on Defense"); a channel or date does not.
                    var next = end + 1 < hi && ctx.IsWord(end + 1) ? ctx.Word(end + 1) : "";
                    var continues = w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("for", StringComparison.OrdinalIgnoreCase)
                        ? next.Length > 0 && char.IsUpper(next[0]) && !Months.Contains(next) && !lexicon.Channels.ContainsKey(next)
                        : false;
                    if (!continues)
                    {
                        break;
                    }
                }
            }

            end++;
        }

        if (end <= k)
        {
            return null;
        }

        var phrase = InWindow(k, end, preferRight: false);
        if (phrase is null && Determiners.Contains(ctx.Word(k)) && ctx.IsWord(k + 1))
        {
            // "said the 46-year-old": a noun phrase without a known role still names the speaker.
            var last = Math.Min(end, k + 5) - 1;
            while (last > k && !ctx.IsWord(last))
            {
                last--;
            }

            return new SpeakerPhrase(new TextSpan(ctx.Tokens[k].Start, ctx.Tokens[last].End), PhraseKind.Description, null, ["group"], false);
        }

        return phrase is null || phrase.Kind == PhraseKind.Name || phrase.Span.Start <= ctx.Tokens[k].End ? phrase : null;
    }

    /// <summary>The best speaker phrase among tokens [from, to).</summary>
    public SpeakerPhrase? InWindow(int from, int to, bool preferRight)
    {
        if (from >= to)
        {
            return null;
        }

        var lo = ctx.Tokens[from].Start;
        var hi = ctx.Tokens[to - 1].End;
        MentionRef? best = null;
        var bestRank = int.MaxValue;
        foreach (var m in ctx.Mentions)
        {
            if (m.Span.Start < lo || m.Span.End > hi)
            {
                continue;
            }

            // "the Ohio-based food maker": a name inside a hyphenated modifier is no speaker.
            var rank = IsHyphenatedModifier(m) ? -1 : RankOf(m);
            if (rank < 0)
            {
                continue;
            }

            if (rank < bestRank || rank == bestRank && preferRight)
            {
                best = m;
                bestRank = rank;
            }
        }

        if (best is { } owner && Possessed(owner, to) is { } possessed)
        {
            return possessed;
        }

        // "the head of the Foreign Ministry", "a lawyer for Ada Brook": a person named through someone else.
        if (best is { } b && (bestRank == 0 && !AfterPreposition(b.Span.Start) || !StartsWithPersonRole(from, b.Span.Start)))
        {
            return new SpeakerPhrase(b.Span, PhraseKind.Name, b, null, false);
        }

        if (best is not null)
        {
            // "the head of the Foreign Ministry", "the Minister's words": a person described through an organization.
            return Description(from, to);
        }

        var edge = preferRight ? to - 1 : from;
        if (preferRight && ctx.IsWord(edge) && ctx.Word(edge) is "who")
        {
            // "…, Senator X, who said": the relative pronoun names the speaker; it resolves to the person before it.
            return new SpeakerPhrase(ctx.Tokens[edge].Span, PhraseKind.Pronoun, null, null, false);
        }

        if (ctx.IsWord(edge) && Pronouns.Contains(ctx.Word(edge)))
        {
            var w = ctx.LowerWord(edge);
            return new SpeakerPhrase(ctx.Tokens[edge].Span, PhraseKind.Pronoun, null, null, w is "they" or "them" or "we");
        }

        return Description(from, to) ?? (preferRight ? GenericSubject(from, to) : null);
    }

    // "Ada Brook's lawyer said", "Scott's family said": a name in the possessive with a noun after it names whose the
    // speaker is, not the speaker. The speaker is a name after it ("Trump's Treasury Department"), else the
    // description that runs from the possessor to the window's end.
    private SpeakerPhrase? Possessed(MentionRef owner, int to)
    {
        var end = owner.Span.End;
        var text = ctx.Text;
        var apostrophe = end < text.Length && text[end] is '\'' or '\u2019';
        var suffix = apostrophe && end + 1 < text.Length && text[end + 1] is 's' or 'S' ? 2 : apostrophe && text[end - 1] is 's' ? 1 : 0;
        if (suffix == 0 || end + suffix < text.Length && char.IsLetterOrDigit(text[end + suffix]))
        {
            return null;
        }

        var next = ctx.TokenFrom(end + suffix);
        var last = to - 1;
        while (last >= next && !ctx.IsWord(last))
        {
            last--;
        }

        if (last < next)
        {
            return null;
        }

        var lo = ctx.Tokens[next].Start;
        var hi = ctx.Tokens[last].End;
        foreach (var m in ctx.Mentions)
        {
            if (m.Span.Start >= lo && m.Span.End <= hi && RankOf(m) is 0 or 1)
            {
                return new SpeakerPhrase(m.Span, PhraseKind.Name, m, null, false);
            }
        }

        var description = Description(next, to);
        if (description is null ? !IsShortNounPhrase(next, last) : description.Span.End < ctx.Tokens[last].Start)
        {
            return null; // "Kadzik's refusal to answer": the possessed noun phrase does not reach the window's end
        }

        var roles = description?.Roles ?? ["group"];
        var plural = description?.Plural ?? ctx.Word(last).EndsWith('s');
        var phraseEnd = description?.Span.End ?? hi;
        return new SpeakerPhrase(new TextSpan(owner.Span.Start, phraseEnd), PhraseKind.Description, null, roles, plural, owner);
    }

    // Up to three words, none a function word: "family", "former campaign manager".
    private bool IsShortNounPhrase(int first, int last)
    {
        if (last - first > 2)
        {
            return false;
        }

        for (var t = first; t <= last; t++)
        {
            var w = ctx.IsWord(t) ? ctx.Word(t) : "";
            if (w.Length == 0 || NotNouns.Contains(w) || Determiners.Contains(w) || Prepositions.Contains(w)
                || WindowStops.Contains(w) || Adverbs.Contains(w))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "some", "many",
        "most", "several", "both", "all", "other", "few", "another", "each", "one",
    };

    private static readonly HashSet<string> NotNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "not", "also", "who", "which", "that", "it",
        "this", "there", "he", "she", "they", "we", "i", "you", "and", "or", "but", "to", "of", "in", "on", "at",
    };

    // Any other noun phrase right before the verb: "critics say", "the statement said", "47 percent said".
    private SpeakerPhrase? GenericSubject(int from, int to)
    {
        var head = to - 1;
        if (Quantity(from, head) is { } quantity)
        {
            return quantity;
        }

        if (!ctx.IsWord(head) || NotNouns.Contains(ctx.Word(head)) || Determiners.Contains(ctx.Word(head))
            || Prepositions.Contains(ctx.Word(head)) || ctx.Word(head).EndsWith("ly", StringComparison.Ordinal))
        {
            return null;
        }

        var start = head;
        while (start - 1 >= from && head - start < 5 && (ctx.IsWord(start - 1) || ctx.Tokens[start - 1].Kind == TokenKind.Number)
               && !NotNouns.Contains(ctx.Word(start - 1)) || start - 1 >= from && Determiners.Contains(ctx.Word(start - 1)))
        {
            start--;
            if (Determiners.Contains(ctx.Word(start)))
            {
                break;
            }
        }

        if (ctx.IsWord(start - 1) && ctx.Word(start - 1) == "of" && start - 2 >= from && ctx.IsWord(start - 2)
            && ctx.Word(start - 2).EndsWith('s') && !NotNouns.Contains(ctx.Word(start - 2)))
        {
            // "several supporters of reform said": the head noun comes before "of".
            start -= 2;
            while (start - 1 >= from && start > head - 8 && ctx.IsWord(start - 1) && !NotNouns.Contains(ctx.Word(start - 1))
                   && !Prepositions.Contains(ctx.Word(start - 1)))
            {
                start--;
                if (Determiners.Contains(ctx.Word(start)))
                {
                    break;
                }
            }

            if (ctx.IsWord(start - 1) && Prepositions.Contains(ctx.Word(start - 1)))
            {
                return null;
            }

            return new SpeakerPhrase(new TextSpan(ctx.Tokens[start].Start, ctx.Tokens[head].End), PhraseKind.Description, null, ["group"], true);
        }

        if (ctx.IsWord(start - 1) && Prepositions.Contains(ctx.Word(start - 1)))
        {
            return null; // "in the past described": the object of a preposition is no subject
        }

        var first = ctx.Word(start);
        var plural = ctx.Word(head).EndsWith('s');
        if (!Determiners.Contains(first) && !plural && ctx.Tokens[start].Kind != TokenKind.Number && !char.IsUpper(first.FirstOrDefault()))
        {
            return null;
        }

        return new SpeakerPhrase(new TextSpan(ctx.Tokens[start].Start, ctx.Tokens[head].End), PhraseKind.Description, null, ["group"], plural);
    }

    private static readonly HashSet<string> QuantityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "most", "many", "some", "half", "few", "several", "majority", "others", "none", "both",
    };

    // A share of the people asked, as the subject of a poll answer: "most said", "six in 10 said", "half say".
    private SpeakerPhrase? Quantity(int from, int head)
    {
        if (head < from || !(ctx.Tokens[head].Kind == TokenKind.Number || ctx.IsWord(head) && QuantityWords.Contains(ctx.Word(head))))
        {
            return null;
        }

        var start = head;
        if (head - 3 >= from && ctx.IsWord(head - 1) && ctx.Word(head - 1) == "of" && ctx.Word(head - 2) == "out"
            && (ctx.Tokens[head - 3].Kind == TokenKind.Number || ctx.IsWord(head - 3)))
        {
            start = head - 3; // "nine out of 10"
        }
        else if (head - 2 >= from && ctx.IsWord(head - 1) && ctx.Word(head - 1) is "in" or "of"
            && (ctx.Tokens[head - 2].Kind == TokenKind.Number || ctx.IsWord(head - 2) && ctx.LowerWord(head - 2)
                    is "one" or "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine"))
        {
            start = head - 2;
        }
        else if (ctx.Tokens[head].Kind == TokenKind.Number)
        {
            return null; // a bare number ("in 2015 said") names nobody
        }

        if (start - 1 >= from && ctx.IsWord(start - 1) && ctx.LowerWord(start - 1)
                is "about" or "nearly" or "almost" or "roughly" or "around" or "only" or "just" or "over")
        {
            start--; // "about three in 10 said"
        }
        else if (start - 1 >= from && (ctx.IsWord(start - 1) && (Prepositions.Contains(ctx.Word(start - 1)) || Determiners.Contains(ctx.Word(start - 1)))
                                  || ctx.Tokens[start - 1].Kind == TokenKind.Number))
        {
            return null;
        }

        return new SpeakerPhrase(new TextSpan(ctx.Tokens[start].Start, ctx.Tokens[head].End), PhraseKind.Description, null, ["group"], true);
    }

    // "Ohio-based", "Kremlin-backed", "U.S.-born": a name joined by a hyphen to a participle or a like word, which
    // makes it a modifier ("Ban Ki-moon" is a name).
    private bool IsHyphenatedModifier(MentionRef m)
    {
        var text = ctx.Text;
        var mention = m.Span.Of(text);
        var hyphen = mention.LastIndexOf('-');
        var tail = hyphen > 0 ? mention[(hyphen + 1)..]
            : m.Span.End + 1 < text.Length && text[m.Span.End] == '-' ? WordAt(text, m.Span.End + 1) : "";
        return tail.Length > 2 && char.IsLower(tail[0])
               && (tail.EndsWith("ed", StringComparison.Ordinal) || tail is "born" or "run" or "made" or "bound" or "leaning" or "friendly" or "style");
    }

    private static string WordAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    // People first, then organizations and other names; places only when they stand for a state ("Moscow said").
    private static int RankOf(MentionRef m) => m.Entity.Type switch
    {
        EntityType.Person => 0,
        EntityType.Org => 1,
        EntityType.Misc => 2,
        EntityType.Loc => 3,
        EntityType.Norp => 4,
        _ => -1,
    };

    // "for Ada Brook", "of the late Ada Brook": the person is the object of a preposition, not the subject.
    private bool AfterPreposition(int mentionStart)
    {
        var t = ctx.TokenFrom(mentionStart) - 1;
        while (t >= 0 && ctx.IsWord(t) && (Determiners.Contains(ctx.Word(t)) || ctx.Word(t) is "late"))
        {
            t--;
        }

        return t >= 0 && ctx.IsWord(t) && AttachingPrepositions.Contains(ctx.Word(t));
    }

    // A person role word before (or as) the organization mention: "the head of the Ministry", "the Minister's".
    private bool StartsWithPersonRole(int from, int mentionStart)
    {
        for (var t = from; t < ctx.Tokens.Count && ctx.Tokens[t].Start <= mentionStart; t++)
        {
            if (!ctx.IsWord(t) || lexicon.RolesOf(ctx.Word(t), out _) is not { } roles
                || !roles.Any(QuoteLexicon.IsPersonRole))
            {
                continue;
            }

            var inside = ctx.MentionAt(t);
            if (inside is null || inside.Value.Span.Length <= ctx.Tokens[t].End - ctx.Tokens[t].Start)
            {
                return true;
            }
        }

        return false;
    }

    private SpeakerPhrase? Description(int from, int to)
    {
        var lastRole = -1;
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var plural = false;
        for (var t = from; t < to; t++)
        {
            if (!ctx.IsWord(t))
            {
                continue;
            }

            if (lexicon.RolesOf(ctx.Word(t), out var isPlural) is { } r)
            {
                roles.UnionWith(r);
                lastRole = t;
                plural = isPlural;
            }
        }

        if (lastRole < 0)
        {
            return null;
        }

        // The description runs from its determiner to the last role noun, without a possessive ("the Minister's").
        var start = from;
        while (start < lastRole && !ctx.IsWord(start))
        {
            start++;
        }

        var endWord = ctx.Word(lastRole);
        var end = ctx.Tokens[lastRole].Start + QuoteLexicon.StripPossessive(endWord).Length;
        return new SpeakerPhrase(new TextSpan(ctx.Tokens[start].Start, end), PhraseKind.Description, null, [.. roles], plural);
    }

    private bool IsHardStop(int t)
    {
        var token = ctx.Tokens[t];
        if (token.Kind == TokenKind.QuoteMark)
        {
            return true;
        }

        // A hyphen inside a word ("20-year", "ex-mayor") joins; a spaced dash separates.
        var joined = ctx.First(t) == '-' && t > 0 && t + 1 < ctx.Tokens.Count
                     && ctx.Tokens[t - 1].End == token.Start && ctx.Tokens[t + 1].Start == token.End;
        return ctx.EndsSentence(t) || token.Kind == TokenKind.Punctuation && !joined && ctx.First(t) is ';' or ':' or '(' or ')'
            or '-' or '\u2014' or '\u2013';
    }
}
