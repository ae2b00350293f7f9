using System.Diagnostics;
using System.Globalization;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;

namespace Platform.Nlp.Tools.Training;

/// <summary>How weights move after a mistake.</summary>
internal enum UpdateRule
{
    /// <summary>Unit steps: +1 for the gold labels' features, −1 for the predicted ones.</summary>
    Perceptron,

    /// <summary>PA-I (1-best MIRA) steps sized by the margin and the number of wrong tokens, capped at C.</summary>
    PassiveAggressive,
}

/// <summary>Settings of one training run.</summary>
/// <param name="Runs">Runs with different sentence orders whose averaged weights are averaged again for the shipped
/// passes (not the jackknife folds): a cheap ensemble that costs nothing at run time.</param>
/// <param name="Update">The update rule; <paramref name="C"/> caps the passive-aggressive step.</param>
/// <param name="Views">Feature groups each shipped run leaves out, comma-separated and used in turn by the runs:
/// "all" keeps every feature, "-turian", "-koo", "-gazetteers", "-affixes" (combinable, "-turian-affixes") leave
/// groups out. The jackknife folds always use every feature.</param>
/// <param name="Features">The token feature set, stored in the model.</param>
/// <param name="DomainFeatures">Every feature also conjoined with the document's domain while training; the shipped
/// tables are folded for news (<see cref="Training.DomainFeatures"/>), the news copies weighted by
/// <paramref name="NewsWeight"/>.</param>
internal sealed record TrainingOptions(
    int Bits = 20, int Epochs = 12, int Seed = 17, int Folds = 4, bool SecondPass = true, int Runs = 1,
    UpdateRule Update = UpdateRule.Perceptron, float C = 1, string Views = "all", FeatureSet Features = FeatureSet.Base,
    bool DomainFeatures = false, float NewsWeight = 1)
{
    /// <summary>The parsed <see cref="Views"/>.</summary>
    public FeatureGroups[] OmittedGroups() =>
        [.. Views.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseView)];

    private static FeatureGroups ParseView(string view) => view == "all"
        ? FeatureGroups.None
        : view.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(FeatureGroups.None, (omit, name) => omit | Enum.Parse<FeatureGroups>(name, ignoreCase: true));
}

/// <summary>
/// Trains the two-pass model. Pass 1 uses local features. Pass 2 adds document context built from pass-1
/// labels; to see realistic (imperfect) pass-1 labels on its training data, those come from a k-fold jackknife:
/// each fold is tagged by a pass-1 model trained on the other folds.
/// </summary>
internal sealed class NerTrainer
{
    private readonly Lexicon _lexicon;
    private readonly TrainingOptions _options;
    private readonly TextWriter _log;
    private readonly FeatureGroups[] _views;

    // The shipped passes' weights before folding, kept so that other news weights can be folded without training again.
    private (float[] Weights, float[] Transitions)? _firstWeights;
    private (float[] Weights, float[] Transitions)? _secondWeights;
    private string _description = "";

    // Per domain, the buckets its documents' features reached: the folding copies domain rows only into those.
    private readonly bool[][] _reached;

    public NerTrainer(Lexicon lexicon, TrainingOptions options, TextWriter log)
    {
        _lexicon = lexicon;
        _options = options;
        _log = log;
        _views = options.OmittedGroups();
        _reached = options.DomainFeatures ? [.. Enum.GetValues<TextDomain>().Select(_ => new bool[1 << options.Bits])] : [];
        if (_views.Length == 0)
        {
            throw new ArgumentException("--views needs at least one view", nameof(options));
        }
    }

    public NerModel Train(IReadOnlyList<LabeledDocument> documents, IReadOnlyList<ConllDocument>? dev, string description)
    {
        var tagger = new Tagger(_lexicon, _options.Features);
        var infos = documents.Select(d => tagger.Prepare(d.Text)).ToArray();
        var all = Enumerable.Range(0, documents.Count).ToArray();
        _description = description;
        var first = TrainRuns(documents, infos, all, secondPass: false, dev, null, "pass 1");
        if (!_options.SecondPass)
        {
            return new NerModel(_lexicon, first, null, description, _options.Features);
        }

        var firstLabels = new int[documents.Count][];
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            var k = fold;
            var rest = all.Where(i => i % _options.Folds != k).ToArray();
            var (weights, transitions) = TrainPass(
                documents, infos, rest, secondPass: false, null, null, $"fold {k + 1}/{_options.Folds}", _options.Seed, FeatureGroups.None).AveragedWeights();
            // Each held-out document is tagged as its own domain, as the second pass will see it in training.
            var models = new Dictionary<TextDomain, WeightTable>();
            foreach (var i in all.Where(i => i % _options.Folds == k))
            {
                var domain = documents[i].Domain;
                if (!models.TryGetValue(domain, out var model))
                {
                    model = Table(weights, transitions, domain);
                    models[domain] = model;
                }

                firstLabels[i] = new int[infos[i].Length];
                tagger.TagPass(documents[i].Text, infos[i], model, secondPass: false, firstLabels[i]);
            }
        }

