using System.Diagnostics;
using System.Globalization;
using Platform.Nlp;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Quotes;
using Platform.Nlp.Tokens;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Training;

// Commands (run from the repository root; paths are relative to it):
//   train  [--data ../shared/data/ner] [--train train|train+dev] [--out FILE] [--epochs N] [--bits B] [--seed S]
//          [--folds K] [--single-pass] [--min-cluster-count N] [--runs R] [--update perceptron|pa] [--C C]
//          [--views all,-turian,-koo] [--features base|extended] [--extra uner,btc,wnut] [--case-copies N]
//   eval   [--model FILE] --conll FILE [--gold-tokens [--rules]] [--only-gold-types] [--case lower|upper] [--min-f1 F] [--dump FILE]
//   bench  [--model FILE] [--conll FILE] [--rounds N]
//   seed   [--model FILE] [--seed-dir ../shared/data/seed]
var command = args.Length > 0 ? args[0] : "help";
var options = Options.Parse(args.Skip(1));
var log = Console.Out;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

switch (command)
{
    case "train":
        return Commands.Train(options, log);
    case "eval":
        return Commands.Eval(options, log);
    case "bench":
        return Commands.Bench(options, log);
    case "seed":
        return Commands.Seed(options, log);
    default:
        log.WriteLine("usage: Platform.Nlp.Training train|eval|bench [options]; see docs/quality.md");
        return command == "help" ? 0 : 2;
}

internal static class Commands
{
    public static int Train(Options o, TextWriter log)
    {
        var data = o.Get("data", Path.Combine("..", "shared", "data", "ner"));
        var conll = Path.Combine(data, "conll2003");
        var trainOn = o.Get("train", "train");
        var settings = new TrainingOptions(
            Bits: o.GetInt("bits", 20),
            Epochs: o.GetInt("epochs", 12),
            Seed: o.GetInt("seed", 17),
            Folds: o.GetInt("folds", 4),
            SecondPass: !o.Has("single-pass"),
            Runs: o.GetInt("runs", 1),
            Update: o.Get("update", "perceptron") switch
            {
                "perceptron" => UpdateRule.Perceptron,
                "pa" => UpdateRule.PassiveAggressive,
                var other => throw new ArgumentException($"--update: unknown rule '{other}' (perceptron or pa)"),
            },
            C: float.Parse(o.Get("C", "1"), CultureInfo.InvariantCulture),
            Views: o.Get("views", "all"),
            Features: o.Get("features", "base") switch
            {
                "base" => FeatureSet.Base,
                "extended" => FeatureSet.Extended,
                var other => throw new ArgumentException($"--features: unknown set '{other}' (base or extended)"),
            });
        var watch = Stopwatch.StartNew();
        var lexicon = LexiconBuilder.Build(data, o.GetInt("min-cluster-count", 1), log);
        var train = ConllCorpus.ReadFile(Path.Combine(conll, "train.bio.txt.gz"));
        var dev = ConllCorpus.ReadFile(Path.Combine(conll, "dev.bio.txt.gz"));
        var extra = o.Get("extra", "none");
        var documents = (trainOn == "train+dev" ? train.Concat(dev) : train).Select(d => new SourceDocument(d, false)).ToList();
        if (extra != "none")
        {
            if (settings.Update != UpdateRule.Perceptron)
            {
                throw new ArgumentException("--extra needs --update perceptron: corpora without MISC train towards a completion of their labels");
            }

            documents.AddRange(ExtraCorpora.Load(data, extra, log));
        }

        var caseCopies = o.GetInt("case-copies", 0);
        documents.AddRange(CaseCopies.Of(documents, caseCopies));
        log.WriteLine($"training on {trainOn} + {extra}, case copies of every {caseCopies}th document: {documents.Count} documents; {settings}; data read in {watch.Elapsed.TotalSeconds:F1}s");
        var description =
            $"CoNLL-2003 {trainOn}, extra: {extra}, case copies: {caseCopies}; {settings}; clusters: Turian RCV1 c1000, Koo BLLIP c1000; gazetteers: see Resources/README.md";
        var model = new NerTrainer(lexicon, settings, log).Train(
            LabeledDocument.From(documents), trainOn == "train+dev" ? null : dev, description);
        log.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F0}s");

