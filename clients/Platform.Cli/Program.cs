namespace Platform.Cli;

/// <summary>Entry point of the console client.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        using var telemetry = CliTelemetry.StartFromEnvironment();
        var context = new CliContext(Console.Out, Console.Error, Console.In, interactive: !Console.IsOutputRedirected);
        return await CliApp.RunAsync(args, context, cancellation.Token);
    }
}
