using Platform.Nlp.Analysis;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Evaluation;

/// <summary>Runs the named-entity model over gold CoNLL documents and scores it phrase by phrase.</summary>
public static class NerEvaluator
{
    /// <summary>
    /// Tags every document with <paramref name="model"/> (tokens as given in the file) and scores the result.
    /// Types the gold data lacks (e.g. MISC in Universal NER) are removed from the predictions first when
    /// <paramref name="onlyGoldTypes"/> is set.
    /// With <paramref name="withRules"/> the engine's rule layer (NORP, news conventions) runs on the model's spans
    /// first, NORP is scored as MISC, and DATE/MONEY are not added, so that the effect of the rules on CoNLL shows.
    /// </summary>
    public static PhraseScorer Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents, bool onlyGoldTypes = false, TextWriter? output = null, bool withRules = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var goldTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in documents.SelectMany(d => d.Sentences).SelectMany(s => s.Tags))
        {
            if (tag.Length > 2 && tag[1] == '-')
            {
                goldTypes.Add(tag[2..]);
            }
        }

        var scorer = new PhraseScorer();
        foreach (var document in documents)
        {
            var predicted = withRules
                ? TagWithRules(model, document)
                : NerLabels.ToBio(model.Tag(TokenizedText.FromWords([.. document.Sentences.Select(s => s.Words)])));
            var offset = 0;
            foreach (var sentence in document.Sentences)
            {
                var tags = predicted.AsSpan(offset, sentence.Words.Count).ToArray();
                offset += sentence.Words.Count;
                if (onlyGoldTypes)
                {
                    for (var i = 0; i < tags.Length; i++)
                    {
                        if (tags[i].Length > 2 && !goldTypes.Contains(tags[i][2..]))
                        {
                            tags[i] = "O";
                        }
                    }
                }

                scorer.Add(sentence.Tags, tags);
                if (output is not null)
                {
                    // conlleval input format: word, gold tag, predicted tag; blank line between sentences.
                    for (var i = 0; i < tags.Length; i++)
                    {
                        output.WriteLine($"{sentence.Words[i]} {sentence.Tags[i]} {tags[i]}");
                    }

                    output.WriteLine();
                }
            }
        }

        return scorer;
    }

    private static string[] TagWithRules(NerModel model, ConllDocument document)
    {
        var parsed = Document.FromWords([.. document.Sentences.Select(s => s.Words)]);
        var tags = new string[parsed.Tokens.Count];
        Array.Fill(tags, "O");
        var t = 0;
        foreach (var span in new StatisticalEntityRecognizer(model).RecognizeNames(parsed))
        {
            var type = span.Type switch
            {
                EntityType.Person => "PER",
                EntityType.Org => "ORG",
                EntityType.Loc => "LOC",
                EntityType.Misc or EntityType.Norp => "MISC",
                _ => null,
            };
            while (t < tags.Length && parsed.Tokens[t].Start < span.Span.Start)
            {
                t++;
            }

            for (var first = t; type is not null && t < tags.Length && parsed.Tokens[t].End <= span.Span.End; t++)
            {
                tags[t] = (t == first ? "B-" : "I-") + type;
            }
        }

        return tags;
    }
}
