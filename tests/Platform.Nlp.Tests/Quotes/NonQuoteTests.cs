namespace Platform.Nlp.Tests.Quotes;

public class NonQuoteTests
{
    [Theory]
    [InlineData("The report found no trace of \"wrongdoing\" in the deal.")]
    [InlineData("The plan puts a “squeeze” on small farms.")]
    [InlineData("Parliament passed the “Law on Clean Rivers and Lakes” on Tuesday.")]
    [InlineData("The film “The Long Road Home” opens in May.")]
    public void Scare_quotes_terms_and_titles_are_not_quotes(string text)
    {
        Assert.Empty(QuoteAssert.Quotes(text));
    }

    [Fact]
    public void Heading_in_marks_on_its_own_line_is_not_a_quote()
    {
        Assert.Empty(QuoteAssert.Quotes("\"A Long Winter Ahead\"\n\nThe council met on Monday to discuss heating."));
    }

    [Fact]
    public void Photo_captions_and_credits_are_not_quotes()
    {
        const string text = "The dam held.\n\n  • \"Flood barrier\" near the old port gate\n  • Reuters\n  • © Jan Novak\n\nWork goes on.";
        Assert.Empty(QuoteAssert.Quotes(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("“”„“«»‘’''\"\"")]
    [InlineData("\"\n\n\"\n\n\"")]
    [InlineData("said said said \" , said")]
    [InlineData("According to")]
    [InlineData("He said that")]
    [InlineData(", said the")]
    [InlineData("\uD83D\"\uDE00 said \"x\uD800")]
    [InlineData("“unclosed and long enough to look like a real quotation from someone")]
    public void Odd_input_never_throws(string text)
    {
        _ = QuoteAssert.Quotes(text);
    }

    [Fact]
    public void Random_input_never_throws_and_offsets_stay_in_range()
    {
        var random = new Random(7);
        const string alphabet = "ab Cd\"“”„«»‘’'.,:;-—\n said told according to that he She 🎉";
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            _ = QuoteAssert.Quotes(new string(chars));
        }
    }
}
