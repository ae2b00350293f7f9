using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests.Quotes;

/// <summary>Runs the default engine and checks one quote field by field.</summary>
internal static class QuoteAssert
{
    private static readonly NewsAnalyzer Engine = NewsAnalyzer.CreateDefault();

    public static IReadOnlyList<Quote> Quotes(string text)
    {
        var quotes = Engine.Analyze(text).Quotes;
        foreach (var q in quotes)
        {
            // Offsets are exact: the text is the span of the input.
            Assert.InRange(q.Span.Start, 0, text.Length);
            Assert.InRange(q.Span.End, q.Span.Start, text.Length);
            Assert.Equal(q.Text, q.Span.Of(text));
        }

        return quotes;
    }

    public static Quote Single(string text) => Assert.Single(Quotes(text));

    public static void Is(
        Quote quote, string text, string quoted, QuoteKind kind, string? speaker, string? cue, string? mention = null, string? channel = null)
    {
        Assert.Equal(quoted, quote.Text);
        Assert.Equal(kind, quote.Kind);
        Assert.Equal(speaker, quote.Speaker?.Name);
        Assert.Equal(cue, quote.Cue);
        if (mention is not null)
        {
            Assert.Equal(mention, quote.Speaker?.Mention?.Of(text));
        }

        if (channel is not null)
        {
            Assert.Equal(channel, quote.Channel);
        }
    }
}
