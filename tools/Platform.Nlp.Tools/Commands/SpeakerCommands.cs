using System.CommandLine;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Ranking;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tools.Commands;

/// <summary><c>speakers train | score</c>: the speaker ranker's training and the scoring of a ranker file.</summary>
internal static class SpeakerCommands
{
    public static Command Create() => new("speakers", "The speaker ranker: train it, score a ranker file or the rules alone")
    {
        Train(),
        Score(),
    };

    private static Command Train()
    {
        var train = new Option<FileInfo>("--train") { DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.PolnearDirectory, "train.jsonl")) };
        var dev = new Option<FileInfo>("--dev") { DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.PolnearDirectory, "dev.jsonl")) };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Ranker file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.EngineResources, "speaker-ranker.tsv.gz")),
        };
        var epochs = new Option<int[]>("--epochs") { Description = "Epoch counts to try, e.g. 4,6,10", DefaultValueFactory = _ => [10], CustomParser = r => List(r, int.Parse) };
        var margins = new Option<float[]>("--margins") { Description = "Margins over the rules' choice to try, e.g. 0,2", DefaultValueFactory = _ => [0f], CustomParser = r => List(r, float.Parse) };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 17 };
        var command = new Command("train", "Train the ranker on PolNeAR train, choose epochs and margin on dev, write the best")
        {
            train, dev, output, epochs, margins, seed,
        };
        command.SetAction(parse => SpeakerTraining.Run(new SpeakerTrainingOptions(
            parse.GetRequiredValue(train).FullName,
            parse.GetRequiredValue(dev).FullName,
            parse.GetRequiredValue(output).FullName,
            parse.GetRequiredValue(epochs),
            parse.GetRequiredValue(margins),
            parse.GetValue(seed))));
        return command;
    }

    private static Command Score()
    {
        var gold = new Option<FileInfo>("--gold")
        {
            Description = "A seed-format gold.json (article.txt beside it) or a PolNeAR .jsonl",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.SeedDirectory, "gold.json")),
        };
        var model = new Option<FileInfo?>("--model") { Description = "A ranker file to score instead of the embedded one" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "No ranker: the rules' speaker choice alone" };
        var limit = new Option<int>("--limit") { Description = "Only the first N documents (0 = all)" };
        var twoApostrophes = new Option<bool>("--two-apostrophe-marks") { Description = "PolNeAR: count '' as quotation marks in the gold kinds" };
        var errors = new Option<bool>("--errors") { Description = "List misses, false alarms and wrong speakers" };
        var command = new Command("score", "Quote scores with a ranker file (or the rules alone) in place of the embedded ranker")
        {
            gold, model, rulesOnly, limit, twoApostrophes, errors,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(model) is null) == !result.GetValue(rulesOnly))
            {
                result.AddError("give exactly one of --model FILE and --rules-only");
            }
        });
        command.SetAction(parse =>
        {
            using var stream = parse.GetValue(model)?.OpenRead();
            var ranker = stream is null ? null : SpeakerRanker.Load(stream);
            var entityModel = NerModel.Default ?? throw new InvalidOperationException("the engine was built without its embedded entity model");
            var analyzer = new NewsAnalyzer(new StatisticalEntityRecognizer(entityModel), new RuleBasedQuoteExtractor { Ranker = ranker });
            var report = QuoteEvaluation.Run(
                new QuoteEvaluationOptions(parse.GetRequiredValue(gold).FullName, Limit: parse.GetValue(limit), TwoApostropheMarks: parse.GetValue(twoApostrophes)),
                analyzer);
            Console.WriteLine(report.ToMarkdown());
            if (parse.GetValue(errors))
            {
                report.Scores.Errors.ForEach(Console.WriteLine);
            }

            return 0;
        });
        return command;
    }

    private static T[] List<T>(System.CommandLine.Parsing.ArgumentResult result, Func<string, IFormatProvider, T> parse)
        => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(v => parse(v, System.Globalization.CultureInfo.InvariantCulture))];
}
