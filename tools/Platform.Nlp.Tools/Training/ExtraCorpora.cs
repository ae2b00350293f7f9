using System.Globalization;
using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Tools.Training;

/// <summary>
/// A training document, whether its O tokens may hide MISC mentions (the corpus has no MISC class), and its domain.
/// </summary>
internal sealed record SourceDocument(ConllDocument Document, bool MiscUnannotated, TextDomain Domain = TextDomain.News);

/// <summary>
/// Training corpora beyond CoNLL-2003, mapped to PER/ORG/LOC/MISC (docs/quality.md lists the mapping):
/// <list type="bullet">
/// <item><c>uner</c>: Universal NER English-EWT train (web and forum text); PER/ORG/LOC as they are.</item>
/// <item><c>btc</c>: Broad Twitter Corpus, all sections; PER/ORG/LOC as they are; one tweet per document.</item>
/// <item><c>wnut</c>: WNUT-17 train (tweets); person → PER, location → LOC, corporation and group → ORG,
/// product and creative-work → MISC; one tweet per document.</item>
/// </list>
/// None of them annotates everything CoNLL calls MISC (nationalities, events, titles), so their O tokens are
/// marked as possibly MISC and training does not punish the model for a MISC there.
/// </summary>
internal static class ExtraCorpora
{
    public static readonly string[] Names = ["uner", "btc", "wnut"];

    private static readonly string[] BtcSections = ["a", "b", "e", "f", "g", "h"];

    public static List<SourceDocument> Load(string data, string names, TextWriter log)
    {
        var documents = new List<SourceDocument>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var loaded = name switch
            {
                "uner" => ConllCorpus.ReadFile(Path.Combine(data, "uner_en_ewt", "en_ewt-ud-train.iob2.gz")).ToList(),
                "btc" => [.. BtcSections
                    .SelectMany(section => PerSentence(ConllCorpus.ReadFile(Path.Combine(data, "btc", section + ".conll.gz"))))],
                "wnut" => [.. PerSentence(ConllCorpus.ReadFile(Path.Combine(data, "wnut17", "wnut17train.conll.gz"))).Select(MapWnut)],
                _ => throw new ArgumentException($"--extra: unknown corpus '{name}' ({string.Join(", ", Names)})"),
            };
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"extra corpus {name}: {loaded.Count} documents, {loaded.Sum(d => d.Sentences.Sum(s => s.Words.Count))} tokens"));
            var domain = name == "uner" ? TextDomain.Web : TextDomain.Tweet;
            documents.AddRange(loaded.Select(d => new SourceDocument(d, MiscUnannotated: true, domain)));
        }

        return documents;
    }

    // Tweets are independent texts: the second pass must not take one tweet's labels as another's context.
    private static IEnumerable<ConllDocument> PerSentence(IEnumerable<ConllDocument> documents)
        => documents.SelectMany(d => d.Sentences).Select(s => new ConllDocument([s]));

    private static ConllDocument MapWnut(ConllDocument document)
        => new([.. document.Sentences.Select(s => new ConllSentence(s.Words, [.. s.Tags.Select(MapWnutTag)]))]);

    internal static string MapWnutTag(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-')
        {
            return "O";
        }

        var type = tag[2..] switch
        {
            "person" => "PER",
            "location" => "LOC",
            "corporation" or "group" => "ORG",
            "product" or "creative-work" => "MISC",
            _ => null,
        };
        return type is null ? "O" : $"{tag[0]}-{type}";
    }
}
