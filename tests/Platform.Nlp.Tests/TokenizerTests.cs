using Platform.Nlp.Tokens;

namespace Platform.Nlp.Tests;

public class TokenizerTests
{
    [Fact]
    public void Pre_tokenized_sentences_keep_their_tokens_and_sentences()
    {
        var document = Document.FromWords([["Oslo", "'s", "mayor", "said", "\""], ["Rain", "fell", "in", "1996-08", "."]]);
        Assert.Equal("Oslo 's mayor said \"\nRain fell in 1996-08 .", document.Text);
        Assert.Equal(
            [TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.QuoteMark, TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.Number, TokenKind.Punctuation],
            document.Tokens.Select(t => t.Kind));
        Assert.Equal(["Oslo 's mayor said \"", "Rain fell in 1996-08 ."], document.Sentences.Select(s => s.Of(document.Text)));
    }

    [Theory]
    [InlineData("The U.S. said no.", new[] { "The", "U.S.", "said", "no", "." })]
    [InlineData("“We won,” she said.", new[] { "“", "We", "won", ",", "”", "she", "said", "." })]
    [InlineData("$ 700 billion, 1,000 troops", new[] { "$", "700", "billion", ",", "1,000", "troops" })]
    [InlineData("Russian-Venezuelan don't", new[] { "Russian-Venezuelan", "don't" })]
    [InlineData("Norway's fleet and the ministers’ plan", new[] { "Norway", "'s", "fleet", "and", "the", "ministers", "’", "plan" })]
    [InlineData("By mid-2013 two Tu-160 jets", new[] { "By", "mid-2013", "two", "Tu-160", "jets" })]
    [InlineData("on 1996-08-22 at 10:30", new[] { "on", "1996-08-22", "at", "10:30" })]
    public void Tokens_are_exact_spans_of_the_text(string text, string[] expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Sentences_do_not_break_after_titles_or_initialisms()
    {
        const string text = "Mr. Brown met U.S. envoys. They left. \"Go,\" he said.\nNext line";
        var document = Document.Parse(text);
        Assert.Equal(
            ["Mr. Brown met U.S. envoys.", "They left.", "\"Go,\" he said.", "Next line"],
            document.Sentences.Select(s => s.Of(text)));
    }
}
