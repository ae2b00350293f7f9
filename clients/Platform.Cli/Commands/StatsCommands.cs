using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Cli.Output;
using Platform.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform stats</c> and <c>platform timeline</c>: who gets quoted, and a speaker on a subject over time.</summary>
internal static class StatsCommands
{
    public static Command Stats(CliContext context)
    {
        var by = new Option<string>("--by")
        {
            Description = "Group by outlet, week (the week's Monday), gender (of person speakers) or type (of speaker)",
            Required = true,
        };
        by.AcceptOnlyFromAmong("outlet", "week", "gender", "type");
        var source = new Option<string?>("--source") { Description = "Only quotes of this outlet (whole name, case-insensitive)" };
        var speaker = new Option<string?>("--speaker", "-s") { Description = "Only quotes of this speaker: a name, an alias or part of a name" };
        var after = new Option<DateTimeOffset?>("--after") { Description = "Only weeks that end after this time (ISO 8601); weeks count whole" };
        var before = new Option<DateTimeOffset?>("--before") { Description = "Only weeks that start before this time (ISO 8601)" };
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("stats", "Who gets quoted: quotes and distinct speakers by outlet, week, gender or speaker type")
        {
            by, source, speaker, after, before, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new GetQuoteStatsRequest
            {
                By = parse.GetRequiredValue(by) switch
                {
                    "outlet" => QuoteStatsDimension.Outlet,
                    "week" => QuoteStatsDimension.Week,
                    "gender" => QuoteStatsDimension.Gender,
                    _ => QuoteStatsDimension.SpeakerType,
                },
                Source = parse.GetValue(source) ?? string.Empty,
                Speaker = parse.GetValue(speaker) ?? string.Empty,
                PublishedAfter = parse.GetValue(after) is { } a ? Timestamp.FromDateTimeOffset(a) : null,
                PublishedBefore = parse.GetValue(before) is { } b ? Timestamp.FromDateTimeOffset(b) : null,
            };
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var response = await client.GetQuoteStatsAsync(request, cancellationToken: cancellationToken);
            await WriteAsync(context, parse.GetRequiredValue(format), response,
                () => context.Console.Write(StatsTables.StatsTable(parse.GetRequiredValue(by), response.Rows)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Timeline(CliContext context)
    {
        var speaker = new Option<string>("--speaker", "-s") { Description = "The speaker: a name, an alias or part of a name", Required = true };
        var about = new Option<string>("--about", "-e", "--entity") { Description = "The entity the quotes mention, matched like --speaker", Required = true };
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("timeline", "A speaker's quotes about an entity over time: first and last quote, quotes per week")
        {
            speaker, about, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new GetQuoteTimelineRequest { Speaker = parse.GetRequiredValue(speaker), About = parse.GetRequiredValue(about) };
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var response = await client.GetQuoteTimelineAsync(request, cancellationToken: cancellationToken);
            await WriteAsync(context, parse.GetRequiredValue(format), response, () => StatsTables.WriteTimeline(context.Console, response));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(CliContext context, string format, IMessage response, Action table)
    {
        if (format == "json")
        {
            await context.Output.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response));
        }
        else
        {
            table();
        }
    }
}
