using Grpc.Net.Client;
using Platform.Client;
using Spectre.Console;

namespace Platform.Cli;

/// <summary>What every command needs: where output goes, how to reach the services.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader input, bool interactive)
{
    /// <summary>Standard output: results only, so that it can be piped.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Standard error: progress, warnings and errors.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Standard input, for the path "-".</summary>
    public TextReader Input { get; } = input;

    /// <summary>True when standard output is a terminal: colour, progress bars and tables that fit its width.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A console for rich output on <see cref="Output"/>: colour only on a terminal.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Output, Interactive);

    private IAnsiConsole? _console;

    /// <summary>A console for progress and messages on <see cref="Error"/>.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole ??= CreateConsole(Error, Interactive);

    private IAnsiConsole? _errorConsole;

    /// <summary>A channel to a service with the client library's defaults and the command's token.</summary>
    public static GrpcChannel Channel(Uri address, System.CommandLine.ParseResult parse)
        => PlatformChannels.Create(address, token: parse.GetValue(Commands.CommonOptions.Token));

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Piped output: wide enough that tables do not wrap every line.
            console.Profile.Width = 160;
        }

        return console;
    }
}
