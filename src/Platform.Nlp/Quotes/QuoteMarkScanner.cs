namespace Platform.Nlp.Quotes;

/// <summary>
/// Pairs quotation marks into quoted spans. Curly marks and guillemets have a direction; straight marks get one from
/// the characters around them. Nested quotes stay inside the outer span; a quote left open at the end of a paragraph
/// ends there (a quote over several paragraphs, each reopened with a mark, is one span per paragraph) or, when a
/// nested pair took the only closing mark (<c>“… “irony”</c>), at that last mark. Single marks count only as a pair at top level, so
/// apostrophes never open quotes.
/// </summary>
internal static class QuoteMarkScanner
{
    private enum Role
    {
        None,
        Open,
        Close,
    }

    public static List<QuotedSpan> Scan(string text)
    {
        var spans = new List<QuotedSpan>();
        var turns = TranscriptTurns.MarksOf(text);
        var stack = new List<(int Pos, char Mark, int Length)>();
        var lastCloseInParagraph = -1;
        var lastCloseLength = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\u2029')
            {
                if (stack.Count > 0)
                {
                    // A quote left open ends with its paragraph. When the next paragraph reopens with a mark (a quote
                    // over several paragraphs) that paragraph is a quote of its own, carried on from this one.
                    spans.Add(lastCloseInParagraph > stack[0].Pos
                        // "“… help “good Washington”, - wrote …": the nested pair used the only closing mark.
                        ? new QuotedSpan(stack[0].Pos, lastCloseInParagraph, true, stack[0].Length, lastCloseLength)
                        : new QuotedSpan(stack[0].Pos, TrimEnd(text, i), false, stack[0].Length));
                    stack.Clear();
                }

                lastCloseInParagraph = -1;
                i++;
                continue;
            }

            if (turns.Contains(i))
            {
                i++; // the mark before a transcript turn's label ("“HALE: …") opens no quotation
                continue;
            }

            var length = c == '\'' && i + 1 < text.Length && text[i + 1] == '\'' ? 2 : 1;
            if (length == 2 || IsDoubleMark(c))
            {
                var role = length == 2 ? DirectionOfPair(text, i, stack.Count == 0) : DirectionOf(text, i, stack.Count == 0);
                if (c == '\u201C' && stack.Count > 0 && stack[^1].Mark == '\u201E')
                {
                    role = Role.Close; // „German style“
                }

                if (role == Role.Open)
                {
                    stack.Add((i, c, length));
                }
                else if (role == Role.Close && stack.Count > 0)
                {
                    var opened = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    lastCloseInParagraph = i;
                    lastCloseLength = length;
                    if (stack.Count == 0)
                    {
                        spans.Add(new QuotedSpan(opened.Pos, i, true, opened.Length, length));
                    }
                }

                i += length;
                continue;
            }
            else if (stack.Count == 0 && IsSingleOpen(text, i) && FindSingleClose(text, i) is var close and > 0)
            {
                spans.Add(new QuotedSpan(i, close, true));
                i = close + 1;
                continue;
            }

            i++;
        }

        if (stack.Count > 0)
        {
            var end = TrimEnd(text, text.Length);
            spans.Add(lastCloseInParagraph > stack[0].Pos
                ? new QuotedSpan(stack[0].Pos, lastCloseInParagraph, true, stack[0].Length, lastCloseLength)
                : new QuotedSpan(stack[0].Pos, end, false, stack[0].Length));
        }

        return spans;
    }

    public static bool IsDoubleMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u201F';

    public static bool IsAnyMark(char c) => IsDoubleMark(c) || c is '\'' or '\u2018' or '\u2019' or '\u201A';

    private static Role DirectionOf(string text, int i, bool nothingOpen)
    {
        var c = text[i];
        switch (c)
        {
            case '\u201E' or '\u00AB' or '\u201F':
                return Role.Open;
            case '\u201D' or '\u00BB':
                return Role.Close;
        }

        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        var leftFlanking = !char.IsWhiteSpace(after) && (char.IsWhiteSpace(before) || IsOpener(before));
        var rightFlanking = !char.IsWhiteSpace(before) && !IsOpener(before)
                            && (char.IsWhiteSpace(after) || char.IsPunctuation(after) || after == '\0');
        if (c == '\u201C')
        {
            // A left curly mark opens, unless it clearly ends a quotation ("… the end“ said) while one is open.
            return rightFlanking && !nothingOpen ? Role.Close : Role.Open;
        }

        if (leftFlanking && !rightFlanking)
        {
            return Role.Open;
        }

        if (rightFlanking && !leftFlanking)
        {
            return Role.Close;
        }

        return nothingOpen ? Role.Open : Role.Close;
    }


    // The two-apostrophe mark ('') of some wire feeds, read like a straight double mark.
    private static Role DirectionOfPair(string text, int i, bool nothingOpen)
    {
        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 2 < text.Length ? text[i + 2] : ' ';
        var leftFlanking = !char.IsWhiteSpace(after) && (char.IsWhiteSpace(before) || IsOpener(before));
        var rightFlanking = !char.IsWhiteSpace(before) && !IsOpener(before);
        if (leftFlanking && !rightFlanking)
        {
            return Role.Open;
        }

        if (rightFlanking && !leftFlanking)
        {
            return Role.Close;
        }

        return nothingOpen ? Role.Open : Role.Close;
    }

    private static bool IsOpener(char c) => c is '(' or '[' or '{' or '-' or '\u2014' or '\u2013' or '/' or ':'
                                            || IsAnyMark(c);

    // ‘ or ' at the start of a word, after a space or an opener.
    private static bool IsSingleOpen(string text, int i)
    {
        var c = text[i];
        if (c is not ('\u2018' or '\''))
        {
            return false;
        }

        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        return (char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '-')
               && char.IsLetterOrDigit(after);
    }

    // The first ’ or ' in the same paragraph that ends a word and is not followed by a letter (so not "don't").
    private static int FindSingleClose(string text, int open)
    {
        for (var j = open + 2; j < text.Length; j++)
        {
            var c = text[j];
            if (c is '\n' or '\u2029')
            {
                return -1;
            }

            if (c is not ('\u2019' or '\''))
            {
                continue;
            }

            var before = text[j - 1];
            var after = j + 1 < text.Length ? text[j + 1] : ' ';
            if (!char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after))
            {
                // A plural possessive ("workers’ rights") is followed by a space and a lower-case noun.
                var possessive = before == 's' && after == ' ' && j + 2 < text.Length && char.IsLower(text[j + 2])
                                 && HasLaterClose(text, j + 1);
                if (!possessive)
                {
                    return j;
                }
            }
        }

        return -1;
    }

    private static bool HasLaterClose(string text, int from)
    {
        for (var j = from; j < text.Length && text[j] != '\n'; j++)
        {
            if (text[j] is '\u2019' or '\'' && !char.IsWhiteSpace(text[j - 1])
                && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

}
