using Platform.Bench;
using Platform.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var context = new CliContext(Console.Out, Console.Error, Console.In, interactive: !Console.IsOutputRedirected);
return await BenchApp.RunAsync(args, context, cancellation.Token);
