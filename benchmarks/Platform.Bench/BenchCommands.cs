using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Platform.Cli;
using Platform.Cli.Commands;
using Platform.V1;

namespace Platform.Bench;

/// <summary><c>platform-bench …</c>: load and speed measurements against running services, bounded in time.</summary>
internal static class BenchCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Load(context), Ingest(context), Seed(context), Query(context)];

    private static Command Ingest(CliContext context)
    {
        var articles = new Option<int>("--articles", "-n") { Description = "Articles per measurement (1 to 100000)", DefaultValueFactory = _ => 2000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent streams", DefaultValueFactory = _ => 2 };
        var database = new Option<string?>("--database")
        {
            Description = "Connection string of the storage service's PostgreSQL, for the raw COPY ceiling (default: PLATFORM_BENCH_DB)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PLATFORM_BENCH_DB"),
        };
        var skipPipeline = new Option<bool>("--storage-only") { Description = "Skip the full-pipeline measurement" };
        var extraction = CommonOptions.Extraction();
        var storage = CommonOptions.Storage();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("ingest", "Storage ingest vs. raw COPY of the same rows, and the full pipeline vs. the engine in-process")
        {
            articles, streams, database, skipPipeline, extraction, storage, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = Math.Clamp(parse.GetValue(articles), 1, 100_000);
            var streamCount = Math.Clamp(parse.GetValue(streams), 1, 64);
            var connection = parse.GetValue(database);
            if (string.IsNullOrWhiteSpace(connection))
            {
                await context.Error.WriteLineAsync("--database (or PLATFORM_BENCH_DB) is needed for the raw COPY ceiling");
                return ExitCodes.Usage;
            }

            using var storageChannel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            using var extractionChannel = CliContext.Channel(parse.GetRequiredValue(extraction), parse);
            var bench = new IngestBenchmark(
                new StorageService.StorageServiceClient(storageChannel),
                new ExtractionService.ExtractionServiceClient(extractionChannel));
            var stored = await bench.MeasureStorageAsync(count, streamCount, connection, cancellationToken);
            var pipeline = parse.GetValue(skipPipeline) ? null : await bench.MeasurePipelineAsync(count, streamCount, cancellationToken);
            await context.Output.WriteLineAsync(parse.GetValue(json) ? IngestReport.Json(stored, pipeline) : IngestReport.Table(stored, pipeline));
            foreach (var reason in stored.NotStored.Reasons.Concat(pipeline?.NotStored.Reasons ?? []))
            {
                await context.Error.WriteLineAsync("not stored: " + reason);
            }

            return stored.NotStored.Count + (pipeline?.NotStored.Count ?? 0) == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static Command Seed(CliContext context)
    {
        var quotes = new Option<int>("--quotes") { Description = "Quotes to have in the store (20 per article)", DefaultValueFactory = _ => 1_000_000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent streams", DefaultValueFactory = _ => 2 };
        var storage = CommonOptions.Storage();
        var command = new Command("seed", "Fill the store with synthetic articles (ids seed-N; running it again adds nothing)") { quotes, streams, storage };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var articles = Math.Max(1, parse.GetValue(quotes) / SyntheticNews.QuotesPerArticle);
            var streamCount = Math.Clamp(parse.GetValue(streams), 1, 64);
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var clock = Stopwatch.StartNew();
            var failed = await IngestBenchmark.IngestStreamsAsync(
                client,
                streamCount,
                s => Enumerable.Range(0, (articles - s + streamCount - 1) / streamCount).Select(i => SyntheticNews.Create("seed-", s + (long)i * streamCount)),
                new Latencies(),
                cancellationToken);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seeded {articles} articles ({articles * SyntheticNews.QuotesPerArticle} quotes) in {clock.Elapsed.TotalSeconds:0.0} s; not stored: {failed.Count}"));
            foreach (var reason in failed.Reasons)
            {
                await context.Error.WriteLineAsync("not stored: " + reason);
            }

            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static Command Query(CliContext context)
    {
        var queries = new Option<int>("--queries") { Description = "Queries of each kind (1 to 10000)", DefaultValueFactory = _ => 200 };
        var storage = CommonOptions.Storage();
        var warmUp = new Option<int>("--warm-up") { Description = "Seconds of unmeasured searches of every kind first (0 to 600)", DefaultValueFactory = _ => 15 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("query", "Latency of speaker, entity and full-text searches (page size 50), quote statistics and timelines, one call at a time") { queries, warmUp, storage, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var bench = new QueryBenchmark(new StorageService.StorageServiceClient(channel), TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(warmUp), 0, 600)));
            var results = await bench.RunAsync(Math.Clamp(parse.GetValue(queries), 1, 10_000), cancellationToken);
            var rows = results.Select(r => new { query = r.Query, count = r.Latencies.Count, p50 = r.Latencies.Percentile(0.5), p95 = r.Latencies.Percentile(0.95), p99 = r.Latencies.Percentile(0.99) }).ToList();
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows));
            }
            else
            {
                await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,7} {2,9} {3,9} {4,9}", "query (page size 50)", "count", "p50 ms", "p95 ms", "p99 ms"));
                foreach (var row in rows)
                {
                    await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,7} {2,9:0.00} {3,9:0.00} {4,9:0.00}", row.query, row.count, row.p50, row.p95, row.p99));
                }
            }

            return ExitCodes.Success;
        });
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
