using System.CommandLine;
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
        var train = QuoteModelOptions.Polnear("--train", "train.jsonl");
        var dev = QuoteModelOptions.Polnear("--dev", "dev.jsonl");
        var output = new Option<FileInfo>("--out")
        {
            Description = "Ranker file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.EngineResources, "speaker-ranker.tsv.gz")),
        };
        var epochs = new Option<int[]>("--epochs") { Description = "Epoch counts to try, e.g. 4,6,10", DefaultValueFactory = _ => [10], CustomParser = r => QuoteModelOptions.CommaList(r, int.Parse) };
        var margins = new Option<float[]>("--margins") { Description = "Margins over the rules' choice to try, e.g. 0,2", DefaultValueFactory = _ => [0f], CustomParser = r => QuoteModelOptions.CommaList(r, float.Parse) };
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
        var gold = QuoteModelOptions.Gold();
        var model = new Option<FileInfo?>("--model") { Description = "A ranker file to score instead of the embedded one" };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "No ranker: the rules' speaker choice alone" };
        var limit = new Option<int>("--limit") { Description = "Only the first N documents (0 = all)" };
        var twoApostrophes = new Option<bool>("--two-apostrophe-marks") { Description = "PolNeAR: count '' as quotation marks in the gold kinds" };
        var errors = new Option<bool>("--errors") { Description = "List misses, false alarms and wrong speakers" };
        var command = new Command("score", "Quote scores with a ranker file (or the rules alone) in place of the embedded ranker")
        {
            gold, model, rulesOnly, limit, twoApostrophes, errors,
        };
        QuoteModelOptions.RequireModelOrRulesOnly(command, model, rulesOnly);
        command.SetAction(parse =>
        {
            using var stream = parse.GetValue(model)?.OpenRead();
            var ranker = stream is null ? null : SpeakerRanker.Load(stream);
            return QuoteModelOptions.PrintScores(
                new RuleBasedQuoteExtractor { Ranker = ranker },
                new QuoteEvaluationOptions(parse.GetRequiredValue(gold).FullName, Limit: parse.GetValue(limit), TwoApostropheMarks: parse.GetValue(twoApostrophes)),
                parse.GetValue(errors));
        });
        return command;
    }
}
