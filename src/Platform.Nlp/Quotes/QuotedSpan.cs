namespace Platform.Nlp.Quotes;

/// <summary>
/// Text between an opening quotation mark and the mark that closes it.
/// </summary>
/// <param name="Open">Index of the opening mark.</param>
/// <param name="Close">Index of the closing mark, or the end of the last paragraph when the quote never closes.</param>
/// <param name="Closed">Whether a closing mark was found.</param>
/// <param name="OpenLength">Characters in the opening mark (2 for the two-apostrophe mark '' some wires use).</param>
/// <param name="CloseLength">Characters in the closing mark.</param>
internal sealed record QuotedSpan(int Open, int Close, bool Closed, int OpenLength = 1, int CloseLength = 1)
{
    /// <summary>Index just after the closing mark (or the end when unclosed).</summary>
    public int After => Closed ? Close + CloseLength : Close;

    /// <summary>Index just after the opening mark.</summary>
    public int ContentStart => Open + OpenLength;
}
