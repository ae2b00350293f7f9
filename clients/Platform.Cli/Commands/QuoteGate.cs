using System.CommandLine;
using System.Globalization;
using Platform.Nlp.Evaluation.Quotes;

namespace Platform.Cli.Commands;

/// <summary>
/// The floors that turn <c>platform eval quotes</c> into a quality gate (scripts/quality-gate-quotes.sh): each score
/// below its floor is one failure, named with the score and the floor.
/// </summary>
internal sealed record QuoteGate(Option<double[]> MinF1, Option<double?> MinSpeaker, Option<bool> NoNonQuotes)
{
    public static QuoteGate Options() => new(
        new Option<double[]>("--min-f1")
        {
            Description = "Two floors in percent: F1 at 0.3 over all quotes, F1 at 0.8 over direct and mixed quotes",
            HelpName = "ALL DIRECT+MIXED",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        },
        new Option<double?>("--min-speaker") { Description = "Floor in percent for resolved-speaker accuracy", HelpName = "PCT" },
        new Option<bool>("--no-nonquotes") { Description = "Fail when a passage the gold marks as not a quote is reported" });

    public IReadOnlyList<string> Failures(ParseResult parse, QuoteScorer scores)
    {
        var failures = new List<string>();
        var all = scores.Counts(KindSubset.All, 0.3);
        var directMixed = scores.Counts(KindSubset.DirectAndMixed, 0.8);
        if (parse.GetValue(MinF1) is [var minAll, var minDirect])
        {
            if (all.F1 * 100 < minAll)
            {
                failures.Add(Invariant($"F1 at 0.3 over all quotes {all.F1 * 100:F1} < {minAll}"));
            }

            if (directMixed.F1 * 100 < minDirect)
            {
                failures.Add(Invariant($"F1 at 0.8 over direct+mixed {directMixed.F1 * 100:F1} < {minDirect}"));
            }
        }

        if (parse.GetValue(MinSpeaker) is { } minSpeaker && (double.IsNaN(all.ResolvedAccuracy) || all.ResolvedAccuracy * 100 < minSpeaker))
        {
            failures.Add(Invariant($"resolved speaker accuracy {all.ResolvedAccuracy * 100:F1} < {minSpeaker}"));
        }

        if (parse.GetValue(NoNonQuotes) && scores.ReportedNonQuotes.Count > 0)
        {
            failures.Add($"{scores.ReportedNonQuotes.Count} non-quotes reported as quotes");
        }

        return failures;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
