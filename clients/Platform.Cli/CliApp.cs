using System.CommandLine;
using Grpc.Core;
using Platform.Cli.Commands;

namespace Platform.Cli;

/// <summary>The command tree of <c>platform</c> and its error handling.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Platform: find quotes (who said what, where) and named entities in news articles, store and query them.");
        foreach (var command in new[]
                 {
                     ExtractCommand.Create(context),
                     IngestCommand.Create(context),
                     QueryCommands.Quotes(context),
                     QueryCommands.Quote(context),
                     QueryCommands.QuoteGroup(context),
                     QueryCommands.Speakers(context),
                     QueryCommands.Entities(context),
                     QueryCommands.Article(context),
                     StatsCommands.Stats(context),
                     StatsCommands.Timeline(context),
                     StatusCommand.Create(context),
                     EvalCommands.Create(context),
                     CompletionCommand.Create(context),
                 })
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(CommonOptions.Token);
        return await InvokeAsync(root, args, context, cancellationToken);
    }

    /// <summary>Parses and runs a command tree, turning the services' errors into a message and an exit code.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var parseResult = root.Parse(args);
        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await context.Error.WriteLineAsync($"error: {e.Status.Detail}");
            await context.Error.WriteLineAsync(
                "Is the service running? Start the whole stack with scripts/demo.sh, or pass --extraction/--storage URL " +
                "(or set PLATFORM_EXTRACTION_URL / PLATFORM_STORAGE_URL).");
            return ExitCodes.Unavailable;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            await context.Error.WriteLineAsync($"error: {e.Status.Detail}");
            await context.Error.WriteLineAsync("Pass a token with --token or the PLATFORM_TOKEN environment variable.");
            return ExitCodes.Unauthorized;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await context.Error.WriteLineAsync($"error: {e.Status.Detail}");
            return ExitCodes.NotFound;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            await context.Error.WriteLineAsync($"error: {e.Status.Detail}");
            return ExitCodes.Usage;
        }
        catch (RpcException e)
        {
            await context.Error.WriteLineAsync($"error: the server answered {e.StatusCode}: {e.Status.Detail}");
            return ExitCodes.PartialFailure;
        }
        catch (IOException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.InputError;
        }
    }
}
