using System.CommandLine;
using Platform.Cli;
using Platform.Cli.Commands;

namespace Platform.Bench;

/// <summary>The command tree of <c>platform-bench</c>, with the console client's options and error handling.</summary>
public static class BenchApp
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Measure running Platform services (bounded in time; loopback or your own servers only)");
        foreach (var command in BenchCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(CommonOptions.Token);
        return CliApp.InvokeAsync(root, args, context, cancellationToken);
    }
}
