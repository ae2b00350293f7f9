using System.CommandLine;
using System.Text.Json;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Benchmarks;

/// <summary><c>throughput</c>: quick single-thread timings of the engine; each part is skipped when its data is missing.</summary>
internal static class ThroughputCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model") { Description = "A model file instead of the embedded one" };
        var conll = new Option<FileInfo>("--conll") { Description = "CoNLL file for the entity model's tokens/s", DefaultValueFactory = _ => new FileInfo(Path.Combine(SharedData, "ner", "conll2003", "test.bio.txt.gz")) };
        var article = new Option<FileInfo>("--article") { Description = "One article for the engine's stages", DefaultValueFactory = _ => new FileInfo(Path.Combine(SharedData, "seed", "article.txt")) };
        var jsonl = new Option<FileInfo>("--jsonl")
        {
            Description = "Articles ({\"text\"} per line) for articles/s per configuration",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(SharedData, "quotes", "polnear", "dev.jsonl")),
        };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per measurement (the best is kept where it says so)", DefaultValueFactory = _ => 3 };
        var command = new Command("throughput", "Single-thread throughput: entity model, one article stage by stage, configurations, quote stage")
        {
            model, conll, article, jsonl, rounds,
        };
        command.SetAction(parse =>
        {
            var loaded = LoadModel(parse.GetValue(model));
            var times = Math.Max(1, parse.GetValue(rounds));
            if (parse.GetRequiredValue(conll) is { Exists: true } conllFile)
            {
                var documents = ConllCorpus.ReadFile(conllFile.FullName)
                    .Select(d => TokenizedText.FromWords([.. d.Sentences.Select(s => s.Words)])).ToList();
                EngineThroughput.NerTokens(loaded, documents, times);
            }

            if (parse.GetRequiredValue(article) is { Exists: true } articleFile)
            {
                EngineThroughput.OneArticle(loaded, File.ReadAllText(articleFile.FullName), times);
            }

            if (parse.GetRequiredValue(jsonl) is { Exists: true } jsonlFile)
            {
                var texts = File.ReadLines(jsonlFile.FullName)
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
                    .ToList();
                Console.WriteLine();
                EngineThroughput.Configurations(texts, times);
                Console.WriteLine();
                EngineThroughput.QuoteStage(texts, times);
            }

            return 0;
        });
        return command;
    }

    // Run from the repository root: the corpora are read in place, never copied.
    private static readonly string SharedData = Path.Combine("..", "shared", "data");

    private static NerModel LoadModel(FileInfo? path)
    {
        if (path is null)
        {
            return NerModel.Default ?? throw new InvalidOperationException("the engine was built without its embedded entity model");
        }

        using var file = path.OpenRead();
        return NerModel.Load(file);
    }
}
