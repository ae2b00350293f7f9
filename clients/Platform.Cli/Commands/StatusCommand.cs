using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary><c>platform status</c>: asks both services' health endpoints whether they serve.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var extraction = CommonOptions.Extraction();
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var command = new Command("status", "Check that both services are up (storage is up only while its database answers)")
        {
            extraction, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var healthy = true;
            var rows = new List<(string Service, string Address, string Status)>();
            foreach (var (name, address) in new[] { ("extraction", parse.GetRequiredValue(extraction)), ("storage", parse.GetRequiredValue(storage)) })
            {
                var status = await CheckAsync(address, parse, cancellationToken);
                healthy &= status == "SERVING";
                rows.Add((name, address.ToString(), status));
            }

            var json = rows.Select(r => System.Text.Json.JsonSerializer.Serialize(new { service = r.Service, address = r.Address, status = r.Status })).ToList();
            switch (parse.GetRequiredValue(format))
            {
                case "json":
                    await context.Output.WriteLineAsync("[" + string.Join(",", json) + "]");
                    break;
                case "jsonl":
                    foreach (var line in json)
                    {
                        await context.Output.WriteLineAsync(line);
                    }

                    break;
                default:
                    foreach (var (name, address, status) in rows)
                    {
                        context.Console.MarkupLine($"{name,-10} {Markup.Escape(address),-28} {(status == "SERVING" ? "[green]" : "[red]")}{status}[/]");
                    }

                    break;
            }

            return healthy ? ExitCodes.Success : ExitCodes.Unavailable;
        });
        return command;
    }

    private static async Task<string> CheckAsync(Uri address, ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = CliContext.Channel(address, parse);
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? "SERVING" : "NOT_SERVING";
        }
        catch (RpcException e)
        {
            return "UNREACHABLE (" + e.StatusCode + ")";
        }
    }
}
