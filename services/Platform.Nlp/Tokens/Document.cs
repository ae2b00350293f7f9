using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tokens;

/// <summary>A text with its tokens and sentences, computed once and shared by every stage of the pipeline.</summary>
public sealed class Document
{
    private Document(string text, List<Token> tokens, List<TextSpan> sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<TextSpan> Sentences { get; }

    public static Document Parse(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new Document(text, tokens, SentenceSplitter.Split(text, tokens));
    }

    public string TextOf(Token token) => Text[token.Start..token.End];

    /// <summary>Index of the sentence that contains the offset, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
