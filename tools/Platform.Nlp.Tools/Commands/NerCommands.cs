using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tools.Commands;

/// <summary><c>ner train | score | seed</c>: the named-entity model's training and the scoring of a model file.</summary>
internal static class NerCommands
{
    public static Command Create() => new("ner", "The named-entity model: train it, score a model file")
    {
        Train(),
        Route(),
        Score(),
        Seed(),
    };

    private static Command Train()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of the NER corpora", DefaultValueFactory = _ => new DirectoryInfo(ToolPaths.NerData) };
        var trainOn = new Option<string>("--train") { Description = "Training split (train+dev for the shipped model, once chosen on dev)", DefaultValueFactory = _ => "train" };
        trainOn.AcceptOnlyFromAmong("train", "train+dev");
        var output = new Option<FileInfo>("--out")
        {
            Description = "Model file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.EngineResources, "ner-model.bin.gz")),
        };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => 12 };
        var bits = new Option<int>("--bits") { Description = "Log2 of the hashed feature table's size", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed (training is deterministic for a seed)", DefaultValueFactory = _ => 17 };
        var folds = new Option<int>("--folds") { Description = "Folds for the second pass's out-of-fold predictions", DefaultValueFactory = _ => 4 };
        var singlePass = new Option<bool>("--single-pass") { Description = "No second pass over the first pass's predictions" };
        var minClusterCount = new Option<int>("--min-cluster-count") { DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Models averaged over this many shuffles", DefaultValueFactory = _ => 1 };
        var update = new Option<string>("--update") { DefaultValueFactory = _ => "perceptron" };
        update.AcceptOnlyFromAmong("perceptron", "pa");
        var aggressiveness = new Option<float>("--C") { Description = "Passive-aggressive step bound", DefaultValueFactory = _ => 1f };
        var views = new Option<string>("--views") { Description = "Cluster views, e.g. all,-turian,-koo", DefaultValueFactory = _ => "all" };
        var features = new Option<string>("--features")
        {
            Description = "base, extended, or extended with +contexts (words around other occurrences) and +history (second-pass label history)",
            DefaultValueFactory = _ => "base",
        };
        var extra = new Option<string>("--extra") { Description = "Extra corpora: none or a list of uner,btc,wnut", DefaultValueFactory = _ => "none" };
        var caseCopies = new Option<int>("--case-copies") { Description = "Add a re-cased copy of every Nth document (0 = none)" };
        var domainFeatures = new Option<bool>("--domain-features")
        {
            Description = "Also conjoin every feature with the document's domain (news, web, tweet) while training; the model tags news",
        };
        var newsWeight = new Option<float>("--news-weight")
        {
            Description = "With --domain-features: weight of the news copies in the written model (0 = shared features only)",
            DefaultValueFactory = _ => 1f,
        };
        var alsoNewsWeights = new Option<string>("--also-news-weights")
        {
            Description = "With --domain-features: also write and score the model folded with these news weights (e.g. 0.5,0), to OUT.newsW.bin.gz",
            DefaultValueFactory = _ => "",
        };
        var alsoDomains = new Option<string>("--also-domains")
        {
            Description = "With --domain-features: also write and score the same training folded for these domains (web,tweet), to OUT.DOMAIN.bin.gz",
            DefaultValueFactory = _ => "",
        };
        var webPasses = new Option<short?>("--web-passes")
        {
            Description = "With --domain-features: add the training folded for web text as the web passes, weights below this dropped, and a domain router that picks them",
        };
        var routing = RouterOptions();
        var command = new Command("train", "Train the entity model on CoNLL-2003 (and extra corpora), write it, report dev/test scores")
        {
            data, trainOn, output, epochs, bits, seed, folds, singlePass, minClusterCount, runs, update, aggressiveness, views, features, extra, caseCopies, domainFeatures, newsWeight, alsoNewsWeights, alsoDomains, webPasses,
            routing.Threshold, routing.BlendBelow, routing.BlendWeight,
        };
        command.SetAction(parse =>
        {
            var settings = new TrainingOptions(
                Bits: parse.GetValue(bits),
                Epochs: parse.GetValue(epochs),
                Seed: parse.GetValue(seed),
                Folds: parse.GetValue(folds),
                SecondPass: !parse.GetValue(singlePass),
                Runs: parse.GetValue(runs),
                Update: parse.GetRequiredValue(update) == "pa" ? UpdateRule.PassiveAggressive : UpdateRule.Perceptron,
                C: parse.GetValue(aggressiveness),
                Views: parse.GetRequiredValue(views),
                Features: FeatureSets.Parse(parse.GetRequiredValue(features)),
                DomainFeatures: parse.GetValue(domainFeatures),
                NewsWeight: parse.GetValue(newsWeight));
            var refolds = parse.GetRequiredValue(alsoNewsWeights)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => (TextDomain.News, float.Parse(w, CultureInfo.InvariantCulture)))
                .Concat(parse.GetRequiredValue(alsoDomains)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => (Enum.Parse<TextDomain>(d, ignoreCase: true), 1f)))
                .ToArray();
            if ((refolds.Length > 0 || parse.GetValue(webPasses) is not null) && !settings.DomainFeatures)
            {
                Console.Out.WriteLine("--also-news-weights, --also-domains and --web-passes need --domain-features");
                return 2;
            }

            return TrainModel(
                parse.GetRequiredValue(data).FullName, parse.GetRequiredValue(trainOn), parse.GetRequiredValue(extra),
                parse.GetValue(caseCopies), parse.GetValue(minClusterCount), settings, refolds, parse.GetValue(webPasses), Settings(parse, routing),
                parse.GetRequiredValue(output).FullName, Console.Out);
        });
        return command;
    }

    private static int TrainModel(
        string data, string trainOn, string extra, int caseCopies, int minClusterCount, TrainingOptions settings, (TextDomain Domain, float Weight)[] refolds, short? webPasses,
        RouterSettings routing, string output, TextWriter log)
    {
        if (extra != "none" && settings.Update != UpdateRule.Perceptron)
        {
            log.WriteLine("--extra needs --update perceptron: corpora without MISC train towards a completion of their labels");
            return 2;
        }

        var conll = Path.Combine(data, "conll2003");
        var watch = Stopwatch.StartNew();
        var lexicon = LexiconBuilder.Build(data, minClusterCount, log);
        var train = ConllCorpus.ReadFile(Path.Combine(conll, "train.bio.txt.gz"));
        var dev = ConllCorpus.ReadFile(Path.Combine(conll, "dev.bio.txt.gz"));
        var documents = (trainOn == "train+dev" ? train.Concat(dev) : train).Select(d => new SourceDocument(d, false)).ToList();
        if (extra != "none")
        {
            documents.AddRange(ExtraCorpora.Load(data, extra, log));
        }

        documents.AddRange(CaseCopies.Of(documents, caseCopies));
        log.WriteLine($"training on {trainOn} + {extra}, case copies of every {caseCopies}th document: {documents.Count} documents; {settings}; data read in {watch.Elapsed.TotalSeconds:F1}s");
        var description =
            $"CoNLL-2003 {trainOn}, extra: {extra}, case copies: {caseCopies}; {settings}; clusters: Turian RCV1 c1000, Koo BLLIP c1000; gazetteers: see Resources/README.md";
        var trainer = new NerTrainer(lexicon, settings, log);
        var model = trainer.Train(LabeledDocument.From(documents), trainOn == "train+dev" ? null : dev, description);
        log.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F0}s");
        if (webPasses is { } minWeight)
        {
            var router = DomainRouterTraining.Build(data, ToolPaths.PolnearDirectory, routing, log);
            model = model.WithWebPasses(trainer.Refold(TextDomain.Web, 1), router, minWeight);
        }

        WriteAndReport(model, output, data, log);
        foreach (var (domain, weight) in refolds)
        {
            var name = output.EndsWith(".bin.gz", StringComparison.Ordinal) ? output[..^".bin.gz".Length] : output;
            var suffix = domain == TextDomain.News
                ? string.Create(CultureInfo.InvariantCulture, $"news{weight}")
                : domain.ToString().ToLowerInvariant();
            log.WriteLine($"==== folded for {suffix}");
            WriteAndReport(trainer.Refold(domain, weight), $"{name}.{suffix}.bin.gz", data, log);
        }

        return 0;
    }

    private static void WriteAndReport(NerModel model, string output, string data, TextWriter log)
    {
        var conll = Path.Combine(data, "conll2003");
        var dev = ConllCorpus.ReadFile(Path.Combine(conll, "dev.bio.txt.gz"));
        var test = ConllCorpus.ReadFile(Path.Combine(conll, "test.bio.txt.gz"));
        var uner = ConllCorpus.ReadFile(Path.Combine(data, "uner_en_ewt", "en_ewt-ud-dev.iob2.gz"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using (var file = File.Create(output))
        {
            model.Save(file);
        }

        log.WriteLine($"model written to {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB)");
        Report(model, "dev", dev, false, log);
        Report(model, "test", test, false, log);
        Report(model, "CoNLL++ test", ConllCorpus.ReadFile(Path.Combine(conll, "test_conllpp.bio.txt.gz")), false, log);
        Report(model, "UNER EWT dev", uner, true, log);
        foreach (var casing in new[] { "lower", "upper" })
        {
            Report(model, $"dev, {casing} case", CaseCopies.Recase(dev, casing), false, log);
            Report(model, $"UNER EWT dev, {casing} case", CaseCopies.Recase(uner, casing), true, log);
        }
    }

    private static Command Route()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of the NER corpora", DefaultValueFactory = _ => new DirectoryInfo(ToolPaths.NerData) };
        var polnear = new Option<DirectoryInfo>("--polnear") { Description = "Folder of PolNeAR train/dev (news for the router)", DefaultValueFactory = _ => new DirectoryInfo(ToolPaths.PolnearDirectory) };
        var news = new Option<FileInfo>("--news") { Description = "The model as written by ner train (folded for news)", Required = true };
        var web = new Option<FileInfo>("--web") { Description = "The same training folded for web text (ner train --also-domains web)", Required = true };
        var minWeight = new Option<short>("--min-weight") { Description = "Web-pass weights below this (quantized) are dropped", DefaultValueFactory = _ => 800 };
        var routing = RouterOptions();
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var command = new Command("route", "Join a news-folded and a web-folded model with a trained domain router into one model, write it, report scores")
        {
            data, polnear, news, web, minWeight, routing.Threshold, routing.BlendBelow, routing.BlendWeight, output,
        };
        command.SetAction(parse =>
        {
            var newsModel = LoadModel(parse.GetRequiredValue(news), Console.Out);
            var webModel = LoadModel(parse.GetRequiredValue(web), Console.Out);
            var router = DomainRouterTraining.Build(
                parse.GetRequiredValue(data).FullName, parse.GetRequiredValue(polnear).FullName, Settings(parse, routing), Console.Out);
            var joined = newsModel.WithWebPasses(webModel, router, parse.GetValue(minWeight));
            WriteAndReport(joined, parse.GetRequiredValue(output).FullName, parse.GetRequiredValue(data).FullName, Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Score()
    {
        var model = ModelOption(required: true);
        var conll = new Option<FileInfo>("--conll") { Description = "CoNLL file (BIO or IOB1, .gz allowed)", Required = true };
        var goldTokens = new Option<bool>("--gold-tokens") { Description = "Score the model alone on the file's own tokens" };
        var rules = new Option<bool>("--rules") { Description = "With --gold-tokens: add the rule layer (dates, money, ...)" };
        var onlyGoldTypes = new Option<bool>("--only-gold-types") { Description = "Score only the types the file annotates" };
        var casing = new Option<string?>("--case") { Description = "Re-case the text first (robustness to casing)" };
        casing.AcceptOnlyFromAmong("lower", "upper");
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with 1 when overall F1 is below this" };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write every token with its gold and predicted tag" };
        var routing = RouterOptions();
        var command = new Command("score", "Score a model file on a CoNLL file: raw text through the whole engine by default")
        {
            model, conll, goldTokens, rules, onlyGoldTypes, casing, minF1, dump, routing.Threshold, routing.BlendBelow, routing.BlendWeight,
        };
        command.SetAction(parse =>
        {
            var loaded = Rerouted(LoadModel(parse.GetValue(model), Console.Out), Settings(parse, routing), Console.Out);
            var documents = ConllCorpus.ReadFile(parse.GetRequiredValue(conll).FullName);
            if (parse.GetValue(casing) is { } recase)
            {
                documents = CaseCopies.Recase(documents, recase);
            }

            using var writer = parse.GetValue(dump) is { } file ? new StreamWriter(file.FullName) : null;
            var onGoldTokens = parse.GetValue(goldTokens) || parse.GetValue(rules);
            var scorer = onGoldTokens
                ? NerEvaluator.Evaluate(loaded, documents, parse.GetValue(onlyGoldTypes), writer, parse.GetValue(rules))
                : NerEvaluator.EvaluateRawText(Engine(loaded), documents, parse.GetValue(onlyGoldTypes), writer);
            Console.WriteLine(onGoldTokens ? "gold tokens" : "raw text");
            Console.Write(scorer.Report());
            if (parse.GetValue(minF1) is { } minimum && scorer.Overall.F1 < minimum)
            {
                Console.Error.WriteLine($"FAIL: overall F1 {scorer.Overall.F1:F2} < {minimum}");
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command Seed()
    {
        var model = ModelOption(required: false);
        var seedDirectory = new Option<DirectoryInfo>("--seed-dir") { DefaultValueFactory = _ => new DirectoryInfo(ToolPaths.SeedDirectory) };
        var command = new Command("seed", "Entity scores per type on the seed article (article.txt + gold.json)") { model, seedDirectory };
        command.SetAction(parse =>
        {
            var loaded = LoadModel(parse.GetValue(model), Console.Out);
            var directory = parse.GetRequiredValue(seedDirectory).FullName;
            Console.Write(SeedEvaluator.Evaluate(
                Engine(loaded),
                File.ReadAllText(Path.Combine(directory, "article.txt")),
                File.ReadAllText(Path.Combine(directory, "gold.json")),
                out _,
                out _));
            return 0;
        });
        return command;
    }

    // The router settings a joined model can be tried with: its threshold, and a band below it tagged by a blend.
    private static (Option<float?> Threshold, Option<float?> BlendBelow, Option<float> BlendWeight) RouterOptions() => (
        new Option<float?>("--threshold") { Description = "Router threshold instead of the news-safe one" },
        new Option<float?>("--blend-below") { Description = "Router scores this far below the threshold and up to it are tagged by a blend of both folds" },
        new Option<float>("--blend-weight") { Description = "The web fold's share of the blend", DefaultValueFactory = _ => 0.5f });

    private static RouterSettings Settings(ParseResult parse, (Option<float?> Threshold, Option<float?> BlendBelow, Option<float> BlendWeight) options)
        => new(parse.GetValue(options.Threshold), parse.GetValue(options.BlendBelow), parse.GetValue(options.BlendWeight));

    private static NerModel Rerouted(NerModel model, RouterSettings settings, TextWriter log)
    {
        if (model.Router is not { } router || (settings.Threshold is null && settings.BlendBelow is null))
        {
            return model;
        }

        router = settings.ApplyTo(router);
        log.WriteLine(RouterSettings.Describe(router));
        return model.WithRouter(router);
    }

    /// <summary>A model file, or the model embedded in the engine when the option is optional and absent.</summary>
    public static Option<FileInfo?> ModelOption(bool required) => new("--model")
    {
        Description = required ? "The model file to score" : "A model file instead of the embedded one",
        Required = required,
    };

    public static NerModel LoadModel(FileInfo? path, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        NerModel model;
        if (path is not null)
        {
            using var file = path.OpenRead();
            model = NerModel.Load(file);
        }
        else
        {
            model = NerModel.Default ?? throw new InvalidOperationException("the engine was built without its embedded entity model");
        }

        log.WriteLine($"model loaded in {watch.ElapsedMilliseconds} ms: {model.Description}");
        return model;
    }

    public static NewsAnalyzer Engine(NerModel model) => new(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor());

    // Both paths: the raw-text one is what users get, the gold-token one isolates the model from tokenization.
    private static void Report(NerModel model, string name, IReadOnlyList<ConllDocument> documents, bool onlyGoldTypes, TextWriter log)
    {
        var raw = NerEvaluator.EvaluateRawText(Engine(model), documents, onlyGoldTypes);
        var gold = NerEvaluator.Evaluate(model, documents, onlyGoldTypes);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: raw text F1 {raw.Overall.F1:F2} (gold tokens {gold.Overall.F1:F2})"));
        log.Write(raw.Report());
    }
}
