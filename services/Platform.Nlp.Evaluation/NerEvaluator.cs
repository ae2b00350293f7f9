using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Evaluation;

/// <summary>Runs the named-entity model over gold CoNLL documents and scores it phrase by phrase.</summary>
public static class NerEvaluator
{
    /// <summary>
    /// Tags every document with <paramref name="model"/> (tokens as given in the file) and scores the result.
    /// Types the gold data lacks (e.g. MISC in Universal NER) are removed from the predictions first when
    /// <paramref name="onlyGoldTypes"/> is set.
    /// </summary>
    public static PhraseScorer Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents, bool onlyGoldTypes = false, TextWriter? output = null)
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
            var text = TokenizedText.FromWords([.. document.Sentences.Select(s => s.Words)]);
            var predicted = NerLabels.ToBio(model.Tag(text));
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
}
