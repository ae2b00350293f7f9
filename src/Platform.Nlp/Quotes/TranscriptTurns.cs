namespace Platform.Nlp.Quotes;

/// <summary>
/// Interview transcripts often open every turn with a quotation mark and a speaker label in capitals ("“HALE: Will
/// you delay the vote?") and close only the last one. Read as marks, the whole interview becomes one quotation with
/// no speaker. With two or more such turns the marks before the labels are not quotation marks: each turn is then a
/// labelled paragraph for <see cref="SpeakerLabelPattern"/>.
/// </summary>
internal static class TranscriptTurns
{
    private const int MaxLabelWords = 3;
    private const int MaxLabelLength = 30;

    // Labels that open a paragraph without naming a speaker.
    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "UPDATE", "BREAKING", "NOTE", "EDITOR'S NOTE", "CORRECTION", "WATCH", "READ", "READ MORE", "VIDEO", "PHOTO",
        "RELATED", "CLOSE", "WARNING", "SPOILER", "TRANSCRIPT", "END", "MORE",
    };

    /// <summary>Offsets of the opening marks of labelled turns, empty unless the text has at least two.</summary>
    public static HashSet<int> MarksOf(string text)
    {
        var marks = new HashSet<int>();
        for (var i = 0; i < text.Length; i = NextLine(text, i))
        {
            var start = i;
            while (start < text.Length && text[start] is ' ' or '\t')
            {
                start++;
            }

            if (start < text.Length && QuoteMarkScanner.IsDoubleMark(text[start]) && LabelLength(text, start + 1) > 0)
            {
                marks.Add(start);
            }
        }

        return marks.Count >= 2 ? marks : [];
    }

    /// <summary>
    /// Length of a shouted speaker label and its colon at <paramref name="start"/> ("HALE:", "SEN. ADA BROOK:"), or 0:
    /// one to three words in capitals, at least two letters, not a boilerplate label such as "UPDATE:".
    /// </summary>
    public static int LabelLength(string text, int start)
    {
        var end = start;
        var letters = 0;
        while (end < text.Length && end - start <= MaxLabelLength && text[end] != ':')
        {
            var c = text[end];
            if (char.IsLetter(c) && !char.IsUpper(c) || !(char.IsLetter(c) || c is ' ' or '.' or '-' or '\'' or '\u2019'))
            {
                return 0;
            }

            letters += char.IsLetter(c) ? 1 : 0;
            end++;
        }

        if (end >= text.Length || text[end] != ':' || letters < 2)
        {
            return 0;
        }

        var label = text[start..end].Replace('\u2019', '\'').Trim();
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 1 and <= MaxLabelWords && !NotSpeakers.Contains(label) ? end + 1 - start : 0;
    }

    private static int NextLine(string text, int i)
    {
        var newline = text.IndexOf('\n', i);
        return newline < 0 ? text.Length : newline + 1;
    }
}
