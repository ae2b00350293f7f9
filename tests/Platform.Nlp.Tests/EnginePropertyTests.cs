using CsCheck;
using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tests;

/// <summary>
/// Properties that must hold for any text at all: no exception, every span inside the text and equal to the text it
/// reports, quotes that do not overlap, speakers and entity references that exist.
/// </summary>
public class EnginePropertyTests
{
    private static readonly NewsAnalyzer Engine = NewsAnalyzer.CreateDefault();

    // Pieces news text is made of, plus the characters that break naive code: every quotation mark, dashes,
    // bullets, control characters, lone and paired surrogates, right-to-left text, emoji.
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "„", "«", "»", "‘", "’", "'", " ", " ", " ", "\n", "\n\n", "  • ", ", ", ". ", ": ", " - ", " — ",
        "said", "says", "told", "according to", "she", "he", "they", "the minister", "that", "wrote", "on Twitter",
        "Maria", "Zakharova", "Elena Marsh", "Kremlin", "U.S.", "Mr.", "$ 700 billion", "February 28", "RIA Novosti",
        "We will win", "it is true", "(", ")", "\t", "\0", "\u0007", "\uD800", "\uDC00", "\U0001F600", "שלום", "مرحبا",
        "\u200F", "\u00AD", "...", "?!", "x", "Abc", "1,000",
    ];

    private static readonly Gen<string> NewsLikeText =
        Gen.Int[0, Pieces.Length - 1].Array[0, 120].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    [Fact]
    public void Any_news_like_text_gives_a_well_formed_analysis()
        => NewsLikeText.Sample(AssertWellFormed, iter: 3000);

    [Fact]
    public void Any_random_text_gives_a_well_formed_analysis()
        => Gen.String.Sample(AssertWellFormed, iter: 3000);

    [Theory]
    [InlineData(100_000, "\"")]
    [InlineData(50_000, "“a ")]
    [InlineData(210_000, "word ")] // over 1 MB without punctuation: one long sentence
    [InlineData(10_000, "\"He said,\" she said. ")]
    public void Pathological_repetition_is_handled(int count, string unit)
        => AssertWellFormed(string.Concat(Enumerable.Repeat(unit, count)));

    private static void AssertWellFormed(string text)
    {
        var analysis = Engine.Analyze(text);
        foreach (var entity in analysis.Entities)
        {
            Assert.Equal(entity.Id, analysis.Entities.ToList().IndexOf(entity));
            foreach (var mention in entity.Mentions)
            {
                AssertSpan(text, mention.Span);
                Assert.Equal(mention.Text, mention.Span.Of(text));
            }
        }

        TextSpan? previous = null;
        foreach (var quote in analysis.Quotes.OrderBy(q => q.Span.Start))
        {
            AssertSpan(text, quote.Span);
            Assert.Equal(quote.Text, quote.Span.Of(text));
            Assert.InRange(quote.Confidence, 0f, 1f);
            if (previous is { } p)
            {
                Assert.False(p.Overlaps(quote.Span), $"quotes {p} and {quote.Span} overlap");
            }

            previous = quote.Span;
            if (quote.Speaker?.Mention is { } mention)
            {
                AssertSpan(text, mention);
            }

            if (quote.Speaker?.EntityId is { } id)
            {
                Assert.InRange(id, 0, analysis.Entities.Count - 1);
            }

            Assert.All(quote.EntityIds, e => Assert.InRange(e, 0, analysis.Entities.Count - 1));
        }
    }

    private static void AssertSpan(string text, TextSpan span)
    {
        Assert.InRange(span.Start, 0, text.Length);
        Assert.InRange(span.End, span.Start, text.Length);
        // A span never cuts a surrogate pair in half (the wire counts code points).
        Assert.False(span.Start > 0 && span.Start < text.Length && char.IsLowSurrogate(text[span.Start]) && char.IsHighSurrogate(text[span.Start - 1]));
        Assert.False(span.End > 0 && span.End < text.Length && char.IsLowSurrogate(text[span.End]) && char.IsHighSurrogate(text[span.End - 1]));
    }
}
