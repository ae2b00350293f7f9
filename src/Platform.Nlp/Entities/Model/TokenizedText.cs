using System.Text;
using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// One document as the model sees it: the text, its tokens and its sentences as token index ranges. Built from
/// a parsed <see cref="Document"/> at run time, or from pre-tokenized CoNLL sentences for training and evaluation.
/// </summary>
public sealed class TokenizedText
{
    public TokenizedText(string text, TextSpan[] tokens, (int Start, int End)[] sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    public string Text { get; }

    public TextSpan[] Tokens { get; }

    /// <summary>Token index ranges [Start, End) of the sentences, in order.</summary>
    public (int Start, int End)[] Sentences { get; }

    /// <summary>Joins pre-tokenized sentences with spaces (tokens) and line breaks (sentences).</summary>
    public static TokenizedText FromWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var builder = new StringBuilder();
        var tokens = new List<TextSpan>();
        var ranges = new (int, int)[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var first = tokens.Count;
            foreach (var word in sentences[s])
            {
                if (builder.Length > 0)
                {
                    builder.Append(tokens.Count == first ? '\n' : ' ');
                }

                tokens.Add(new TextSpan(builder.Length, builder.Length + word.Length));
                builder.Append(word);
            }

            ranges[s] = (first, tokens.Count);
        }

        return new TokenizedText(builder.ToString(), [.. tokens], ranges);
    }

    /// <summary>
    /// The tokens and sentences of a parsed document, as the model was trained to see them. The engine's tokenizer
    /// splits finer than the Penn Treebank tokens of the training data (the quote stage relies on "Mr" and "." being
    /// apart), so adjacent pieces that the training data writes as one token are joined here: an abbreviation or
    /// initial with its dot ("Inc.", "Calif.", "J."), a number with its letters ("78th", "3M"), initials around an
    /// ampersand ("S&amp;P"), a currency prefix ("C$", "HK$"), a compound after an abbreviation ("U.S.-led") and a
    /// list number at the start of a line ("4."); an e-mail address, a web address or a file name is one token, as
    /// web text writes it ("jane.doe@example.org", "report.pdf"). Every token is still a span of the text.
    /// </summary>
    public static TokenizedText FromDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var source = document.Tokens;
        var tokens = new List<TextSpan>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var start = source[i].Start;
            var next = ModelTokens.AddressEnd(text, source, i) ?? ModelTokens.JoinedEnd(text, source, i);
            tokens.Add(new TextSpan(start, source[next].End));
            i = next;
        }

        var ranges = new List<(int, int)>(document.Sentences.Count);
        var t = 0;
        foreach (var sentence in document.Sentences)
        {
            while (t < tokens.Count && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Count && tokens[t].Start < sentence.End)
            {
                t++;
            }

            if (t > first)
            {
                ranges.Add((first, t));
            }
        }

        return new TokenizedText(text, [.. tokens], [.. ranges]);
    }
}
