using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Tokens;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tests;

/// <summary>The document-level feature sets: words around other occurrences, and the second pass's label history.</summary>
public class DocumentFeaturesTests
{
    private const int Bits = 20;

    private static readonly Lexicon EmptyLexicon = CreateLexicon();

    private static Lexicon CreateLexicon()
    {
        var lexicon = new Lexicon();
        lexicon.Freeze();
        return lexicon;
    }

    private static (TokenizedText Text, TokenInfo[] Infos) Prepare(string text, FeatureSet features)
    {
        var document = TokenizedText.FromDocument(Document.Parse(text));
        return (document, new Tagger(EmptyLexicon, features).Prepare(document));
    }

    private static int IndexOf(TokenizedText document, string word, int occurrence = 0)
    {
        var found = -1;
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            var token = document.Tokens[i];
            if (document.Text.AsSpan(token.Start, token.Length).SequenceEqual(word) && found++ == occurrence - 1)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{word}' occurrence {occurrence} not found");
    }

    private static int[] FeaturesOf(TokenizedText document, TokenInfo[] infos, int token, FeatureSet features, bool secondPass = false)
    {
        var (start, end) = document.Sentences.First(s => s.Start <= token && token < s.End);
        var output = new int[FeatureExtractor.MaxFeatures];
        var count = FeatureExtractor.Extract(EmptyLexicon, document.Text, infos.AsSpan(start, end - start), token - start, Bits, secondPass, output, features);
        return output[..count];
    }

    private static int Feature(ulong template, string word) => (int)(FeatureHash.Combine(template, FeatureHash.Lower(word)) >> (64 - Bits));

    [Fact]
    public void A_capitalized_word_sees_the_words_around_its_other_occurrences()
    {
        const string text = "Okonkwo arrived late. The talks ended, said Okonkwo to reporters.";
        const FeatureSet contexts = FeatureSet.Extended | FeatureSet.OtherContexts;
        var (document, infos) = Prepare(text, contexts);
        var first = IndexOf(document, "Okonkwo");

        // At the start of the first sentence the word has no left neighbour; the other occurrence lends "said" and "to".
        var features = FeaturesOf(document, infos, first, contexts);
        Assert.Contains(Feature(76, "said"), features);
        Assert.Contains(Feature(77, "to"), features);

        // The second occurrence borrows "arrived" from the first; the first had no word before it, which lends nothing.
        var second = FeaturesOf(document, infos, IndexOf(document, "Okonkwo", 1), contexts);
        Assert.Contains(Feature(77, "arrived"), second);
        Assert.Equal(1, infos[IndexOf(document, "Okonkwo", 1)].OtherContextCount);
    }

    [Fact]
    public void Without_the_feature_set_no_other_context_is_extracted()
    {
        const string text = "Okonkwo arrived late. The talks ended, said Okonkwo to reporters.";
        var (document, infos) = Prepare(text, FeatureSet.Extended);
        var features = FeaturesOf(document, infos, IndexOf(document, "Okonkwo"), FeatureSet.Extended);
        Assert.DoesNotContain(Feature(76, "said"), features);
        Assert.Equal(0, infos[IndexOf(document, "Okonkwo")].OtherContextCount);
    }

    [Fact]
    public void With_context_clusters_neighbours_of_one_cluster_lend_one_feature()
    {
        var lexicon = new Lexicon();
        lexicon.AddCluster(0, "said", "1011001110");
        lexicon.AddCluster(0, "told", "1011001110");
        lexicon.Freeze();
        const string text = "Okonkwo arrived. Later said Okonkwo. Then told Okonkwo.";
        var document = TokenizedText.FromDocument(Document.Parse(text));
        var infos = new Tagger(lexicon, FeatureSet.Extended | FeatureSet.OtherContextClusters).Prepare(document);

        // "said" and "told" are one cluster: the first "Okonkwo" gets one left-context feature for both, not two;
        // the full stop has no cluster and lends its word.
        var first = infos[IndexOf(document, "Okonkwo")];
        var cluster = FeatureHash.Combine(80, lexicon.ClusterPrefixHash(0, infos[IndexOf(document, "said")].Cluster0, 2));
        Assert.Equal([cluster, FeatureHash.Combine(77, FeatureHash.Lower("."))], first.OtherContexts[..first.OtherContextCount].ToArray());

        // After "said", the "told" of the third occurrence is the token's own context: only "arrived" is new.
        var second = infos[IndexOf(document, "Okonkwo", 1)];
        Assert.Equal([FeatureHash.Combine(77, FeatureHash.Lower("arrived"))], second.OtherContexts[..second.OtherContextCount].ToArray());
    }

