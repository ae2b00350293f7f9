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
        var goldTypes = GoldTypes(documents);
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

    /// <summary>
    /// The product's path: every document is turned back into running text (<see cref="ConllDetokenizer"/>), the
    /// whole engine analyses it as <c>platform extract --offline</c> does (its own tokens, sentences, model, rules
    /// and canonicalization), and its entity mentions are scored against the gold phrases by character span:
    /// PERSON as PER, NORP as MISC, DATE and MONEY left out (CoNLL has neither). A mention whose boundary falls
    /// inside a gold token can never match, so tokenization errors cost what they cost the user. A final dot is not
    /// a boundary: CoNLL splits the dot of a sentence-final "Inc." off as the sentence's full stop ("Tilcon Inc ."),
    /// so "Tilcon Inc" and "Tilcon Inc." are the same phrase.
    /// </summary>
    public static PhraseScorer EvaluateRawText(NewsAnalyzer engine, IReadOnlyList<ConllDocument> documents, bool onlyGoldTypes = false, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(documents);
        var goldTypes = GoldTypes(documents);
        var scorer = new PhraseScorer();
        foreach (var document in documents)
        {
            var raw = ConllDetokenizer.Detokenize(document);
            var gold = new HashSet<(string, int, int)>();
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                foreach (var (type, first, last) in PhraseScorer.Chunks(document.Sentences[s].Tags))
                {
                    gold.Add((type, raw.Tokens[s][first].Start, WithoutFinalDot(raw.Text, raw.Tokens[s][first].Start, raw.Tokens[s][last].End)));
                }
            }

            var predicted = new List<(string Type, int Start, int End)>();
            foreach (var entity in engine.Analyze(raw.Text).Entities)
            {
                if (ConllType(entity.Type) is { } type && (!onlyGoldTypes || goldTypes.Contains(type)))
                {
                    predicted.AddRange(entity.Mentions.Select(m => (type, m.Span.Start, WithoutFinalDot(raw.Text, m.Span.Start, m.Span.End))));
                }
            }

            predicted.Sort((a, b) => a.Start.CompareTo(b.Start));
            scorer.Add(gold, predicted, raw.Tokens.Sum(t => t.Length));
            if (output is not null)
            {
                WriteProjected(output, document, raw, predicted);
            }
        }

        return scorer;
    }

    private static int WithoutFinalDot(string text, int start, int end) => end - 1 > start && text[end - 1] == '.' ? end - 1 : end;

    /// <summary>The CoNLL type the engine's entity type is scored as, or null for types CoNLL does not annotate.</summary>
    public static string? ConllType(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Org => "ORG",
        EntityType.Loc => "LOC",
        EntityType.Misc or EntityType.Norp => "MISC",
        _ => null,
    };

    // conlleval input (word, gold tag, predicted tag) with the engine's mentions projected onto the gold tokens; a
    // tag ending in "~" marks a token that a mention boundary cuts through.
    private static void WriteProjected(TextWriter output, ConllDocument document, RawConllDocument raw, List<(string Type, int Start, int End)> predicted)
    {
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                var token = raw.Tokens[s][i];
                var tag = "O";
                foreach (var (type, start, end) in predicted)
                {
                    if (start < token.End && token.Start < end)
                    {
                        tag = (start >= token.Start ? "B-" : "I-") + type + (start > token.Start || end < token.End ? "~" : "");
                        break;
                    }
                }

                output.WriteLine($"{sentence.Words[i]} {sentence.Tags[i]} {tag}");
            }

            output.WriteLine();
        }
    }

    private static HashSet<string> GoldTypes(IReadOnlyList<ConllDocument> documents)
    {
        var goldTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in documents.SelectMany(d => d.Sentences).SelectMany(s => s.Tags))
        {
            if (tag.Length > 2 && tag[1] == '-')
            {
                goldTypes.Add(tag[2..]);
            }
        }

        return goldTypes;
    }

    private static string[] TagWithRules(NerModel model, ConllDocument document)
    {
        var parsed = Document.FromWords([.. document.Sentences.Select(s => s.Words)]);
        var tags = new string[parsed.Tokens.Count];
        Array.Fill(tags, "O");
        var t = 0;
        foreach (var span in new StatisticalEntityRecognizer(model).RecognizeNames(parsed))
        {
            var type = ConllType(span.Type);
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
