using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Platform.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform bench …</c>: load and speed measurements against running services, bounded in time.</summary>
internal static class BenchCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Measure running services (bounded in time; loopback or your own servers only)");
        command.Subcommands.Add(Load(context));
        return command;
    }

    private static Command Load(CliContext context)
    {
        var seconds = new Option<int>("--seconds") { Description = "How long to run (1 to 600)", DefaultValueFactory = _ => 60 };
        var streams = new Option<int>("--streams") { Description = "Concurrent ExtractStream calls that store", DefaultValueFactory = _ => 8 };
        var unary = new Option<int>("--unary") { Description = "Concurrent loops of unary Extract and SearchQuotes calls", DefaultValueFactory = _ => 8 };
        var extraction = CommonOptions.Extraction();
        var storage = CommonOptions.Storage();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("load", "Many concurrent streams and unary calls for a while; latency percentiles and errors")
        {
            seconds, streams, unary, extraction, storage, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var duration = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 1, 600));
            using var extractionChannel = CliContext.Channel(parse.GetRequiredValue(extraction), parse);
            using var storageChannel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var run = new LoadRun(
                new ExtractionService.ExtractionServiceClient(extractionChannel),
                new StorageService.StorageServiceClient(storageChannel),
                duration);
            await run.RunAsync(Math.Max(parse.GetValue(streams), 0), Math.Max(parse.GetValue(unary), 0), cancellationToken);
            await context.Output.WriteLineAsync(parse.GetValue(json) ? run.ToJson() : run.ToTable());
            return run.Errors.IsEmpty ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    /// <summary>One load run: the workers, their latencies and their errors.</summary>
    private sealed class LoadRun(
        ExtractionService.ExtractionServiceClient extraction,
        StorageService.StorageServiceClient storage,
        TimeSpan duration)
    {
        private const int StreamBatch = 20;
        private readonly string _runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
        private TimeSpan _elapsed;

        public ConcurrentDictionary<string, int> Errors { get; } = new();

        public async Task RunAsync(int streams, int unary, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(duration);
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, streams).Select(i => StreamWorkerAsync(i, stop.Token))
                .Concat(Enumerable.Range(0, unary).Select(i => UnaryWorkerAsync(i, stop.Token)));
            await Task.WhenAll(workers);
            _elapsed = clock.Elapsed;
        }

        private async Task StreamWorkerAsync(int worker, CancellationToken stop)
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                await MeasureAsync("stream batch of 20 (store)", async () =>
                {
                    using var call = extraction.ExtractStream();
                    for (var i = 0; i < StreamBatch; i++)
                    {
                        var id = $"load-{_runId}-{worker}-{batch}-{i}";
                        await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = new Article { Id = id, Text = Text(id) }, Store = true });
                    }

                    await call.RequestStream.CompleteAsync();
                    await foreach (var response in call.ResponseStream.ReadAllAsync())
                    {
                        if (response.Storage?.Status is not (StoreStatus.Stored or StoreStatus.Duplicate))
                        {
                            Errors.AddOrUpdate("article not stored: " + (response.Storage?.Reason ?? response.Error), 1, (_, n) => n + 1);
                        }
                    }
                });
            }
        }

        private async Task UnaryWorkerAsync(int worker, CancellationToken stop)
        {
            for (var call = 0; !stop.IsCancellationRequested; call++)
            {
                var id = $"load-unary-{worker}-{call}";
                await MeasureAsync("Extract (unary, no store)", () => extraction.ExtractAsync(
                    new ExtractRequest { Article = new Article { Id = id, Text = Text(id) } }).ResponseAsync);
                await MeasureAsync("SearchQuotes (speaker, 50)", () => storage.SearchQuotesAsync(
                    new SearchQuotesRequest { Speaker = "Holm", PageSize = 50 }).ResponseAsync);
            }
        }

        private async Task MeasureAsync(string name, Func<Task> call)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await call();
                _latencies.GetOrAdd(name, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (RpcException e)
            {
                Errors.AddOrUpdate($"{name}: {e.StatusCode}", 1, (_, n) => n + 1);
            }
        }

        private static string Text(string id)
            => $"Harbour report {id}. “The pier reopens on Monday, and the ferries will run twice a day,” said harbour master Nadia Holm. "
               + "She added that the repairs cost $ 4 million. The council in Valmora will review the works in March.";

        private IEnumerable<(string Name, int Count, double PerSecond, double P50, double P95, double P99, double Max)> Rows()
            => _latencies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            {
                var sorted = p.Value.Order().ToArray();
                double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                return (p.Key, sorted.Length, sorted.Length / _elapsed.TotalSeconds, At(0.50), At(0.95), At(0.99), sorted[^1]);
            });

        public string ToTable()
        {
            var lines = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"load for {_elapsed.TotalSeconds:0.0} s"),
                string.Format(CultureInfo.InvariantCulture, "{0,-30} {1,8} {2,9} {3,9} {4,9} {5,9} {6,9}", "call", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"),
            };
            lines.AddRange(Rows().Select(r => string.Format(CultureInfo.InvariantCulture,
                "{0,-30} {1,8} {2,9:0.0} {3,9:0.0} {4,9:0.0} {5,9:0.0} {6,9:0.0}", r.Name, r.Count, r.PerSecond, r.P50, r.P95, r.P99, r.Max)));
            lines.Add(Errors.IsEmpty ? "errors: none" : "errors: " + string.Join("; ", Errors.Select(e => $"{e.Key} ×{e.Value}")));
            return string.Join('\n', lines);
        }

        public string ToJson() => JsonSerializer.Serialize(new
        {
            seconds = _elapsed.TotalSeconds,
            calls = Rows().Select(r => new { name = r.Name, count = r.Count, perSecond = r.PerSecond, p50 = r.P50, p95 = r.P95, p99 = r.P99, max = r.Max }),
            errors = Errors,
        });
    }
}
