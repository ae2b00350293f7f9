using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Platform.Nlp.Evaluation.Quotes;

/// <summary>Which gold format a file is in.</summary>
public enum GoldFormat
{
    /// <summary>Decide from the file name: <c>.jsonl</c> is PolNeAR, anything else the seed format.</summary>
    Auto,
    Seed,
    Polnear,
}

/// <summary>What to evaluate.</summary>
/// <param name="GoldPath">A seed <c>gold.json</c> (with <c>article.txt</c> beside it) or a PolNeAR <c>.jsonl</c>.</param>
/// <param name="Limit">Evaluate only the first N documents (0 = all).</param>
/// <param name="TwoApostropheMarks">PolNeAR only: count '' as quotation marks when deriving gold kinds (see <see cref="GoldReaders.ReadPolnear"/>).</param>
public sealed record QuoteEvaluationOptions(
    string GoldPath, GoldFormat Format = GoldFormat.Auto, int Limit = 0, bool TwoApostropheMarks = false);

/// <summary>The outcome of one evaluation run.</summary>
public sealed record QuoteEvaluationReport(string GoldPath, QuoteScorer Scores, int Characters, TimeSpan Elapsed)
{
    /// <summary>A Markdown report: one table row per kind subset and threshold, then recall per kind and non-quotes.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Gold: {GoldPath} ({Scores.Documents} documents, {Characters:N0} characters, {Elapsed.TotalSeconds:F1} s)");
        sb.AppendLine();
        sb.AppendLine("| kinds | threshold | gold | system | matched | P | R | F1 | speaker mention | resolved speaker | cue |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var subset in Enum.GetValues<KindSubset>())
        {
            foreach (var t in QuoteScorer.Thresholds)
            {
                var c = Scores.Counts(subset, t);
                var resolved = double.IsNaN(c.ResolvedAccuracy) ? "n/a" : Pct(c.ResolvedAccuracy);
                sb.AppendLine(inv,
                    $"| {Name(subset)} | {t:F1} | {c.Gold} | {c.System} | {c.Matched} | {Pct(c.Precision)} | {Pct(c.Recall)} | {Pct(c.F1)} | {Pct(c.MentionAccuracy)} | {resolved} | {Pct(c.CueAccuracy)} |");
            }
        }

        sb.AppendLine();
        sb.Append("Recall per kind at 0.3:");
        foreach (var (kind, (gold, matched)) in Scores.RecallPerKind.OrderBy(k => k.Key))
        {
            sb.Append(inv, $" {kind.ToString().ToLowerInvariant()} {Pct(gold == 0 ? 0 : (double)matched / gold)} ({matched}/{gold});");
        }

        sb.AppendLine();
        sb.AppendLine();
        sb.AppendLine("Speakers by how the gold names them (all kinds, matched at 0.3):");
        sb.AppendLine();
        sb.AppendLine("| gold speaker | gold | matched | speaker mention | resolved speaker |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (category, c) in Scores.SpeakersPerCategory.OrderBy(k => k.Key))
        {
            var resolved = double.IsNaN(c.ResolvedAccuracy) ? "n/a" : Pct(c.ResolvedAccuracy);
            sb.AppendLine(inv, $"| {category.ToString().ToLowerInvariant()} | {c.Gold} | {c.Matched} | {Pct(c.MentionAccuracy)} ({c.MentionCorrect}/{c.Matched}) | {resolved} |");
        }

        sb.AppendLine();

        if (Scores.NonQuotes > 0)
        {
            sb.AppendLine(inv, $"Non-quotes reported as quotes: {Scores.ReportedNonQuotes.Count} of {Scores.NonQuotes}");
            foreach (var line in Scores.ReportedNonQuotes)
            {
                sb.AppendLine("  " + line);
            }
        }

        return sb.ToString();
    }

    private static string Name(KindSubset subset) => subset switch
    {
        KindSubset.DirectAndMixed => "direct+mixed",
        KindSubset.Indirect => "indirect",
        _ => "all",
    };

    private static string Pct(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture);
}

/// <summary>Runs the engine in-process over a gold file and scores its quotes.</summary>
public static class QuoteEvaluation
{
    /// <summary>Evaluates <paramref name="analyzer"/> (the default engine when null) on the gold file.</summary>
    public static QuoteEvaluationReport Run(QuoteEvaluationOptions options, NewsAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        analyzer ??= NewsAnalyzer.CreateDefault();
        var format = options.Format == GoldFormat.Auto
            ? options.GoldPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? GoldFormat.Polnear : GoldFormat.Seed
            : options.Format;
        var documents = format == GoldFormat.Polnear
            ? GoldReaders.ReadPolnear(options.GoldPath, options.TwoApostropheMarks)
            : [GoldReaders.ReadSeed(options.GoldPath)];
        if (options.Limit > 0)
        {
            documents = documents.Take(options.Limit);
        }

        var scorer = new QuoteScorer();
        var characters = 0;
        var watch = new Stopwatch();
        foreach (var doc in documents)
        {
            watch.Start();
            var analysis = analyzer.Analyze(doc.Text);
            watch.Stop();
            characters += doc.Text.Length;
            scorer.Add(doc, analysis.Quotes);
        }

        return new QuoteEvaluationReport(options.GoldPath, scorer, characters, watch.Elapsed);
    }
}
