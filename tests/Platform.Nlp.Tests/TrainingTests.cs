using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tests;

public class TrainingTests
{
    // A handful of invented sentences in CoNLL layout: enough for the perceptron to fit them.
    private const string Corpus = """
        -DOCSTART- -X- -X- O

        Ingrid NNP B-NP B-PER
        Holm NNP I-NP I-PER
        visited VBD B-VP O
        Tromso NNP B-NP B-LOC
        . . O O

        Holm NNP B-NP B-PER
        joined VBD B-VP O
        Fjordline NNP B-NP B-ORG
        in IN B-PP O
        Tromso NNP B-NP B-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Fjordline NNP B-NP B-ORG
        hired VBD B-VP O
        Paolo NNP B-NP B-PER
        Verdi NNP I-NP I-PER
        from IN B-PP O
        Bergamo NNP B-NP B-LOC
        . . O O

        Verdi NNP B-NP B-PER
        likes VBZ B-VP O
        Norwegian JJ B-NP B-MISC
        food NN I-NP O
        . . O O

        """;

    [Fact]
    public void A_tiny_model_trains_saves_loads_and_fits_its_data()
    {
        var documents = ConllCorpus.Read(new StringReader(Corpus));
        var lexicon = new Lexicon();
        lexicon.Freeze();
        var options = new TrainingOptions(Bits: 14, Epochs: 6, Seed: 3, Folds: 2, SecondPass: true);
        var model = new NerTrainer(lexicon, options, TextWriter.Null).Train(LabeledDocument.From(documents), null, "tiny");

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);

        var score = NerEvaluator.Evaluate(loaded, documents);
        Assert.Equal(100.0, score.Overall.F1, 3);
        Assert.Equal("tiny", loaded.Description);
    }

    [Fact]
    public void The_extended_feature_set_is_saved_with_the_model()
    {
        var documents = ConllCorpus.Read(new StringReader(Corpus));
        var lexicon = new Lexicon();
        lexicon.Freeze();
        var options = new TrainingOptions(Bits: 14, Epochs: 6, Seed: 3, Folds: 2, Features: FeatureSet.Extended);
        var model = new NerTrainer(lexicon, options, TextWriter.Null).Train(LabeledDocument.From(documents), null, "tiny");

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);

        Assert.Equal(FeatureSet.Extended, loaded.Features);
        Assert.Equal(100.0, NerEvaluator.Evaluate(loaded, documents).Overall.F1, 3);
    }

    [Fact]
    public void Views_name_the_feature_groups_each_run_leaves_out()
    {
        var options = new TrainingOptions(Views: "all, -koo, -turian-gazetteers");
        Assert.Equal([FeatureGroups.None, FeatureGroups.Koo, FeatureGroups.Turian | FeatureGroups.Gazetteers], options.OmittedGroups());
    }

    [Fact]
    public void Runs_with_different_views_still_fit_a_tiny_corpus()
    {
        var documents = ConllCorpus.Read(new StringReader(Corpus));
        var lexicon = new Lexicon();
        lexicon.Freeze();
        var options = new TrainingOptions(Bits: 14, Epochs: 6, Seed: 3, Folds: 2, Runs: 2, Views: "all,-affixes", Update: UpdateRule.PassiveAggressive);
        var model = new NerTrainer(lexicon, options, TextWriter.Null).Train(LabeledDocument.From(documents), null, "tiny");

        Assert.Equal(100.0, NerEvaluator.Evaluate(model, documents).Overall.F1, 3);
    }

    [Fact]
    public void Phrase_scorer_counts_exact_phrases_like_conlleval()
    {
        var scorer = new PhraseScorer();
        scorer.Add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-ORG"]);
        // IOB1: I- after O starts a phrase.
        scorer.Add(["I-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]);
        Assert.Equal(3, scorer.Overall.Gold);
        Assert.Equal(2, scorer.Overall.Correct);
        Assert.Equal(66.67, scorer.Overall.F1, 2);
    }
}
