using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>
/// Attributes a direct quote from the clause right after it (“…,” said X / ”X said / ” - wrote X on Facebook) or
/// the clause that introduces it (X said: “…”). A news outlet in subject position that "quotes" or "cites" is the
/// channel, and the person on the other side of the verb is the speaker.
/// </summary>
internal sealed class DirectQuoteAttributor(
    ArticleContext ctx, CueFinder cues, SpeakerPhraseFinder phrases, ChannelFinder channels)
{
    private const int MaxCueDistance = 14;
    private const int MaxClauseTokens = 30;

    /// <summary>Attributes the quote in place; returns the cue's tokens so that no other quote reuses them.</summary>
    public (int First, int Last)? Attribute(QuotedCandidate quote, QuoteDraft draft)
    {
        var paragraph = ctx.Paragraphs[ctx.ParagraphAt(quote.Marks.Open)];
        var after = ctx.TokenFrom(quote.Marks.After);
        var afterEnd = ClauseEnd(after, paragraph.End);
        for (var t = after; t < afterEnd && t < after + MaxCueDistance; t++)
        {
            if (cues.At(t) is not { } cue || (cue.Traits & VerbTraits.Speech) == 0)
            {
                continue;
            }

            if (Apply(draft, cue, after, afterEnd))
            {
                return (cue.First, cue.Last);
            }
        }

        // "“…” ― Pamela Padilla": a name after a dash signs the quote.
        if (after < afterEnd && ctx.Tokens[after].Kind == TokenKind.Punctuation && ctx.First(after) is '-' or '\u2014' or '\u2013' or '\u2015'
            && ctx.MentionAt(after + 1) is { Entity.Type: EntityType.Person } signer
            && ctx.TokenFrom(signer.Span.End) >= afterEnd - 1)
        {
            draft.Phrase = new SpeakerPhrase(signer.Span, PhraseKind.Name, signer, null, false);
            draft.Confidence = QuoteConfidence.SignedAfterDash;
            return null;
        }

        var open = ctx.TokenFrom(quote.Marks.Open);
        var clauseFloor = paragraph.Start;
        if (ctx.IsPunct(open - 1, ':') && ctx.Tokens[open - 1].End <= paragraph.Start)
        {
            // "Cruz called them on it:" closes the paragraph before the quote.
            clauseFloor = ctx.Paragraphs[ctx.ParagraphAt(ctx.Tokens[open - 1].Start)].Start;
        }

        var lo = ClauseStart(open, clauseFloor);
        var k = open - 1;
        if (k >= lo && (ctx.IsPunct(k, ':') || ctx.IsPunct(k, ',')))
        {
            k--;
        }

        // "X said in an interview with RT: “…”" — step over the channel phrase to the verb.
        for (var c = k; c >= lo && c >= k - MaxCueDistance; c--)
        {
            if (cues.At(c) is not { } cue || (cue.Traits & VerbTraits.Speech) == 0 || cue.AccordingTo)
            {
                continue;
            }

            if (cue.Last != k && !(ctx.IsWord(cue.Last + 1) && ctx.LowerWord(cue.Last + 1) is "in" or "on" or "to" or "during" or "at" or "via" or "through"))
            {
                if (!ctx.IsPunct(open - 1, ':'))
                {
                    break;
                }
            }

            if (Apply(draft, cue, lo, open))
            {
                return (cue.First, cue.Last);
            }

            break;
        }

        // "Carl Bialik: “…”" or "Philip Bump writes: “…”" — a speaker named right before a colon, without a cue.
        if (ctx.IsPunct(open - 1, ':') && open - 1 > lo
            && phrases.InWindow(lo, open - 1, preferRight: true) is { Kind: PhraseKind.Name or PhraseKind.Pronoun } named
            && named.Span.End >= ctx.Tokens[Math.Max(lo, open - 7)].Start)
        {
            draft.Phrase = named;
            draft.Channel = channels.Find(lo, open);
            draft.Confidence = QuoteConfidence.NamedBeforeColon;
        }

        return null;
    }

    private bool Apply(QuoteDraft draft, Cue cue, int lo, int hi)
    {
        var subject = phrases.Before(cue.First, lo);
        var objectSide = phrases.After(cue.Last, hi);
        if (cue.AccordingTo)
        {
            subject = objectSide;
            objectSide = null;
        }

        var speaker = subject ?? objectSide;
        if (speaker is null)
        {
            return false;
        }

        string? channel = null;
        if (speaker.Kind == PhraseKind.Name && channels.IsOutlet(speaker.Span.Of(ctx.Text)))
        {
            // "RIA Novosti quotes the minister's words": the outlet relays, the minister speaks.
            if (subject == speaker && objectSide is not null && !channels.IsOutlet(objectSide.Span.Of(ctx.Text)))
            {
                channel = speaker.Span.Of(ctx.Text);
                speaker = objectSide;
            }
        }
        else if (subject is not null && objectSide is { Kind: PhraseKind.Name } relay && channels.IsOutlet(relay.Span.Of(ctx.Text)))
        {
            // "Klishas cites RIA Novosti"
            channel = relay.Span.Of(ctx.Text);
        }

        draft.Phrase = speaker;
        draft.Cue = cue.Span.Of(ctx.Text);
        draft.Channel = channel ?? channels.Find(cue.First, hi);
        draft.ChannelIsExplicit = channel is not null;
        draft.Confidence = speaker.Kind == PhraseKind.Name ? QuoteConfidence.NamedSpeakerWithCue : QuoteConfidence.DescribedSpeakerWithCue;
        return true;
    }

    // The attribution clause after a quote ends at a sentence end, another quotation mark or the paragraph end.
    private int ClauseEnd(int from, int paragraphEnd)
    {
        var t = from;
        while (t < ctx.Tokens.Count && t < from + MaxClauseTokens && ctx.Tokens[t].Start < paragraphEnd)
        {
            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark
                || ctx.EndsSentence(t) || ctx.IsPunct(t, ';'))
            {
                break;
            }

            t++;
        }

        return t;
    }

    private int ClauseStart(int open, int paragraphStart)
    {
        var t = open - 1;
        while (t >= 0 && ctx.Tokens[t].Start >= paragraphStart && open - t < MaxClauseTokens)
        {
            if (ctx.Tokens[t].Kind == TokenKind.QuoteMark
                || ctx.EndsSentence(t) || ctx.IsPunct(t, ';'))
            {
                break;
            }

            t--;
        }

        return t + 1;
    }
}
