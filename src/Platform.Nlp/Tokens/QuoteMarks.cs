namespace Platform.Nlp.Tokens;

/// <summary>The quotation marks the engine knows, and which of them open and close.</summary>
public static class QuoteMarks
{
    public static bool IsQuoteMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB'
        or '\u2018' or '\u2019' or '\u201A' or '\'';

    /// <summary>Double-quote style marks: the ones news text uses for quotations.</summary>
    public static bool IsDoubleMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';
}
