using Platform.Nlp.Eval;
using System.Globalization;
using Platform.Nlp.Evaluation.Quotes;

// Usage: eval quotes [--gold FILE] [--limit N] [--min-f1 ALL_03 DM_08] [--min-speaker PCT] [--no-nonquotes] [--errors] [--two-apostrophe-marks]
//                    [--speaker-model FILE | --rules-only]
// Without --gold, evaluates the seed article at ../shared/data/seed/gold.json (relative to the working directory).
// The --min-* options turn the run into a quality gate: the exit code is 1 when a score is below its floor.
if (args.Length >= 1 && args[0] == "dump")
{
    // eval dump [FILE]: the quotes the engine finds in a text file (or stdin), one per line, for error analysis.
    var input = args.Length > 1 ? File.ReadAllText(args[1]) : Console.In.ReadToEnd();
    var analysis = Platform.Nlp.NewsAnalyzer.CreateDefault().Analyze(input);
    foreach (var q in analysis.Quotes)
    {
        var mention = q.Speaker?.Mention is { } m ? m.Of(input) : null;
        Console.WriteLine($"{q.Kind} {q.Span} cue={q.Cue} speaker={q.Speaker?.Name} mention={mention} channel={q.Channel} | {q.Text}");
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "dump-jsonl")
{
    // eval dump-jsonl FILE: for each document of a JSONL file (one {"id","text"} per line), one line of JSON with the
    // quotes the engine finds (offsets, kind, cue, speaker mention), for error analysis outside the scorer.
    var engine = Platform.Nlp.NewsAnalyzer.CreateDefault();
    foreach (var line in File.ReadLines(args[1]))
    {
        var root = System.Text.Json.JsonDocument.Parse(line).RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        var quotes = engine.Analyze(text).Quotes.Select(q => new
        {
            start = q.Span.Start,
            end = q.Span.End,
            kind = q.Kind.ToString(),
            cue = q.Cue,
            speaker = q.Speaker?.Name,
            mention = q.Speaker?.Mention is { } m ? new[] { m.Start, m.End } : null,
        });
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = root.GetProperty("id").GetString(), quotes }));
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "train-speakers")
{
    // eval train-speakers [--train FILE] [--dev FILE] [--epochs N,M,...] [--seed S] [--out FILE]: trains the speaker
    // ranker on PolNeAR train, keeps the epoch count with the best dev speaker-mention accuracy, writes the model.
    return SpeakerTraining.Run(args);
}

if (args.Length >= 1 && args[0] == "bench")
{
    // eval bench [JSONL] [ROUNDS]: single-threaded throughput of the engine with and without quote attribution.
    var path = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data", "quotes", "polnear", "dev.jsonl");
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    var texts = File.ReadLines(path)
        .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
        .ToList();
    Benchmark.Run(texts, rounds);
    Console.WriteLine();
    Benchmark.RunQuoteStage(texts, rounds);
    return 0;
}

if (args.Length == 0 || args[0] != "quotes")
{
    Console.Error.WriteLine("usage: eval quotes [--gold FILE] [--limit N] [--min-f1 ALL@0.3 DIRECT+MIXED@0.8] [--min-speaker PCT] [--no-nonquotes]");
    return 2;
}

var gold = Path.Combine("..", "shared", "data", "seed", "gold.json");
var limit = 0;
double? minAll = null, minDirect = null, minSpeaker = null;
var forbidNonQuotes = false;
var verbose = false;
var twoApostropheMarks = false;
string? speakerModel = null;
var rulesOnly = false;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--gold":
            gold = args[++i];
            break;
        case "--limit":
            limit = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--min-f1":
            minAll = double.Parse(args[++i], CultureInfo.InvariantCulture);
            minDirect = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--min-speaker":
            minSpeaker = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--two-apostrophe-marks":
            twoApostropheMarks = true;
            break;
        case "--errors":
            verbose = true;
            break;
        case "--speaker-model":
            speakerModel = args[++i];
            break;
        case "--rules-only":
            rulesOnly = true;
            break;
        case "--no-nonquotes":
            forbidNonQuotes = true;
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (!File.Exists(gold))
{
    Console.Error.WriteLine($"gold file not found: {gold}");
    return 2;
}

// --speaker-model FILE scores with a speaker ranker from a file instead of the embedded one; --rules-only without any.
Platform.Nlp.NewsAnalyzer? analyzer = null;
if (speakerModel is not null || rulesOnly)
{
    using var modelStream = speakerModel is null ? null : File.OpenRead(speakerModel);
    var ranker = modelStream is null ? null : Platform.Nlp.Quotes.Ranking.SpeakerRanker.Load(modelStream);
    analyzer = new Platform.Nlp.NewsAnalyzer(
        new Platform.Nlp.Entities.StatisticalEntityRecognizer(Platform.Nlp.Entities.Model.NerModel.Default!),
        new Platform.Nlp.Quotes.RuleBasedQuoteExtractor { Ranker = ranker });
}

var report = QuoteEvaluation.Run(new QuoteEvaluationOptions(gold, Limit: limit, TwoApostropheMarks: twoApostropheMarks), analyzer);
Console.WriteLine(report.ToMarkdown());
if (verbose)
{
    report.Scores.Errors.ForEach(Console.WriteLine);
}

var failures = new List<string>();
var all = report.Scores.Counts(KindSubset.All, 0.3);
var directMixed = report.Scores.Counts(KindSubset.DirectAndMixed, 0.8);
if (minAll is { } a && all.F1 * 100 < a)
{
    failures.Add($"F1 at 0.3 over all quotes {all.F1 * 100:F1} < {a}");
}

if (minDirect is { } d && directMixed.F1 * 100 < d)
{
    failures.Add($"F1 at 0.8 over direct+mixed {directMixed.F1 * 100:F1} < {d}");
}

if (minSpeaker is { } s && (double.IsNaN(all.ResolvedAccuracy) || all.ResolvedAccuracy * 100 < s))
{
    failures.Add($"resolved speaker accuracy {all.ResolvedAccuracy * 100:F1} < {s}");
}

if (forbidNonQuotes && report.Scores.ReportedNonQuotes.Count > 0)
{
    failures.Add($"{report.Scores.ReportedNonQuotes.Count} non-quotes reported as quotes");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine("FAIL: " + failure);
}

return failures.Count == 0 ? 0 : 1;
