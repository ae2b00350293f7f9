namespace Platform.Nlp.Quotes;

/// <summary>
/// Text between an opening quotation mark and the mark that closes it.
/// </summary>
/// <param name="Open">Index of the opening mark.</param>
/// <param name="Close">Index of the closing mark, or the end of the last paragraph when the quote never closes.</param>
/// <param name="Closed">Whether a closing mark was found.</param>
/// <param name="Paragraphs">How many paragraphs the quote runs over (each reopened with a mark).</param>
internal sealed record QuotedSpan(int Open, int Close, bool Closed, int Paragraphs)
{
    /// <summary>Index just after the closing mark (or the end when unclosed).</summary>
    public int After => Closed ? Close + 1 : Close;
}
