using System.Text;
using Platform.Nlp.Analysis;

namespace Platform.Nlp.Evaluation;

/// <summary>
/// A CoNLL document turned back into the kind of text the engine receives, with the place of every gold token in it.
/// </summary>
/// <param name="Text">The running text.</param>
/// <param name="Tokens">Per sentence, the span of each gold token in <paramref name="Text"/>.</param>
public sealed record RawConllDocument(string Text, IReadOnlyList<TextSpan[]> Tokens);

/// <summary>
/// Rebuilds running text from Penn-Treebank-style tokens so that the engine's own tokenizer and sentence splitter are
/// measured, not bypassed: punctuation and clitics attach to the word before ("Reuters ,", "Russia 's", "do n't"),
/// brackets and "$" to the word after, straight double quotes alternate between opening and closing. A sentence that
/// ends in a terminator (. ? ! with any closing marks) is followed by a space, as in a paragraph; the document's first
/// sentence (the headline) and any sentence without a terminator (bylines, datelines, table rows) end the line.
/// </summary>
public static class ConllDetokenizer
{
    private static readonly HashSet<string> AttachLeft = new(StringComparer.Ordinal)
    {
        ",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "...", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M",
    };

    private static readonly HashSet<string> AttachRight = new(StringComparer.Ordinal) { "(", "[", "{", "$", "``", "`" };

    public static RawConllDocument Detokenize(ConllDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        var spans = new List<TextSpan[]>(document.Sentences.Count);
        var quoteOpen = false;
        var glueNext = false;
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var words = document.Sentences[s].Words;
            if (s > 0)
            {
                var newLine = s == 1 || !EndsWithTerminator(document.Sentences[s - 1].Words);
                builder.Append(newLine ? '\n' : ' ');
                glueNext = true;
                quoteOpen &= !newLine;
            }

            var tokens = new TextSpan[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var attach = glueNext || AttachLeft.Contains(word) || word is "''" or "'";
                glueNext = false;
                if (word == "\"")
                {
                    // Straight quotes alternate; an opening one takes a space before it, a closing one does not.
                    attach = quoteOpen;
                    glueNext = !quoteOpen;
                    quoteOpen = !quoteOpen;
                }
                else if (AttachRight.Contains(word))
                {
                    glueNext = true;
                }

                if (builder.Length > 0 && !attach)
                {
                    builder.Append(' ');
                }

                tokens[i] = new TextSpan(builder.Length, builder.Length + word.Length);
                builder.Append(word);
            }

            spans.Add(tokens);
        }

        return new RawConllDocument(builder.ToString(), spans);
    }

    private static bool EndsWithTerminator(IReadOnlyList<string> words)
    {
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i];
            if (word is "\"" or "''" or "'" or ")")
            {
                continue;
            }

            return word is "." or "?" or "!" or "...";
        }

        return false;
    }
}
