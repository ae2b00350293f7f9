using System.CommandLine;
using Grpc.Core;
using Platform.Cli.Input;
using Platform.Cli.Output;
using Platform.Extraction.Core;
using Platform.Nlp;
using Platform.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform extract</c>: analyse articles and print the analyses, through the service or in-process.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var offline = new Option<bool>("--offline") { Description = "Run the engine in this process; no server needed" };
        var extraction = CommonOptions.Extraction();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var style = new Option<string>("--style")
        {
            Description = "How the articles are written: auto (decided per article), news, or web (reviews, forum posts, e-mail)",
            DefaultValueFactory = _ => "auto",
        };
        style.AcceptOnlyFromAmong("auto", "news", "web");
        var command = new Command("extract", "Find quotes and entities in articles and print them (nothing is stored)")
        {
            paths, offline, extraction, format, style,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse,
            parse.GetRequiredValue(paths),
            parse.GetValue(offline),
            parse.GetRequiredValue(extraction),
            parse.GetRequiredValue(format),
            parse.GetRequiredValue(style) switch
            {
                "news" => V1.TextStyle.News,
                "web" => V1.TextStyle.Web,
                _ => V1.TextStyle.Unspecified,
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, ParseResult parse, string[] paths, bool offline, Uri address, string format, V1.TextStyle style,
        CancellationToken cancellationToken)
    {
        if (ArticleReader.FindMissing(paths) is { } missing)
        {
            await context.Error.WriteLineAsync($"error: no such file or folder: {missing}");
            return ExitCodes.InputError;
        }

        using var channel = offline ? null : CliContext.Channel(address, parse);
        var client = channel is null ? null : new ExtractionService.ExtractionServiceClient(channel);
        var engine = offline ? NewsAnalyzer.CreateDefault() : null;
        await using var writer = AnalysisWriter.Create(format, context);
        var failures = 0;
        foreach (var input in new ArticleReader(context.Input).Read(paths))
        {
            var article = input.Article;
            article.Style = style;
            var analysis = new ArticleAnalysis { ArticleId = article.Id, EngineVersion = NewsAnalyzer.Version };
            if (input.Error is not null)
            {
                failures++;
                await context.Error.WriteLineAsync($"warning: {input.Origin}: {input.Error}; writing an empty analysis");
            }
            else if (engine is not null)
            {
                // Pages are converted here exactly as the extraction service converts them (same source file).
                if (ArticleText.ToAnalysed(article) is { } analysed)
                {
                    article = analysed;
                    var result = engine.Analyze(article.Text, ArticleStyle.ToEngine(article.Style) ?? Nlp.TextStyle.Auto);
                    foreach (var failure in result.Failures)
                    {
                        await context.Error.WriteLineAsync(
                            $"warning: {input.Origin}: the engine's {failure.Stage} stage failed ({failure.Error.GetType().Name}: {failure.Error.Message}); the analysis has no {failure.Stage}");
                    }

                    analysis = AnalysisMapper.ToMessage(article.Id, article.Text, result, NewsAnalyzer.Version);
                }
                else
                {
                    failures++;
                    await context.Error.WriteLineAsync($"warning: {input.Origin}: article.html: no article text found; writing an empty analysis");
                }
            }
            else
            {
                try
                {
                    var response = await client!.ExtractAsync(new ExtractRequest { Article = article }, cancellationToken: cancellationToken);
                    analysis = response.Analysis;
                    article = response.Article ?? article;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
                {
                    failures++;
                    await context.Error.WriteLineAsync($"warning: {input.Origin}: {e.Status.Detail}; writing an empty analysis");
                }
            }

            await writer.WriteAsync(article, analysis);
        }

        return failures == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
