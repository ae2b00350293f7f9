using System.CommandLine;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;
using Platform.Nlp.Quotes.Reporting;
using Platform.Nlp.Tools.Training;

namespace Platform.Nlp.Tools.Commands;

/// <summary><c>reports train | score</c>: the reported-speech tagger's training and the scoring of a tagger file.</summary>
internal static class ReportCommands
{
    public static Command Create() => new("reports", "The reported-speech tagger: train it, score a tagger file or the rules alone")
    {
        Train(),
        Score(),
    };

    private static Command Train()
    {
        var train = QuoteModelOptions.Polnear("--train", "train.jsonl");
        var dev = QuoteModelOptions.Polnear("--dev", "dev.jsonl");
        var output = new Option<FileInfo>("--out")
        {
            Description = "Tagger file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.EngineResources, "report-tagger.tsv.gz")),
        };
        var epochs = new Option<int[]>("--epochs") { Description = "Epoch counts to try, e.g. 5,10", DefaultValueFactory = _ => [5, 15], CustomParser = r => QuoteModelOptions.CommaList(r, int.Parse) };
        var thresholds = new Option<float[]>("--thresholds") { Description = "Score thresholds to try, e.g. -6,0,2", DefaultValueFactory = _ => [-12f, -9f, -6f, -4f, -2f, 0f, 2f], CustomParser = r => QuoteModelOptions.CommaList(r, float.Parse) };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 17 };
        var minCount = new Option<int>("--min-cue-count") { Description = "Gold cues a word must head to be learned as a cue", DefaultValueFactory = _ => 4 };
        var minShare = new Option<double>("--min-cue-share") { Description = "Share of a word's occurrences that must be gold cues", DefaultValueFactory = _ => 0.05 };
        var command = new Command("train", "Train the tagger on PolNeAR train, choose epochs and threshold on dev, write the best")
        {
            train, dev, output, epochs, thresholds, seed, minCount, minShare,
        };
        command.SetAction(parse => ReportTraining.Run(new ReportTrainingOptions(
            parse.GetRequiredValue(train).FullName,
            parse.GetRequiredValue(dev).FullName,
            parse.GetRequiredValue(output).FullName,
            parse.GetRequiredValue(epochs),
            parse.GetRequiredValue(thresholds),
            parse.GetValue(seed),
            parse.GetValue(minCount),
            parse.GetValue(minShare))));
        return command;
    }

    private static Command Score()
    {
        var gold = QuoteModelOptions.Gold();
        var model = new Option<FileInfo?>("--model") { Description = "A tagger file to score instead of the embedded one" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "No tagger: the rules' reports alone" };
        var threshold = new Option<float?>("--threshold") { Description = "Override the model's threshold" };
        var limit = new Option<int>("--limit") { Description = "Only the first N documents (0 = all)" };
        var errors = new Option<bool>("--errors") { Description = "List misses, false alarms and wrong speakers" };
        var command = new Command("score", "Quote scores with a tagger file (or the rules alone) in place of the embedded tagger")
        {
            gold, model, rulesOnly, threshold, limit, errors,
        };
        QuoteModelOptions.RequireModelOrRulesOnly(command, model, rulesOnly);
        command.SetAction(parse =>
        {
            using var stream = parse.GetValue(model)?.OpenRead();
            var tagger = stream is null ? null : ReportTagger.Load(stream);
            if (tagger is not null && parse.GetValue(threshold) is { } t)
            {
                tagger = tagger.WithThreshold(t);
            }

            return QuoteModelOptions.PrintScores(
                new RuleBasedQuoteExtractor { Tagger = tagger },
                new QuoteEvaluationOptions(parse.GetRequiredValue(gold).FullName, Limit: parse.GetValue(limit)),
                parse.GetValue(errors));
        });
        return command;
    }
}
