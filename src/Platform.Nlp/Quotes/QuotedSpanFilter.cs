using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Quotes;

/// <summary>What a quoted span is, as far as quotations go.</summary>
internal enum QuotedRole
{
    /// <summary>A quotation in its own right: "We will win," she said.</summary>
    Speech,
    /// <summary>Words in marks inside a clause: a verbatim fragment of a mixed quote, or a quoted term.</summary>
    Fragment,
    /// <summary>A short quoted term or scare quote: the "influence" of lobbyists.</summary>
    Term,
    /// <summary>A title or name: the “Law on the Prevention of …”.</summary>
    Title,
    /// <summary>A heading in marks on its own line.</summary>
    Heading,
    /// <summary>Inside a photo caption or credit line.</summary>
    Caption,
}

/// <summary>A quoted span with its role and the words inside the marks.</summary>
internal sealed record QuotedCandidate(QuotedSpan Marks, TextSpan Content, QuotedRole Role, int Words);

/// <summary>
/// Tells quotations from other text in quotation marks, from the shape of the span and its surroundings: headings
/// fill their own line, titles are capitalized names, terms are short and sit inside a clause, captions are bulleted
/// lines. A span that starts at a clause boundary (line start, after a colon, comma, dash or reporting verb) is speech.
/// </summary>
internal sealed class QuotedSpanFilter(ArticleContext ctx, QuoteLexicon lexicon)
{
    private const int MinSpeechWords = 4;
    private const int MaxHeadingWords = 12;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "with", "at", "by", "from", "against", "about",
        "de", "la", "le", "der", "die", "das",
    };

    public QuotedCandidate Classify(QuotedSpan marks)
    {
        var text = ctx.Text;
        var content = ContentOf(marks);
        var words = CountWords(content);
        if (ctx.IsCaptionLine(marks.Open))
        {
            return new QuotedCandidate(marks, content, QuotedRole.Caption, words);
        }

        if (words == 0)
        {
            return new QuotedCandidate(marks, content, QuotedRole.Term, words);
        }

        var lastChar = text[content.End - 1];
        var endsSentence = lastChar is '.' or '!' or '?' or '\u2026';
        var paragraph = ctx.Paragraphs[ctx.ParagraphAt(marks.Open)];
        if (words <= MaxHeadingWords && !endsSentence
            && OnlyPunctuation(paragraph.Start, marks.Open) && OnlyPunctuation(marks.After, paragraph.End))
        {
            return new QuotedCandidate(marks, content, QuotedRole.Heading, words);
        }

        var boundaryBefore = IsBoundaryBefore(marks.Open);
        if (words <= MaxHeadingWords && !endsSentence && lastChar != ',' && IsTitleCase(content)
            && !FollowedByCue(marks))
        {
            return new QuotedCandidate(marks, content, QuotedRole.Title, words);
        }

        if (!boundaryBefore)
        {
            return new QuotedCandidate(marks, content, words < 3 ? QuotedRole.Term : QuotedRole.Fragment, words);
        }

        // A short sentence of its own after an attributed one: "“Listening is free,” she wrote. “Staffing isn’t.”"
        var shortSentence = words >= 2 && endsSentence && char.IsUpper(text[content.Start]) && AfterAttributedQuote(marks.Open);
        if (words >= MinSpeechWords || shortSentence || FollowedByCue(marks) || PrecededByCue(marks.Open))
        {
            return new QuotedCandidate(marks, content, QuotedRole.Speech, words);
        }

        return new QuotedCandidate(marks, content, QuotedRole.Term, words);
    }

    // Right after a sentence that closes a quotation and its attribution: "…,” she wrote. “…". Not after a title
    // ("her memoir, “Tough Choices.”") nor on a line of its own (a subheading).
    private bool AfterAttributedQuote(int open)
    {
        var text = ctx.Text;
        var i = open - 1;
        while (i >= 0 && text[i] is ' ' or '\u00A0')
        {
            i--;
        }

        if (i < 0 || text[i] is not ('.' or '!' or '?'))
        {
            return false;
        }

        for (var k = i - 1; k >= 0 && k > i - 60 && text[k] != '\n'; k--)
        {
            if (QuoteMarks.IsDoubleMark(text[k]) || text[k] == '\'' && k > 0 && text[k - 1] == '\'')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words inside the marks: no surrounding spaces, no trailing comma or dash.</summary>
    public TextSpan ContentOf(QuotedSpan marks)
    {
        var text = ctx.Text;
        var s = Math.Min(marks.ContentStart, text.Length);
        var e = Math.Max(Math.Min(marks.Close, text.Length), s);
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '-' or '\u2014' or '\u2013'))
        {
            e--;
        }

        return new TextSpan(s, e);
    }

    private int CountWords(TextSpan span)
    {
        var n = 0;
        for (var t = ctx.TokenFrom(span.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= span.End; t++)
        {
            n += ctx.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    private bool OnlyPunctuation(int from, int to)
    {
        var count = 0;
        for (var i = from; i < to && i < ctx.Text.Length; i++)
        {
            var c = ctx.Text[i];
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }

            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count <= 1;
    }

    // Line start, after a colon, comma, dash, sentence end, bracket or a reporting verb.
    private bool IsBoundaryBefore(int open)
    {
        var text = ctx.Text;
        var i = open - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\u00A0')
        {
            i--;
        }

        // Anything but a word before the mark (punctuation, a symbol, an emoji) leaves it at a clause boundary.
        if (i < 0 || !char.IsLetterOrDigit(text[i]))
        {
            return true;
        }

        return PrecededByCue(open);
    }

    private bool PrecededByCue(int open)
    {
        var t = ctx.TokenFrom(open) - 1;
        if (t >= 0 && ctx.IsPunct(t, ':'))
        {
            return true;
        }

        return IsSpeechVerb(t);
    }

    // Lower case only: "States" in "the United States" is a name, not the verb.
    private bool IsSpeechVerb(int t)
        => ctx.IsWord(t) && char.IsLower(ctx.First(t)) && (lexicon.VerbTraitsOf(ctx.Word(t)) & VerbTraits.Speech) != 0;

    private bool FollowedByCue(QuotedSpan marks)
    {
        var t = ctx.TokenFrom(marks.After);
        for (var k = t; k < ctx.Tokens.Count && k < t + 5; k++)
        {
            if (ctx.Tokens[k].Kind == TokenKind.QuoteMark || ctx.IsPunct(k, '.'))
            {
                return false;
            }

            if (IsSpeechVerb(k))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTitleCase(TextSpan content)
    {
        var capitalized = 0;
        var total = 0;
        for (var t = ctx.TokenFrom(content.Start); t < ctx.Tokens.Count && ctx.Tokens[t].End <= content.End; t++)
        {
            if (!ctx.IsWord(t) || FunctionWords.Contains(ctx.Word(t)))
            {
                continue;
            }

            total++;
            capitalized += char.IsUpper(ctx.First(t)) ? 1 : 0;
        }

        return total >= 2 && capitalized == total && char.IsUpper(ctx.Text[content.Start]);
    }
}
