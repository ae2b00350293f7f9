using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// Lower-cased and upper-cased copies of training documents, so that the model also learns names without the
/// capital letters that news text gives them (forum posts, shouted headlines); and the same recasing for dev sets.
/// </summary>
internal static class CaseCopies
{
    /// <summary>For every <paramref name="every"/>-th document (0 = none) one copy, lower-case and upper-case in turn.</summary>
    public static List<SourceDocument> Of(IReadOnlyList<SourceDocument> documents, int every)
    {
        var copies = new List<SourceDocument>();
        if (every <= 0)
        {
            return copies;
        }

        for (var i = 0; i < documents.Count; i += every)
        {
            var source = documents[i];
            // Alternate which casing a document gets so that both cover every corpus at half the cost.
            var casing = i / every % 2 == 0 ? "lower" : "upper";
            copies.Add(source with { Document = Recase(source.Document, casing) });
        }

        return copies;
    }

    public static IReadOnlyList<ConllDocument> Recase(IReadOnlyList<ConllDocument> documents, string casing)
        => [.. documents.Select(d => Recase(d, casing))];

    private static ConllDocument Recase(ConllDocument document, string casing) => casing switch
    {
        "lower" => new([.. document.Sentences.Select(s => s with { Words = [.. s.Words.Select(w => w.ToLowerInvariant())] })]),
        "upper" => new([.. document.Sentences.Select(s => s with { Words = [.. s.Words.Select(w => w.ToUpperInvariant())] })]),
        _ => throw new ArgumentException($"unknown casing '{casing}' (lower or upper)", nameof(casing)),
    };
}
