using System.CommandLine;
using System.Globalization;
using BenchmarkDotNet.Running;
using Platform.Nlp.Benchmarks;

// `throughput [options]`: the quick single-thread table; anything else goes to BenchmarkDotNet's switcher.
if (args is ["throughput", ..])
{
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    return new RootCommand("Quick engine throughput") { ThroughputCommand.Create() }.Parse(args).Invoke();
}

BenchmarkSwitcher.FromAssembly(typeof(NerBenchmarks).Assembly).Run(args);
return 0;
