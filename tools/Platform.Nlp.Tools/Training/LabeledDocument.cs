using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// A training document: its tokens and the gold BILOU label of every token. <see cref="MiscOpen"/>, when set, marks
/// the O tokens of a corpus without a MISC class: there the target may be O or MISC, whichever the model prefers.
/// <see cref="Domain"/> is the kind of text, for domain features.
/// </summary>
internal sealed record LabeledDocument(TokenizedText Text, int[] Gold, bool[]? MiscOpen = null, TextDomain Domain = TextDomain.News)
{
    public static List<LabeledDocument> From(IEnumerable<ConllDocument> documents)
        => From(documents.Select(d => new SourceDocument(d, false)));

    public static List<LabeledDocument> From(IEnumerable<SourceDocument> documents)
        => [.. documents.Select(source =>
        {
            var d = source.Document;
            var gold = d.Sentences.SelectMany(s => NerLabels.FromTags(s.Tags)).ToArray();
            return new LabeledDocument(
                TokenizedText.FromWords([.. d.Sentences.Select(s => s.Words)]),
                gold,
                source.MiscUnannotated ? [.. gold.Select(g => g == 0)] : null,
                source.Domain);
        })];
}
