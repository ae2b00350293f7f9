using System.CommandLine;
using System.Text.Json;
using Grpc.Core;
using Platform.Cli.Input;
using Platform.Cli.Output;
using Platform.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary><c>platform ingest</c>: send articles through the extraction service into storage, with a summary.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CommonOptions.Paths();
        var extraction = CommonOptions.Extraction();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("ingest", "Extract quotes and entities from articles and store them (through both services)")
        {
            paths, extraction, format,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse, parse.GetRequiredValue(paths), parse.GetRequiredValue(extraction), parse.GetRequiredValue(format), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string[] paths, Uri address, string format, CancellationToken cancellationToken)
    {
        if (ArticleReader.FindMissing(paths) is { } missing)
        {
            await context.Error.WriteLineAsync($"error: no such file or folder: {missing}");
            return ExitCodes.InputError;
        }

        var total = ArticleReader.Count(paths);
        // The root of the run's trace: the extraction and storage spans of every article are its descendants.
        using var activity = CliTelemetry.Source.StartActivity(CliTelemetry.IngestSpan);
        activity?.SetTag("platform.articles", total);
        var summary = new IngestSummary();
        using var channel = CliContext.Channel(address, parse);
        var client = new ExtractionService.ExtractionServiceClient(channel);
        if (context.Interactive)
        {
            await context.ErrorConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RateColumn("articles"), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("ingesting", maxValue: Math.Max(total, 1));
                    await IngestAsync(context, client, paths, summary, () => task.Increment(1), cancellationToken);
                });
        }
        else
        {
            await IngestAsync(context, client, paths, summary, () => { }, cancellationToken);
        }

        activity?.SetTag("platform.stored", summary.Stored);
        activity?.SetTag("platform.not_stored", summary.Rejected.Count + summary.Failed.Count);
        await summary.WriteAsync(context, format);
        return summary.Rejected.Count + summary.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static async Task IngestAsync(
        CliContext context,
        ExtractionService.ExtractionServiceClient client,
        string[] paths,
        IngestSummary summary,
        Action advance,
        CancellationToken cancellationToken)
    {
        using var call = client.ExtractStream(cancellationToken: cancellationToken);
        var send = Task.Run(
            async () =>
            {
                foreach (var input in new ArticleReader(context.Input).Read(paths))
                {
                    if (input.Error is not null)
                    {
                        lock (summary)
                        {
                            summary.Rejected.Add((input.Article.Id, $"{input.Origin}: {input.Error}"));
                        }

                        advance();
                        continue;
                    }

                    await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = input.Article, Store = true }, cancellationToken);
                }

                await call.RequestStream.CompleteAsync();
            },
            cancellationToken);

        try
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                lock (summary)
                {
                    summary.Add(response);
                }

                advance();
            }
        }
        finally
        {
            await send;
        }
    }

    /// <summary>Counts of what happened to the ingested articles, and the reasons for those not stored.</summary>
    private sealed class IngestSummary
    {
        public int Stored { get; private set; }

        public int Duplicates { get; private set; }

        public int Replaced { get; private set; }

        public int Quotes { get; private set; }

        public int Entities { get; private set; }

        public List<(string Id, string Reason)> Rejected { get; } = [];

        public List<(string Id, string Reason)> Failed { get; } = [];

        public void Add(ExtractStreamResponse response)
        {
            if (response.Error.Length > 0)
            {
                Rejected.Add((response.ArticleId, response.Error));
                return;
            }

            switch (response.Storage?.Status)
            {
                case StoreStatus.Stored:
                    Stored++;
                    break;
                case StoreStatus.Duplicate:
                    Duplicates++;
                    break;
                case StoreStatus.Replaced:
                    Replaced++;
                    break;
                case StoreStatus.Rejected:
                    Rejected.Add((response.ArticleId, response.Storage.Reason));
                    return;
                default:
                    Failed.Add((response.ArticleId, response.Storage?.Reason ?? "no acknowledgement from storage"));
                    return;
            }

            Quotes += response.Analysis.Quotes.Count;
            Entities += response.Analysis.Entities.Count;
        }

        public async Task WriteAsync(CliContext context, string format)
        {
            if (format == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    stored = Stored,
                    duplicates = Duplicates,
                    replaced = Replaced,
                    rejected = Rejected.Select(r => new { id = r.Id, reason = r.Reason }),
                    failed = Failed.Select(r => new { id = r.Id, reason = r.Reason }),
                    quotes = Quotes,
                    entities = Entities,
                }));
                return;
            }

            var console = context.Console;
            console.MarkupLine(
                $"[green]stored {Stored}[/], duplicates {Duplicates}, replaced {Replaced}, " +
                $"{(Rejected.Count > 0 ? "[red]" : string.Empty)}rejected {Rejected.Count}{(Rejected.Count > 0 ? "[/]" : string.Empty)}, " +
                $"{(Failed.Count > 0 ? "[red]" : string.Empty)}not stored {Failed.Count}{(Failed.Count > 0 ? "[/]" : string.Empty)}" +
                $" — {Quotes} quotes, {Entities} entities");
            foreach (var (id, reason) in Rejected)
            {
                console.MarkupLine($"  [red]rejected[/] {Markup.Escape(id)}: {Markup.Escape(reason)}");
            }

            foreach (var (id, reason) in Failed)
            {
                console.MarkupLine($"  [red]not stored[/] {Markup.Escape(id)}: {Markup.Escape(reason)}");
            }
        }
    }
}