        var output = o.Get("out", Path.Combine("services", "Platform.Nlp", "Resources", "ner-model.bin.gz"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        {
            model.Save(file);
        }

        log.WriteLine($"model written to {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB)");
        Report(model, "dev", dev, false, log);
        Report(model, "test", ConllCorpus.ReadFile(Path.Combine(conll, "test.bio.txt.gz")), false, log);
        Report(model, "CoNLL++ test", ConllCorpus.ReadFile(Path.Combine(conll, "test_conllpp.bio.txt.gz")), false, log);
        var uner = ConllCorpus.ReadFile(Path.Combine(data, "uner_en_ewt", "en_ewt-ud-dev.iob2.gz"));
        Report(model, "UNER EWT dev", uner, true, log);
        foreach (var casing in new[] { "lower", "upper" })
        {
            Report(model, $"dev, {casing} case", CaseCopies.Recase(dev, casing), false, log);
            Report(model, $"UNER EWT dev, {casing} case", CaseCopies.Recase(uner, casing), true, log);
        }

        return 0;
    }

    public static int Eval(Options o, TextWriter log)
    {
        var model = LoadModel(o, log);
        var file = o.Get("conll", "");
        if (model is null || file.Length == 0)
        {
            log.WriteLine("eval needs --conll FILE and a model (--model FILE or the embedded one)");
            return 2;
        }

        var dump = o.Get("dump", "");
        using var writer = dump.Length > 0 ? new StreamWriter(dump) : null;
        // The default is the product's path (raw text through the whole engine); --gold-tokens scores the model on
        // the file's own tokens, --rules adds the rule layer there.
        var documents = ConllCorpus.ReadFile(file);
        if (o.Get("case", "") is { Length: > 0 } casing)
        {
            documents = CaseCopies.Recase(documents, casing);
        }

        var scorer = o.Has("gold-tokens") || o.Has("rules")
            ? NerEvaluator.Evaluate(model, documents, o.Has("only-gold-types"), writer, o.Has("rules"))
            : NerEvaluator.EvaluateRawText(Engine(model), documents, o.Has("only-gold-types"), writer);
        log.WriteLine(o.Has("gold-tokens") || o.Has("rules") ? "gold tokens" : "raw text");
        log.Write(scorer.Report());
        var minimum = o.Get("min-f1", "");
        if (minimum.Length > 0 && scorer.Overall.F1 < double.Parse(minimum, CultureInfo.InvariantCulture))
        {
            log.WriteLine($"FAIL: overall F1 {scorer.Overall.F1:F2} < {minimum}");
            return 1;
        }

        return 0;
    }

    public static int Bench(Options o, TextWriter log)
    {
        var model = LoadModel(o, log);
        if (model is null)
        {
            return 2;
        }

        var file = o.Get("conll", Path.Combine("..", "shared", "data", "ner", "conll2003", "test.bio.txt.gz"));
        var documents = ConllCorpus.ReadFile(file)
            .Select(d => TokenizedText.FromWords([.. d.Sentences.Select(s => s.Words)])).ToList();
        var tokens = documents.Sum(d => d.Tokens.Length);
        foreach (var d in documents)
        {
            model.Tag(d);
        }

        var rounds = o.GetInt("rounds", 5);
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var d in documents)
            {
                model.Tag(d);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"NER: {tokens * rounds / seconds:N0} tokens/s on one thread ({tokens:N0} tokens x {rounds} rounds in {seconds:F2}s)");

        // The whole engine (tokens, sentences, NER, rules, canonicalization, quotes) on the seed article.
        var article = Path.Combine(o.Get("seed-dir", Path.Combine("..", "shared", "data", "seed")), "article.txt");
        if (File.Exists(article))
        {
            var text = File.ReadAllText(article);
            var engine = Engine(model);
            engine.Analyze(text);
            var times = Math.Max(1, 20 * rounds);
            watch.Restart();
            for (var r = 0; r < times; r++)
            {
                engine.Analyze(text);
            }

            var perSecond = text.Length * (double)times / watch.Elapsed.TotalSeconds;
            log.WriteLine($"engine: {perSecond / 1e6:F2} M chars/s on one thread ({text.Length:N0} chars x {times} in {watch.Elapsed.TotalSeconds:F2}s)");

            // Where the time goes, stage by stage.
            var recognizer = new StatisticalEntityRecognizer(model);
            var quotes = new RuleBasedQuoteExtractor();
            var stages = new double[5];
            for (var r = 0; r < times; r++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var document = Document.Parse(text);
                var t1 = Stopwatch.GetTimestamp();
                var spans = recognizer.Recognize(document);
                var t2 = Stopwatch.GetTimestamp();
                var entities = EntityCanonicalizer.Group(text, spans);
                var t3 = Stopwatch.GetTimestamp();
                quotes.Extract(document, entities);
                var t4 = Stopwatch.GetTimestamp();
                model.Tag(TokenizedText.FromDocument(document));
                stages[4] += Stopwatch.GetTimestamp() - t4;
                stages[0] += t1 - t0;
                stages[1] += t2 - t1;
                stages[2] += t3 - t2;
                stages[3] += t4 - t3;
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine stages (ms per article): parse {stages[0] * 1000 / Stopwatch.Frequency / times:F2}, entities {stages[1] * 1000 / Stopwatch.Frequency / times:F2}, canonicalize {stages[2] * 1000 / Stopwatch.Frequency / times:F2}, quotes {stages[3] * 1000 / Stopwatch.Frequency / times:F2}; of entities, the model alone {stages[4] * 1000 / Stopwatch.Frequency / times:F2}"));
        }

        return 0;
    }

    public static int Seed(Options o, TextWriter log)
    {
        var model = LoadModel(o, log);
        if (model is null)
        {
            return 2;
        }

        var directory = o.Get("seed-dir", Path.Combine("..", "shared", "data", "seed"));
        var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor());
        log.Write(SeedEvaluator.Evaluate(
            analyzer,
            File.ReadAllText(Path.Combine(directory, "article.txt")),
            File.ReadAllText(Path.Combine(directory, "gold.json")),
            out _,
            out _));
        return 0;
    }

