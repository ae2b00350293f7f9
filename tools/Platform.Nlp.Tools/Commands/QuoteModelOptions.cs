using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Platform.Nlp.Entities;
using Platform.Nlp.Entities.Model;
using Platform.Nlp.Evaluation.Quotes;
using Platform.Nlp.Quotes;

namespace Platform.Nlp.Tools.Commands;

/// <summary>
/// What the commands of the learned quote components (<c>speakers</c>, <c>reports</c>) share: the PolNeAR and seed
/// files they read, the comma lists they sweep, the "--model or --rules-only" choice, and the scoring of an extractor.
/// </summary>
internal static class QuoteModelOptions
{
    public static Option<FileInfo> Polnear(string name, string file)
        => new(name) { DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.PolnearDirectory, file)) };

    public static Option<FileInfo> Gold() => new("--gold")
    {
        Description = "A seed-format gold.json (article.txt beside it) or a PolNeAR .jsonl",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(ToolPaths.SeedDirectory, "gold.json")),
    };

    /// <summary>"4,6,10" (also given as several tokens), parsed in the invariant culture.</summary>
    public static T[] CommaList<T>(ArgumentResult result, Func<string, IFormatProvider, T> parse)
        => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(v => parse(v, CultureInfo.InvariantCulture))];

    public static void RequireModelOrRulesOnly(Command command, Option<FileInfo?> model, Option<bool> rulesOnly)
        => command.Validators.Add(result =>
        {
            if ((result.GetValue(model) is null) == !result.GetValue(rulesOnly))
            {
                result.AddError("give exactly one of --model FILE and --rules-only");
            }
        });

    /// <summary>Scores the extractor, behind the embedded entity model, and prints the tables (and the errors).</summary>
    public static int PrintScores(RuleBasedQuoteExtractor extractor, QuoteEvaluationOptions options, bool errors)
    {
        var entityModel = NerModel.Default ?? throw new InvalidOperationException("the engine was built without its embedded entity model");
        var report = QuoteEvaluation.Run(options, new NewsAnalyzer(new StatisticalEntityRecognizer(entityModel), extractor));
        Console.WriteLine(report.ToMarkdown());
        if (errors)
        {
            report.Scores.Errors.ForEach(Console.WriteLine);
        }

        return 0;
    }
}
