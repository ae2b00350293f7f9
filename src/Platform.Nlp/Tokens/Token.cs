using Platform.Nlp.Analysis;

namespace Platform.Nlp.Tokens;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or periods ("Zakharova", "don't", "U.S.").</summary>
    Word,
    /// <summary>Digits, possibly with inner separators ("700", "1,000", "3.5").</summary>
    Number,
    /// <summary>A quotation mark of any style.</summary>
    QuoteMark,
    /// <summary>Any other single non-space character.</summary>
    Punctuation,
}

/// <summary>A token with its exact position in the text.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind)
{
    public int Start => Span.Start;

    public int End => Span.End;
}
