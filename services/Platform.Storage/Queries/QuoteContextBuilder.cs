using Platform.V1;

namespace Platform.Storage.Queries;

/// <summary>
/// Cuts the paragraph around a quote out of its article's text and locates the quote, its cue, its speaker's mention
/// and its channel inside it. Offsets in and out are code points (the wire's unit); the text is indexed in UTF-16.
/// </summary>
internal static class QuoteContextBuilder
{
    /// <summary>
    /// The context of the quote spanning code points [<paramref name="quoteStart"/>, <paramref name="quoteEnd"/>) of
    /// <paramref name="text"/>. Offsets outside the text are clamped to it.
    /// </summary>
    public static QuoteContext Build(string text, int quoteStart, int quoteEnd, (int Start, int End)? mention, string? cue, string? channel)
    {
        var index = new CodePoints(text);
        var start = index.ToUtf16(quoteStart);
        var end = Math.Max(start, index.ToUtf16(quoteEnd));

        // The paragraph: from the line break before the quote to the line break after it.
        var paragraphStart = start == 0 ? 0 : text.LastIndexOfAny(LineBreaks, start - 1) + 1;
        var after = end > 0 && end <= text.Length && IsLineBreak(text[end - 1]) ? end - 1 : end;
        var paragraphEnd = text.IndexOfAny(LineBreaks, Math.Min(after, text.Length)) is var found and >= 0 ? found : text.Length;
        var paragraph = text[paragraphStart..paragraphEnd];
        var paragraphCodePoints = index.ToCodePoints(paragraphStart);

        // Spans inside the paragraph, in the paragraph's code points.
        TextSpan Local(int utf16Start, int utf16End) => new()
        {
            Start = index.ToCodePoints(utf16Start) - paragraphCodePoints,
            End = index.ToCodePoints(utf16End) - paragraphCodePoints,
        };

        var context = new QuoteContext
        {
            Paragraph = paragraph,
            ParagraphStart = paragraphCodePoints,
            Quote = Local(start, end),
        };
        if (mention is { } m)
        {
            var mentionStart = index.ToUtf16(m.Start);
            var mentionEnd = index.ToUtf16(m.End);
            if (mentionStart >= paragraphStart && mentionEnd <= paragraphEnd && mentionStart < mentionEnd)
            {
                context.SpeakerMention = Local(mentionStart, mentionEnd);
            }
        }

        if (Nearest(text, paragraphStart, paragraphEnd, start, end, cue) is { } cueAt)
        {
            context.Cue = Local(cueAt, cueAt + cue!.Length);
        }

        if (Nearest(text, paragraphStart, paragraphEnd, start, end, channel) is { } channelAt)
        {
            context.Channel = Local(channelAt, channelAt + channel!.Length);
        }

        return context;
    }

    private static readonly char[] LineBreaks = ['\n', '\r', '\u2028', '\u2029'];

    private static bool IsLineBreak(char c) => Array.IndexOf(LineBreaks, c) >= 0;

    /// <summary>
    /// The UTF-16 start of the whole-word occurrence of <paramref name="words"/> in the paragraph, outside the quote,
    /// nearest to it (ties: the one after the quote, where attributions usually stand); null when there is none.
    /// </summary>
    private static int? Nearest(string text, int paragraphStart, int paragraphEnd, int quoteStart, int quoteEnd, string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return null;
        }

        int? best = null;
        var bestDistance = int.MaxValue;
        for (var at = text.IndexOf(words, paragraphStart, paragraphEnd - paragraphStart, StringComparison.OrdinalIgnoreCase);
             at >= 0;
             at = at + 1 >= paragraphEnd ? -1 : text.IndexOf(words, at + 1, paragraphEnd - at - 1, StringComparison.OrdinalIgnoreCase))
        {
            var wordEnd = at + words.Length;
            var outside = wordEnd <= quoteStart || at >= quoteEnd;
            if (!outside || !IsWordBoundary(text, at - 1) || !IsWordBoundary(text, wordEnd))
            {
                continue;
            }

            var distance = at >= quoteEnd ? at - quoteEnd : quoteStart - wordEnd;
            if (distance < bestDistance || (distance == bestDistance && at >= quoteEnd))
            {
                best = at;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool IsWordBoundary(string text, int at)
        => at < 0 || at >= text.Length || !(char.IsLetterOrDigit(text[at]) || text[at] == '_');

    /// <summary>Conversions between code point offsets and UTF-16 indexes of one text.</summary>
    private sealed class CodePoints(string text)
    {
        // The UTF-16 index of each code point, and one past the end.
        private readonly int[] _utf16 = Starts(text);

        public int ToUtf16(int codePoint) => _utf16[Math.Clamp(codePoint, 0, _utf16.Length - 1)];

        public int ToCodePoints(int utf16)
        {
            var found = Array.BinarySearch(_utf16, utf16);
            return found >= 0 ? found : ~found;
        }

        private static int[] Starts(string text)
        {
            var starts = new List<int>(text.Length + 1);
            for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            {
                starts.Add(i);
            }

            starts.Add(text.Length);
            return [.. starts];
        }
    }
}
