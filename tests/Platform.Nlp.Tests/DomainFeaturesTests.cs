using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tests;

public class DomainFeaturesTests
{
    // Invented sentences: the news documents tag the product "Zephyrlink" MISC, the web documents ORG, so one model
    // without a domain feature cannot fit both.
    internal const string News = """
        -DOCSTART- -X- -X- O

        Marta NNP B-NP B-PER
        Lind NNP I-NP I-PER
        sold VBD B-VP O
        Zephyrlink NNP B-NP B-MISC
        in IN B-PP O
        Oslo NNP B-NP B-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Zephyrlink NNP B-NP B-MISC
        sales NNS I-NP O
        rose VBD B-VP O
        in IN B-PP O
        Bergen NNP B-NP B-LOC
        . . O O

        """;

    internal const string Web = """
        -DOCSTART- -X- -X- O

        Zephyrlink NNP B-NP B-ORG
        sales NNS I-NP O
        rose VBD B-VP O
        in IN B-PP O
        Bergen NNP B-NP B-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Marta NNP B-NP B-PER
        Lind NNP I-NP I-PER
        sold VBD B-VP O
        Zephyrlink NNP B-NP B-ORG
        in IN B-PP O
        Oslo NNP B-NP B-LOC
        . . O O

        """;

    [Fact]
    public void A_domain_copy_is_a_bucket_of_the_same_table_and_differs_by_domain()
    {
        const int bits = 12;
        var differs = 0;
        for (var f = 0; f < 1000; f++)
        {
            var news = DomainFeatures.CopyOf(f, TextDomain.News, bits);
            var web = DomainFeatures.CopyOf(f, TextDomain.Web, bits);
            Assert.InRange(news, 0, (1 << bits) - 1);
            Assert.InRange(web, 0, (1 << bits) - 1);
            Assert.Equal(news, DomainFeatures.CopyOf(f, TextDomain.News, bits));
            differs += news != web ? 1 : 0;
        }

        Assert.True(differs > 990, $"only {differs} of 1000 features have different news and web copies");
    }

    [Fact]
    public void A_training_sentence_with_a_domain_holds_each_feature_and_its_conjoined_copy()
    {
        const int stride = 4;
        int[] features = [5, 9, 0, 0, 7, 0, 0, 0];
        int[] counts = [2, 1];
        var plain = new TrainingSentence(features, counts, stride, [0, 0]);
        var conjoined = new TrainingSentence(features, counts, stride, [0, 0], domain: (TextDomain.Tweet, 10));

        Assert.Equal([5, 9], plain.FeaturesOf(0).ToArray());
        Assert.Equal(
            [5, 9, DomainFeatures.CopyOf(5, TextDomain.Tweet, 10), DomainFeatures.CopyOf(9, TextDomain.Tweet, 10)],
            conjoined.FeaturesOf(0).ToArray());
        Assert.Equal([7, DomainFeatures.CopyOf(7, TextDomain.Tweet, 10)], conjoined.FeaturesOf(1).ToArray());
    }

    [Fact]
    public void The_folded_table_scores_plain_features_as_training_scores_them_with_their_news_copies()
    {
        const int bits = 8;
        var labels = NerLabels.Count;
        var random = new Random(5);
        var weights = new float[(1 << bits) * labels];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextDouble() - 0.5);
        }

        int[] plain = [3, 77, 200, 255, 3];
        var folded = DomainFeatures.Fold(weights, bits, TextDomain.News);
        var withCopies = plain.Concat(plain.Select(f => DomainFeatures.CopyOf(f, TextDomain.News, bits)));
        for (var y = 0; y < labels; y++)
        {
            var expected = withCopies.Sum(f => weights[(f * labels) + y]);
            var actual = plain.Sum(f => folded[(f * labels) + y]);
            Assert.Equal(expected, actual, 4);
        }
    }

    [Fact]
    public void Folding_leaves_untrained_buckets_empty_and_weight_zero_keeps_the_shared_features()
    {
        const int bits = 6;
        var labels = NerLabels.Count;
        var weights = new float[(1 << bits) * labels];
        for (var i = labels; i < weights.Length; i++)
        {
            weights[i] = 1 + (i % 7);
        }

        // Bucket 0 was never trained: its row stays zero whatever its copy holds.
        var folded = DomainFeatures.Fold(weights, bits, TextDomain.News);
        Assert.All(folded.AsSpan(0, labels).ToArray(), w => Assert.Equal(0f, w));
        Assert.Equal(weights, DomainFeatures.Fold(weights, bits, TextDomain.News, domainWeight: 0));

        // A bucket that no news feature reached keeps its shared row; a reached one takes its copy's row.
        var reached = new bool[1 << bits];
        reached[2] = true;
        var masked = DomainFeatures.Fold(weights, bits, TextDomain.News, reached: reached);
        Assert.Equal(weights.AsSpan(3 * labels, labels).ToArray(), masked.AsSpan(3 * labels, labels).ToArray());
        Assert.Equal(folded.AsSpan(2 * labels, labels).ToArray(), masked.AsSpan(2 * labels, labels).ToArray());
    }

    [Fact]
    public void With_domain_features_the_shipped_model_keeps_the_news_conventions_and_loads_like_any_model()
    {
        var news = ConllCorpus.Read(new StringReader(News));
        var documents = news.Select(d => new SourceDocument(d, false))
            .Concat(ConllCorpus.Read(new StringReader(Web)).Select(d => new SourceDocument(d, false, TextDomain.Web)));
        var lexicon = new Lexicon();
        lexicon.Freeze();
        var options = new TrainingOptions(Bits: 14, Epochs: 8, Seed: 3, Folds: 2, DomainFeatures: true);
        var trainer = new NerTrainer(lexicon, options, TextWriter.Null);
        var model = trainer.Train(LabeledDocument.From(documents), null, "domains");

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);

        Assert.Equal("domains", loaded.Description);
        Assert.Equal(100.0, NerEvaluator.Evaluate(loaded, news).Overall.F1, 3);
        // The same weights folded again give the same model; weight 0 is the shared features alone.
        Assert.Equal(model.First.Weights, trainer.Refold(TextDomain.News, 1).First.Weights);
        Assert.Equal("domains; folded for news, weight 0", trainer.Refold(TextDomain.News, 0).Description);

        // Folded for the web, the same training follows the web documents' convention instead.
        var web = trainer.Refold(TextDomain.Web, 1);
        Assert.Equal(100.0, NerEvaluator.Evaluate(web, ConllCorpus.Read(new StringReader(Web))).Overall.F1, 3);
        Assert.True(NerEvaluator.Evaluate(web, news).Overall.F1 < 100);
    }
}