        for (var i = 0; i < documents.Count; i++)
        {
            DocumentContext.Fill(infos[i], firstLabels[i]);
        }

        var second = TrainRuns(documents, infos, all, secondPass: true, dev, first, "pass 2");
        return new NerModel(_lexicon, first, second, description, _options.Features);
    }

    /// <summary>
    /// The model of the last <see cref="Train"/> folded for <paramref name="domain"/>, its copies weighted by
    /// <paramref name="weight"/>: other news weights, or the same training as it would tag web text or tweets.
    /// </summary>
    public NerModel Refold(TextDomain domain, float weight)
    {
        var (w1, t1) = _firstWeights ?? throw new InvalidOperationException("nothing trained yet");
        var first = Table(w1, t1, domain, weight);
        var second = _secondWeights is var (w2, t2) ? Table(w2, t2, domain, weight) : null;
        var name = domain.ToString().ToLowerInvariant();
        return new NerModel(
            _lexicon, first, second, string.Create(CultureInfo.InvariantCulture, $"{_description}; folded for {name}, weight {weight}"), _options.Features);
    }

    private void Keep(bool secondPass, float[] weights, float[] transitions)
    {
        if (secondPass)
        {
            _secondWeights = (weights, transitions);
        }
        else
        {
            _firstWeights = (weights, transitions);
        }
    }

    private WeightTable TrainRuns(
        IReadOnlyList<LabeledDocument> documents, TokenInfo[][] infos, int[] subset, bool secondPass,
        IReadOnlyList<ConllDocument>? dev, WeightTable? firstForDev, string name)
    {
        if (_options.Runs <= 1)
        {
            var (w, t) = TrainPass(documents, infos, subset, secondPass, dev, firstForDev, name, _options.Seed, _views[0]).AveragedWeights();
            Keep(secondPass, w, t);
            return Table(w, t, TextDomain.News, _options.NewsWeight);
        }

        float[]? weights = null;
        float[]? transitions = null;
        for (var run = 0; run < _options.Runs; run++)
        {
            var perceptron = TrainPass(
                documents, infos, subset, secondPass, run == 0 ? dev : null, firstForDev, $"{name} run {run + 1}", _options.Seed + (run * 7919), _views[run % _views.Length]);
            var (w, t) = perceptron.AveragedWeights();
            if (weights is null || transitions is null)
            {
                (weights, transitions) = (w, t);
                continue;
            }

            for (var i = 0; i < w.Length; i++)
            {
                weights[i] += w[i];
            }

            for (var i = 0; i < t.Length; i++)
            {
                transitions[i] += t[i];
            }
        }

        // Quantization rescales to the largest weight, so the sum needs no division by the number of runs.
        Keep(secondPass, weights!, transitions!);
        var table = Table(weights!, transitions!, TextDomain.News, _options.NewsWeight);
        if (dev is not null)
        {
            var model = DevModel(firstForDev, table);
            _log.WriteLine($"{name}: {_options.Runs} runs averaged, dev F1 {NerEvaluator.Evaluate(model, dev).Overall.F1:F2}");
        }

        return table;
    }

    // The quantized table that tags text of one domain: with domain features, the training table folded for it.
    private WeightTable Table(float[] weights, float[] transitions, TextDomain domain, float domainWeight = 1)
        => WeightTable.Quantize(
            _options.Bits,
            _options.DomainFeatures ? DomainFeatures.Fold(weights, _options.Bits, domain, domainWeight, _reached[(int)domain]) : weights,
            transitions);

    // A model to score dev with: the pass being trained alone, or as the second pass after the shipped first one.
    private NerModel DevModel(WeightTable? firstForDev, WeightTable trained)
        => firstForDev is null
            ? new NerModel(_lexicon, trained, null, "", _options.Features)
            : new NerModel(_lexicon, firstForDev, trained, "", _options.Features);

    private AveragedPerceptron TrainPass(
        IReadOnlyList<LabeledDocument> documents, TokenInfo[][] infos, int[] subset, bool secondPass,
        IReadOnlyList<ConllDocument>? dev, WeightTable? firstForDev, string name, int seed, FeatureGroups omit)
    {
        var watch = Stopwatch.StartNew();
        var tagger = new Tagger(_lexicon, _options.Features);
        var sentences = new List<TrainingSentence>();
        foreach (var d in subset)
        {
            var document = documents[d];
            foreach (var (start, end) in document.Text.Sentences)
            {
                var features = tagger.SentenceFeatures(
                    document.Text.Text, infos[d].AsSpan(start, end - start), _options.Bits, secondPass, out var counts, omit);
                if (_options.DomainFeatures)
                {
                    var reached = _reached[(int)document.Domain];
                    for (var i = 0; i < counts.Length; i++)
                    {
                        foreach (var f in features.AsSpan(i * FeatureExtractor.MaxFeatures, counts[i]))
                        {
                            reached[f] = true;
                        }
                    }
                }

                sentences.Add(new TrainingSentence(
                    features, counts, FeatureExtractor.MaxFeatures, document.Gold[start..end], document.MiscOpen?[start..end],
                    _options.DomainFeatures ? (document.Domain, _options.Bits) : null));
            }
        }

        var perceptron = new AveragedPerceptron(_options.Bits);
        var longest = sentences.Max(s => s.Length);
        var emissions = new float[longest * NerLabels.Count];
        var dp = new float[emissions.Length];
        var back = new int[emissions.Length];
        var predicted = new int[longest];
        var target = new int[longest];
        var constrained = new float[emissions.Length];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            var steps = 0.0;
            var capped = 0;
            foreach (var s in order)
            {
                var sentence = sentences[s];
                for (var i = 0; i < sentence.Length; i++)
                {
                    perceptron.Score(sentence.FeaturesOf(i), emissions.AsSpan(i * NerLabels.Count, NerLabels.Count));
                }

                Viterbi.Decode(emissions, perceptron.Transitions, sentence.Length, predicted, dp, back);
                var gold = sentence.Gold.AsSpan();
                if (sentence.MiscOpen is { } open)
                {
                    // The best labelling that agrees with the partial annotation is the target (latent perceptron).
                    Complete(sentence, open, emissions, constrained, perceptron.Transitions, target, dp, back);
                    gold = target.AsSpan(0, sentence.Length);
                }

                if (!gold.SequenceEqual(predicted.AsSpan(0, sentence.Length)))
                {
                    mistakes++;
                    if (_options.Update == UpdateRule.PassiveAggressive)
                    {
                        var tau = perceptron.UpdatePassiveAggressive(sentence, predicted.AsSpan(0, sentence.Length), _options.C);
                        steps += tau;
                        capped += tau >= _options.C ? 1 : 0;
                    }
                    else
                    {
                        perceptron.Update(sentence, gold, predicted.AsSpan(0, sentence.Length));
                    }
                }

                perceptron.Tick();
            }

            var line = $"{name} epoch {epoch}: {mistakes} sentences wrong, {watch.Elapsed.TotalSeconds:F0}s";
            if (_options.Update == UpdateRule.PassiveAggressive)
            {
                // How often C binds tells whether it is a real setting or too large to matter.
                line += $", mean step {steps / Math.Max(1, mistakes):G3}, {capped} capped at C";
            }

            if (dev is not null && (epoch == _options.Epochs || epoch % 4 == 0))
            {
                var (w, t) = perceptron.AveragedWeights();
                var model = DevModel(firstForDev, Table(w, t, TextDomain.News, _options.NewsWeight));
                line += $", dev F1 {NerEvaluator.Evaluate(model, dev).Overall.F1:F2}";
            }

            _log.WriteLine(line);
        }

        return perceptron;
    }

    // Viterbi over the labels the annotation allows: the gold label, or O or any MISC label on an open token.
    private static void Complete(
        TrainingSentence sentence, bool[] open, float[] emissions, float[] constrained, ReadOnlySpan<float> transitions,
        int[] target, float[] dp, int[] back)
    {
        var l = NerLabels.Count;
        const int misc = 3;
        for (var i = 0; i < sentence.Length; i++)
        {
            for (var y = 0; y < l; y++)
            {
                var allowed = y == sentence.Gold[i] || open[i] && (y == 0 || NerLabels.TypeOf(y) == misc);
                constrained[(i * l) + y] = allowed ? emissions[(i * l) + y] : -1e30f;
            }
        }

        Viterbi.Decode(constrained, transitions, sentence.Length, target, dp, back);
    }
}
