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

    /// <summary>
    /// A pre-tokenized text (CoNLL-style evaluation data): tokens joined by spaces, sentences by line breaks, each
    /// token kept whole as given.
    /// </summary>
    public static Document FromWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var builder = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var ranges = new List<TextSpan>(sentences.Count);
        foreach (var sentence in sentences)
        {
            if (sentence.Count == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            var start = builder.Length;
            foreach (var word in sentence)
            {
                if (builder.Length > start)
                {
                    builder.Append(' ');
                }

                var c = word.Length > 0 ? word[0] : ' ';
                var kind = char.IsLetter(c) || (word.Length == 2 && c is '\'' or '\u2019') ? TokenKind.Word
                    : char.IsDigit(c) ? TokenKind.Number
                    : QuoteMarks.IsQuoteMark(c) ? TokenKind.QuoteMark
                    : TokenKind.Punctuation;
                tokens.Add(new Token(new TextSpan(builder.Length, builder.Length + word.Length), kind));
                builder.Append(word);
            }

            ranges.Add(new TextSpan(start, builder.Length));
        }

        return new Document(builder.ToString(), tokens, ranges);
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
