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

    /// <summary>The tokens and sentences of a parsed document.</summary>
    public static TokenizedText FromDocument(Document document)
    {
        var tokens = new TextSpan[document.Tokens.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = document.Tokens[i].Span;
        }

        var ranges = new List<(int, int)>(document.Sentences.Count);
        var t = 0;
        foreach (var sentence in document.Sentences)
        {
            while (t < tokens.Length && tokens[t].Start < sentence.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].End <= sentence.End)
            {
                t++;
            }

            if (t > first)
            {
                ranges.Add((first, t));
            }
        }

        return new TokenizedText(document.Text, tokens, [.. ranges]);
    }
}