    [Fact]
    public void With_place_classes_a_known_place_learns_its_lent_contexts_apart_from_people()
    {
        var lexicon = new Lexicon();
        lexicon.AddPhrase("Valmora", PhraseList.City);
        lexicon.Freeze();
        const string text = "Officials in Valmora met Okonkwo. Valmora said talks would resume. Okonkwo said so too.";
        var document = TokenizedText.FromDocument(Document.Parse(text));
        var lentIn = FeatureHash.Combine(76, FeatureHash.Lower("in"));
        var lentSaid = FeatureHash.Combine(77, FeatureHash.Lower("said"));

        // Without the flag the city borrows "in" as a person would borrow a title.
        var plain = new Tagger(lexicon, FeatureSet.Extended | FeatureSet.OtherContexts).Prepare(document);
        var second = plain[IndexOf(document, "Valmora", 1)];
        Assert.Contains(lentIn, second.OtherContexts[..second.OtherContextCount].ToArray());

        // With it the city's lent contexts are conjoined with its class (2 = city); the person's stay as they were.
        var classed = new Tagger(lexicon, FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.OtherContextPlaceClass).Prepare(document);
        var city = classed[IndexOf(document, "Valmora", 1)];
        Assert.Equal(
            [FeatureHash.Combine(FeatureHash.Combine(82, 2UL), lentIn), FeatureHash.Combine(FeatureHash.Combine(82, 2UL), FeatureHash.Combine(77, FeatureHash.Lower("met")))],
            city.OtherContexts[..city.OtherContextCount].ToArray());
        var person = classed[IndexOf(document, "Okonkwo")];
        Assert.Contains(lentSaid, person.OtherContexts[..person.OtherContextCount].ToArray());

        // Without places the city is lent nothing, the person as before.
        var withoutPlaces = new Tagger(lexicon, FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.OtherContextNotPlaces).Prepare(document);
        Assert.Equal(0, withoutPlaces[IndexOf(document, "Valmora", 1)].OtherContextCount);
        Assert.Contains(lentSaid, withoutPlaces[IndexOf(document, "Okonkwo")].OtherContexts[..withoutPlaces[IndexOf(document, "Okonkwo")].OtherContextCount].ToArray());
    }

    [Fact]
    public void With_left_contexts_only_the_word_after_other_occurrences_is_not_lent()
    {
        const string text = "Okonkwo arrived late. The talks ended, said Okonkwo to reporters.";
        var (_, both) = Prepare(text, FeatureSet.Extended | FeatureSet.OtherContexts);
        var (document, left) = Prepare(text, FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.OtherContextLeftOnly);
        var first = IndexOf(document, "Okonkwo");
        Assert.Equal(2, both[first].OtherContextCount);
        Assert.Equal([FeatureHash.Combine(76, FeatureHash.Lower("said"))], left[first].OtherContexts[..left[first].OtherContextCount].ToArray());

        // The second occurrence could borrow only "arrived", which stands after the first.
        Assert.Equal(0, left[IndexOf(document, "Okonkwo", 1)].OtherContextCount);
    }

    [Fact]
    public void Lowercase_and_single_occurrence_words_get_no_other_contexts_and_capitals_match_any_casing()
    {
        const string text = "TALKS IN VALMORA. The talks in Valmora ended as the talks in the capital began.";
        var (document, infos) = Prepare(text, FeatureSet.Extended | FeatureSet.OtherContexts);
        Assert.Equal(0, infos[IndexOf(document, "talks")].OtherContextCount);
        Assert.Equal(0, infos[IndexOf(document, "capital")].OtherContextCount);

        // The headline's "VALMORA" and the body's "Valmora" are one word: the headline borrows "ended".
        var headline = infos[IndexOf(document, "VALMORA")];
        Assert.Equal(1, headline.OtherContextCount);
        Assert.Equal(FeatureHash.Combine(77, FeatureHash.Lower("ended")), headline.OtherContexts[0]);
    }

