using BenchmarkDotNet.Running;
using Platform.Nlp.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(NerBenchmarks).Assembly).Run(args);
