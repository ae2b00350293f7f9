using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.Cli;
using Platform.Client;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryFixture stack) : IClassFixture<TelemetryFixture>
{
    private static readonly ActivitySource Caller = new("Platform.EndToEnd.Tests.Caller");

    [Fact]
    public async Task One_stored_article_is_one_trace_from_the_caller_through_both_services_to_its_sql()
    {
        using var callerTracing = Sdk.CreateTracerProviderBuilder().AddSource(Caller.Name).Build();
        await using var services = new ServiceCollection()
            .AddPlatformClients(o => o.ExtractionAddress = stack.Extraction.Address)
            .BuildServiceProvider();
        var extraction = services.GetRequiredService<ExtractionService.ExtractionServiceClient>();

        ActivityTraceId traceId;
        using (var root = Caller.StartActivity("caller.ingest"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            var response = await extraction.ExtractAsync(new ExtractRequest
            {
                Article = new Article { Id = "otel-unary", Text = "Port news.\n\n“The cranes are working again,” said port director Elena Marsh." },
                Store = true,
            });
            Assert.Equal(StoreStatus.Stored, response.Storage.Status);
        }

        var extracted = await stack.ExtractionSpans.WaitForTraceAsync(traceId, spans => spans.Any(s => s.OperationName == "extraction.analyze"));
        var stored = await stack.StorageSpans.WaitForTraceAsync(traceId,
            spans => spans.Any(s => s.OperationName == "storage.ingest_article") && spans.Any(s => s.Source.Name == "Npgsql"));

        // Extraction: the server span of the call, the article's span under it, and the forwarding under that.
        var analyze = Assert.Single(extracted, s => s.Source.Name == "Platform.Extraction" && s.OperationName == "extraction.analyze");
        var server = Assert.Single(extracted, s => s.SpanId == analyze.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal("otel-unary", analyze.GetTagItem("platform.article.id"));
        Assert.Equal(1, analyze.GetTagItem("platform.quotes"));
        var forward = Assert.Single(extracted, s => s.OperationName == "extraction.forward");
        Assert.Equal(analyze.SpanId, forward.ParentSpanId);
        Assert.Equal("stored", forward.GetTagItem("platform.store.status"));

        // Storage: the article's span continues the forwarding span although the Ingest stream is shared, and
        // links to the stream's own span; the SQL commands of its transaction are its children.
        var ingest = Assert.Single(stored, s => s.Source.Name == "Platform.Storage" && s.OperationName == "storage.ingest_article");
        Assert.Equal(forward.SpanId, ingest.ParentSpanId);
        Assert.Equal("stored", ingest.GetTagItem("platform.store.status"));
        Assert.NotEmpty(ingest.Links);
        var sql = stored.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, s => Assert.Equal(ingest.SpanId, s.ParentSpanId));
        Assert.Contains(sql, s => s.DisplayName == "SELECT articles");
        Assert.True(sql.Any(s => s.DisplayName == "INSERT articles"), string.Join(", ", sql.Select(s => s.DisplayName)));
    }

    [Fact]
    public async Task Platform_ingest_is_the_root_of_each_article_trace_through_both_services()
    {
        var cliSpans = new SpanCollection();
        using var cliTracing = Sdk.CreateTracerProviderBuilder().AddSource(CliTelemetry.SourceName).AddInMemoryExporter(cliSpans).Build();
        var folder = Directory.CreateTempSubdirectory("platform-otel-").FullName;
        try
        {
            var id = "otel-cli-" + Guid.NewGuid().ToString("N")[..8];
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".txt"), "Ferry news\n\n\"The ferry sails twice a day,\" said Amira Haddad.");
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["ingest", folder, "--extraction", stack.Extraction.Address.ToString()],
                new CliContext(output, error, new StringReader(string.Empty), interactive: false));
            Assert.True(exit == ExitCodes.Success, error.ToString());

            // Other tests may run `platform ingest` at the same time: find this run's trace through the article.
            var article = Assert.Single(
                await WaitForSpanAsync(stack.StorageSpans, s => s.OperationName == "storage.ingest_article" && Equals(s.GetTagItem("platform.article.id"), id)));
            var root = Assert.Single(cliSpans.InTrace(article.TraceId));
            Assert.Equal("platform.ingest", root.OperationName);
            Assert.Equal(default, root.ParentSpanId);
            Assert.Equal(1, root.GetTagItem("platform.stored"));
            var analyze = Assert.Single(stack.ExtractionSpans.InTrace(article.TraceId), s => s.OperationName == "extraction.analyze");
            Assert.Equal(id, analyze.GetTagItem("platform.article.id"));
            Assert.Contains(await stack.StorageSpans.WaitForTraceAsync(article.TraceId, spans => spans.Any(s => s.Source.Name == "Npgsql")),
                s => s.Source.Name == "Npgsql");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Articles_of_one_stream_with_their_own_traceparent_get_their_own_traces()
    {
        using var callerTracing = Sdk.CreateTracerProviderBuilder().AddSource(Caller.Name).Build();
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        var traces = new List<ActivityTraceId>();
        using (var call = extraction.ExtractStream())
        {
            for (var i = 0; i < 2; i++)
            {
                // A new root per article: no parent, whatever is current.
                using var article = Caller.StartActivity("caller.article", ActivityKind.Producer, default(ActivityContext));
                Assert.NotNull(article);
                traces.Add(article.TraceId);
                await call.RequestStream.WriteAsync(new ExtractStreamRequest
                {
                    Article = new Article { Id = $"otel-own-trace-{i}", Text = $"Item {i}. “The bridge opens in May,” said Paul Novak." },
                    Store = true,
                    Traceparent = article.Id,
                });
            }

            await call.RequestStream.CompleteAsync();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(StoreStatus.Stored, response.Storage.Status);
            }
        }

        Assert.NotEqual(traces[0], traces[1]);
        for (var i = 0; i < 2; i++)
        {
            var stored = await stack.StorageSpans.WaitForTraceAsync(traces[i], spans => spans.Any(s => s.OperationName == "storage.ingest_article"));
            var ingest = Assert.Single(stored, s => s.OperationName == "storage.ingest_article");
            Assert.Equal($"otel-own-trace-{i}", ingest.GetTagItem("platform.article.id"));
            var analyze = Assert.Single(stack.ExtractionSpans.InTrace(traces[i]), s => s.OperationName == "extraction.analyze");
            Assert.Equal($"otel-own-trace-{i}", analyze.GetTagItem("platform.article.id"));
        }
    }

    [Fact]
    public async Task Meters_count_stored_and_rejected_articles_and_time_the_acknowledgements()
    {
        var storageMeters = stack.Storage.Services.GetRequiredService<IMeterFactory>();
        var extractionMeters = stack.Extraction.Services.GetRequiredService<IMeterFactory>();
        using var articles = new MetricCollector<long>(storageMeters, "Platform.Storage", "platform.storage.articles");
        using var rejections = new MetricCollector<long>(storageMeters, "Platform.Storage", "platform.storage.rejections");
        using var ingestDuration = new MetricCollector<double>(storageMeters, "Platform.Storage", "platform.storage.ingest.duration");
        using var analysed = new MetricCollector<long>(extractionMeters, "Platform.Extraction", "platform.extraction.articles");
        using var quotes = new MetricCollector<int>(extractionMeters, "Platform.Extraction", "platform.extraction.quotes_per_article");
        using var ackLatency = new MetricCollector<double>(extractionMeters, "Platform.Extraction", "platform.extraction.forward.ack_latency");
        using var queueDepth = new MetricCollector<int>(extractionMeters, "Platform.Extraction", "platform.extraction.forward.queue_depth");

        const int count = 7;
        var extraction = new ExtractionService.ExtractionServiceClient(stack.Extraction.Channel);
        using (var call = extraction.ExtractStream())
        {
            for (var i = 0; i < count; i++)
            {
                await call.RequestStream.WriteAsync(new ExtractStreamRequest
                {
                    Article = new Article { Id = $"otel-metrics-{i}", Text = $"Day {i}. “Pier {i} is rebuilt,” said Tomas Okafor." },
                    Store = true,
                });
            }

            await call.RequestStream.CompleteAsync();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(StoreStatus.Stored, response.Storage.Status);
            }
        }

        // Two articles that only a direct storage client can send: storage's own validation rejects them.
        var storage = new StorageService.StorageServiceClient(stack.Storage.Channel);
        using (var ingest = storage.Ingest())
        {
            const string text = "Some text.";
            await ingest.RequestStream.WriteAsync(new IngestRequest
            {
                Sequence = 1,
                Article = new Article { Id = "otel-bad-1", Text = text },
                Analysis = new ArticleAnalysis { ArticleId = "another-id" },
            });
            await ingest.RequestStream.WriteAsync(new IngestRequest
            {
                Sequence = 2,
                Article = new Article { Id = "otel-bad-2", Text = text },
                Analysis = new ArticleAnalysis { ArticleId = "otel-bad-2", Quotes = { new Quote { Start = 0, End = 4, Text = "Some" } } },
            });
            await ingest.RequestStream.CompleteAsync();
            await foreach (var response in ingest.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(StoreStatus.Rejected, response.Status);
            }
        }

        Assert.Equal(count, Sum(articles, "status", "stored"));
        Assert.Equal(2, Sum(articles, "status", "rejected"));
        Assert.Equal(count + 2, ingestDuration.GetMeasurementSnapshot().Count);
        // The tag is the field without list indexes, so its values stay few whatever the articles hold.
        Assert.Equal(1, Sum(rejections, "reason", "analysis.article_id"));
        Assert.Equal(1, Sum(rejections, "reason", "analysis.quotes.kind"));

        Assert.Equal(count, analysed.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(quotes.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        var latencies = ackLatency.GetMeasurementSnapshot();
        Assert.Equal(count, latencies.Count);
        Assert.All(latencies, m => Assert.True(m.Value >= 0 && m.Tags["status"] is "stored", $"{m.Value} ms {m.Tags["status"]}"));
        queueDepth.RecordObservableInstruments();
        Assert.Equal(0, queueDepth.LastMeasurement?.Value);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:4317", null, true)]
    [InlineData(null, "true", true)]
    public async Task Telemetry_is_registered_only_when_an_endpoint_or_the_switch_is_configured(string? endpoint, string? enabled, bool expected)
    {
        // Later configuration sources win, so these also hide any OTEL_EXPORTER_OTLP_ENDPOINT of the test environment.
        var settings = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint ?? string.Empty,
            ["Telemetry:Enabled"] = enabled ?? "false",
            ["Storage:Address"] = "http://127.0.0.1:1",
            ["ConnectionStrings:Platform"] = "Host=127.0.0.1;Port=1;Username=nobody",
        };
        await using var extraction = Platform.Extraction.ExtractionApp.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        await using var storage = Platform.Storage.StorageApp.Build([], b => b.Configuration.AddInMemoryCollection(settings));

        foreach (var services in new[] { extraction.Services, storage.Services })
        {
            Assert.Equal(expected, services.GetService<TracerProvider>() is not null);
            Assert.Equal(expected, services.GetService<OpenTelemetry.Metrics.MeterProvider>() is not null);
        }
    }

    private static long Sum(MetricCollector<long> collector, string tag, string value)
        => collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags[tag], value)).Sum(m => m.Value);

    private static async Task<List<Activity>> WaitForSpanAsync(SpanCollection spans, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var found = spans.Where(match).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(20);
        }
    }
}
