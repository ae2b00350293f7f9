using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>The clause first, its attribution last: "…, X said." / "…, said X." / "…, analysts say.", or an aside
/// inside it ("This campaign, he says, is different").</summary>
internal sealed class TrailingAttributionPattern(
    ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ClauseBounds clauses, IndirectDrafts drafts)
{
    // "CLAUSE, X said." / "CLAUSE, said X." at the end of the sentence.
    public QuoteDraft? Match(Cue cue, int a, int b)
    {
        if (ctx.Word(cue.First).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var j = cue.First - 1;
        while (j > a && ctx.IsWord(j) && ctx.Word(j) is "also" or "has" or "have" or "had" or "later" or "then" or "repeatedly")
        {
            j--;
        }

        SpeakerPhrase? subject;
        int comma;
        if (ctx.IsPunct(j, ','))
        {
            // Inverted: "CLAUSE, said X."
            comma = j;
            subject = phrases.After(cue.Last, b);
        }
        else
        {
            subject = phrases.Before(cue.First, a);
            comma = subject is null ? -1 : ctx.TokenFrom(subject.Span.Start) - 1;
            // Step back over the rest of the noun phrase: ", political analyst X said".
            var steps = 0;
            while (comma > a && steps++ < 8 && (ctx.IsWord(comma) && cues.At(comma) is null || clauses.IsTitleDot(comma)))
            {
                comma--;
            }
        }

        if (subject is null || comma <= a || !ctx.IsPunct(comma, ','))
        {
            return null;
        }

        // The attribution must close the sentence (nothing after it but a channel or a time: "in an interview",
        // "on Monday") or sit inside it as an aside ("This campaign, he says, is different").
        var tail = subject.Span.Start > ctx.Tokens[cue.Last].Start ? ctx.TokenFrom(subject.Span.End) : cue.Last + 1;
        if ((cue.Traits & VerbTraits.Addressee) != 0 && tail < b)
        {
            // "…, the mayor told reporters / told her / told the Gazette on Monday."
            if (ctx.MentionAt(tail) is { } addressee)
            {
                tail = ctx.TokenFrom(addressee.Span.End);
            }
            else
            {
                for (var n = 0; n < 3 && tail < b && ctx.IsWord(tail) && (ClauseWords.ObjectWords.Contains(ctx.Word(tail)) || n > 0 && char.IsUpper(ctx.Word(tail)[0])); n++)
                {
                    tail++;
                }
            }
        }

        var end = b;
        while (end > tail && ctx.Tokens[end - 1].Kind != TokenKind.Word && ctx.Tokens[end - 1].Kind != TokenKind.Number)
        {
            end--;
        }

        // "…, she said on Monday in Dover, adding that …": a participle clause after the attribution is a report
        // of its own, so the attribution ends at its comma.
        for (var t = tail; t + 1 < end; t++)
        {
            if (ctx.IsPunct(t, ',') && ctx.IsWord(t + 1) && ctx.Word(t + 1).EndsWith("ing", StringComparison.Ordinal)
                && cues.At(t + 1) is not null)
            {
                end = t;
                break;
            }
        }

        for (var t = tail; t < end; t++)
        {
            // Marks after an aside ("In 2019, she said, the fund became a “sponsor.”") make the clause mixed.
            if (ctx.IsWord(t) && ctx.Word(t) is "that" || ctx.Tokens[t].Kind == TokenKind.QuoteMark && !(ctx.IsPunct(tail, ',') && t > tail + 1))
            {
                return null;
            }
        }

        var aside = false;
        if (tail < end && clauses.IsInfinitive(tail))
        {
            return null; // "…, and the police continued to patrol the area.": the verb has a complement of its own
        }

        if (tail < end)
        {
            // An aside goes on with a clause of its own, not with an appositive ("…, said X, head of Y.").
            if (ctx.IsPunct(tail, ',') && clauses.Words(new TextSpan(ctx.Tokens[tail].End, ctx.Tokens[end - 1].End)) >= ClauseBounds.MinContentWords
                && !clauses.IsRoleStart(tail + 1) && clauses.HasFiniteVerb(tail, end))
            {
                aside = true;
            }
            else if (ctx.IsPunct(tail, ',') && (clauses.IsRoleStart(tail + 1) || ctx.IsWord(tail + 1) && ClauseWords.TailStarts.Contains(ctx.Word(tail + 1))
                                                || ctx.IsWord(tail + 1) && ctx.Word(tail + 1) is "a" or "an" or "the" && end - tail <= 16
                                                   && !clauses.HasFiniteVerb(tail, end)))
            {
                // "…, said X, head of the harbour authority."
            }
            else if (ConjoinedClauseAfterTail(tail, end))
            {
                // "…, the board said in a June report, and the city paid its debts.": the sentence goes on with a
                // clause of its own after the channel; the report covers the whole sentence, as with an aside.
                aside = true;
            }
            else if (end - tail > 12 || !(ctx.IsWord(tail) && ClauseWords.TailStarts.Contains(ctx.Word(tail))))
            {
                return null;
            }
        }

        if (aside)
        {
            var whole = clauses.ContentSpan(a, b);
            return whole is null || clauses.Words(whole.Value) < ClauseBounds.MinLeadingContentWords + 2 ? null : drafts.Draft(whole.Value, subject, cue, comma, b);
        }

        var span = clauses.ContentSpan(a, comma);
        if (span is null || clauses.Words(span.Value) < ClauseBounds.MinLeadingContentWords)
        {
            return null;
        }

        return drafts.Draft(span.Value, subject, cue, comma, b);
    }

    // A short channel or time phrase after the cue ("in a June report", "on Monday"), then ", and" or ", but" and a
    // clause with a finite verb of its own.
    private bool ConjoinedClauseAfterTail(int tail, int end)
    {
        if (!ctx.IsWord(tail) || !ClauseWords.TailStarts.Contains(ctx.Word(tail)))
        {
            return false;
        }

        for (var c = tail + 1; c + 2 < end && c - tail <= 8; c++)
        {
            if (ctx.IsPunct(c, ','))
            {
                return ctx.IsWord(c + 1) && ctx.Word(c + 1) is "and" or "but"
                    && clauses.Words(new TextSpan(ctx.Tokens[c + 1].End, ctx.Tokens[end - 1].End)) >= ClauseBounds.MinContentWords
                    && clauses.HasFiniteVerb(c + 2, end);
            }
        }

        return false;
    }
}