    private static NerModel? LoadModel(Options o, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Get("model", "");
        NerModel? model;
        if (path.Length > 0)
        {
            using var file = File.OpenRead(path);
            model = NerModel.Load(file);
        }
        else
        {
            model = NerModel.Default;
        }

        log.WriteLine(model is null ? "no model" : $"model loaded in {watch.ElapsedMilliseconds} ms: {model.Description}");
        return model;
    }

    private static NewsAnalyzer Engine(NerModel model) => new(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor());

    // Both paths: the raw-text one is what users get, the gold-token one isolates the model from tokenization.
    private static void Report(NerModel model, string name, IReadOnlyList<ConllDocument> documents, bool onlyGoldTypes, TextWriter log)
    {
        var raw = NerEvaluator.EvaluateRawText(Engine(model), documents, onlyGoldTypes);
        var gold = NerEvaluator.Evaluate(model, documents, onlyGoldTypes);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: raw text F1 {raw.Overall.F1:F2} (gold tokens {gold.Overall.F1:F2})"));
        log.Write(raw.Report());
    }
}

internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                options._values[key] = "";
            }
            else if (key is not null)
            {
                options._values[key] = arg;
                key = null;
            }
        }

        return options;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string Get(string key, string fallback) => _values.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;

    public int GetInt(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
