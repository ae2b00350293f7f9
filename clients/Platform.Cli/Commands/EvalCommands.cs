using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Platform.Nlp;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;

namespace Platform.Cli.Commands;

/// <summary><c>platform eval …</c>: measure the engine in-process against annotated data.</summary>
internal static class EvalCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Measure the engine against annotated data (runs in-process, no server)");
        command.Subcommands.Add(Ner(context));
        command.Subcommands.Add(Quotes(context));
        return command;
    }

    private static Command Quotes(CliContext context)
    {
        var gold = new Option<FileInfo>("--gold")
        {
            Description = "A seed-format gold.json (article.txt beside it) or a PolNeAR .jsonl",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "seed", "gold.json")),
        };
        var limit = new Option<int>("--limit") { Description = "Only the first N documents (0 = all)" };
        var twoApostrophes = new Option<bool>("--two-apostrophe-marks") { Description = "PolNeAR: count '' as quotation marks in the gold kinds" };
        var errors = new Option<bool>("--errors") { Description = "After the table: every miss, false alarm and wrong speaker" };
        var gate = QuoteGate.Options();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("quotes", "Quote precision/recall/F1 (Gender Gap Tracker matching at 0.3 and 0.8), speaker and cue accuracy")
        {
            gold, limit, twoApostrophes, errors, gate.MinF1, gate.MinSpeaker, gate.NoNonQuotes, format,
        };
        command.SetAction(async (parse, _) =>
        {
            var file = parse.GetRequiredValue(gold);
            if (!file.Exists)
            {
                await context.Error.WriteLineAsync($"error: no such file: {file.FullName}");
                return ExitCodes.InputError;
            }

            var report = QuoteEvaluation.Run(new QuoteEvaluationOptions(file.FullName, Limit: parse.GetValue(limit),
                TwoApostropheMarks: parse.GetValue(twoApostrophes)));
            await context.Output.WriteAsync(parse.GetRequiredValue(format) == "json" ? QuotesJson(report) + "\n" : report.ToMarkdown());
            if (parse.GetValue(errors))
            {
                foreach (var error in report.Scores.Errors)
                {
                    await context.Output.WriteLineAsync(error);
                }
            }

            var failures = gate.Failures(parse, report.Scores);
            foreach (var failure in failures)
            {
                await context.Error.WriteLineAsync("FAIL: " + failure);
            }

            return failures.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static Command Ner(CliContext context)
    {
        var conll = new Option<FileInfo>("--conll") { Description = "CoNLL file (BIO or IOB1, .gz allowed)", Required = true };
        var onlyGoldTypes = new Option<bool>("--only-gold-types") { Description = "Score only the types the file annotates (PER, ORG, LOC, MISC)" };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with 1 when overall F1 is below this" };
        var goldTokens = new Option<bool>("--gold-tokens")
        {
            Description = "Score the model alone on the file's own tokens instead of the whole engine on the text rebuilt from them",
        };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("ner", "Phrase-level precision, recall and F1 per type, conlleval-style, of the engine on raw text rebuilt from the file")
        {
            conll, onlyGoldTypes, goldTokens, minF1, format,
        };
        command.SetAction(async (parse, _) =>
        {
            var file = parse.GetRequiredValue(conll);
            if (!file.Exists)
            {
                await context.Error.WriteLineAsync($"error: no such file: {file.FullName}");
                return ExitCodes.InputError;
            }

            var model = NerModel.Default ?? throw new InvalidOperationException("the engine has no embedded NER model");
            var documents = ConllCorpus.ReadFile(file.FullName);
            var scorer = parse.GetValue(goldTokens)
                ? NerEvaluator.Evaluate(model, documents, parse.GetValue(onlyGoldTypes))
                : NerEvaluator.EvaluateRawText(new NewsAnalyzer(new StatisticalEntityRecognizer(model), new RuleBasedQuoteExtractor()), documents, parse.GetValue(onlyGoldTypes));
            await context.Output.WriteAsync(parse.GetRequiredValue(format) == "json"
                ? JsonSerializer.Serialize(new
                {
                    overall = Score(scorer.Overall),
                    types = scorer.ByType.OrderBy(t => t.Type, StringComparer.Ordinal).ToDictionary(t => t.Type, Score),
                }) + "\n"
                : scorer.Report());
            if (parse.GetValue(minF1) is { } minimum && scorer.Overall.F1 < minimum)
            {
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"overall F1 {scorer.Overall.F1:F2} is below {minimum}"));
                return ExitCodes.PartialFailure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static object Score(TypeScore score)
        => new { gold = score.Gold, predicted = score.Predicted, correct = score.Correct, precision = score.Precision, recall = score.Recall, f1 = score.F1 };

    // Fractions (0 to 1), one object per kind subset and threshold, as the table shows them.
    private static string QuotesJson(QuoteEvaluationReport report) => JsonSerializer.Serialize(new
    {
        gold = report.GoldPath,
        documents = report.Scores.Documents,
        scores = Enum.GetValues<KindSubset>().SelectMany(subset => QuoteScorer.Thresholds.Select(threshold =>
        {
            var c = report.Scores.Counts(subset, threshold);
            return new
            {
                kinds = subset.ToString(),
                threshold,
                gold = c.Gold,
                system = c.System,
                matched = c.Matched,
                precision = c.Precision,
                recall = c.Recall,
                f1 = c.F1,
                speakerMention = c.MentionAccuracy,
                resolvedSpeaker = double.IsNaN(c.ResolvedAccuracy) ? (double?)null : c.ResolvedAccuracy,
                cue = c.CueAccuracy,
            };
        })),
        recallPerKind = report.Scores.RecallPerKind.ToDictionary(
            k => k.Key.ToString().ToLowerInvariant(), k => k.Value.Gold == 0 ? 0 : (double)k.Value.Matched / k.Value.Gold),
        speakersPerCategory = report.Scores.SpeakersPerCategory.ToDictionary(
            k => k.Key.ToString().ToLowerInvariant(),
            k => new
            {
                gold = k.Value.Gold,
                matched = k.Value.Matched,
                speakerMention = k.Value.MentionAccuracy,
                resolvedSpeaker = double.IsNaN(k.Value.ResolvedAccuracy) ? (double?)null : k.Value.ResolvedAccuracy,
            }),
        nonQuotes = report.Scores.NonQuotes,
        nonQuotesReported = report.Scores.ReportedNonQuotes.Count,
    });
}