    [Fact]
    public void The_label_history_tells_one_word_from_longer_entities_and_the_earlier_type()
    {
        const string text = "Maria Zakharova spoke. Zakharova left.";
        var (document, infos) = Prepare(text, FeatureSet.Extended | FeatureSet.LabelHistory);
        var labels = new int[infos.Length];
        var maria = IndexOf(document, "Maria");
        var later = IndexOf(document, "Zakharova", 1);
        labels[maria] = NerLabels.Make(0, NerLabels.Begin);
        labels[maria + 1] = NerLabels.Make(0, NerLabels.Last);
        labels[later] = NerLabels.Make(1, NerLabels.Unit);
        DocumentContext.Fill(infos, labels);

        // The later "Zakharova" (an ORG here) was part of a longer PER before: bit 2·PER + 1, earlier class 1 + PER.
        Assert.Equal(1 << 1, infos[later].DocumentParts);
        Assert.Equal(1, infos[later].EarlierClass);
        Assert.Equal(1 << 2, infos[maria + 1].DocumentParts); // the other one was a one-word ORG: bit 2·ORG
        Assert.Equal(-1, infos[maria + 1].EarlierClass);

        var withHistory = FeaturesOf(document, infos, later, FeatureSet.Extended | FeatureSet.LabelHistory, secondPass: true);
        var without = FeaturesOf(document, infos, later, FeatureSet.Extended, secondPass: true);
        Assert.Equal(without.Length + 2, withHistory.Length);
        Assert.Equal(without, withHistory[..without.Length]);
    }

    [Fact]
    public void Document_feature_sets_are_saved_with_the_model_and_an_unknown_one_is_refused()
    {
        const string corpus = """
            -DOCSTART- -X- -X- O

            Okonkwo NNP B-NP B-PER
            arrived VBD B-VP O
            in IN B-PP O
            Valmora NNP B-NP B-LOC
            . . O O

            Okonkwo NNP B-NP B-PER
            left VBD B-VP O
            . . O O

            -DOCSTART- -X- -X- O

            Minister NNP B-NP O
            Okonkwo NNP I-NP B-PER
            left VBD B-VP O
            Valmora NNP B-NP B-LOC
            . . O O

            """;
        var documents = ConllCorpus.Read(new StringReader(corpus));
        const FeatureSet all = FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.LabelHistory;
        var options = new TrainingOptions(Bits: 14, Epochs: 6, Seed: 3, Folds: 2, Features: all);
        var model = new NerTrainer(EmptyLexicon, options, TextWriter.Null).Train(LabeledDocument.From(documents), null, "tiny");

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(all, loaded.Features);
        Assert.Equal(100.0, NerEvaluator.Evaluate(loaded, documents).Overall.F1, 3);

        var unknown = new NerModel(EmptyLexicon, model.First, model.Second, "future", (FeatureSet)128);
        using var future = new MemoryStream();
        unknown.Save(future);
        future.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(future));
    }

    [Fact]
    public void Feature_sets_parse_from_the_command_line_names()
    {
        Assert.Equal(FeatureSet.Base, FeatureSets.Parse("base"));
        Assert.Equal(FeatureSet.Extended, FeatureSets.Parse("extended"));
        Assert.Equal(FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.LabelHistory, FeatureSets.Parse("extended+contexts+history"));
        Assert.Equal(
            FeatureSet.Extended | FeatureSet.OtherContextClusters | FeatureSet.OtherContextPlaceClass | FeatureSet.OtherContextLeftOnly,
            FeatureSets.Parse("extended+context-clusters+context-places+context-left"));
        Assert.Equal(FeatureSet.Extended | FeatureSet.OtherContextClusters | FeatureSet.OtherContextNotPlaces, FeatureSets.Parse("extended+context-clusters+context-not-places"));
        Assert.Throws<ArgumentException>(() => FeatureSets.Parse("extended+everything"));
    }
}
