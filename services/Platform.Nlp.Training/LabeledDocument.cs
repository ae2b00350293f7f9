using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Training;

/// <summary>A training document: its tokens and the gold BILOU label of every token.</summary>
internal sealed record LabeledDocument(TokenizedText Text, int[] Gold)
{
    public static List<LabeledDocument> From(IEnumerable<ConllDocument> documents)
        => [.. documents.Select(d => new LabeledDocument(
            TokenizedText.FromWords([.. d.Sentences.Select(s => s.Words)]),
            [.. d.Sentences.SelectMany(s => NerLabels.FromTags(s.Tags))]))];
}
