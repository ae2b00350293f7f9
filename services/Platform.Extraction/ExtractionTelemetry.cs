using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Hosting;
using Platform.V1;

namespace Platform.Extraction;

/// <summary>The extraction service's span names; its ActivitySource and Meter share <see cref="SourceName"/>.</summary>
internal static class ExtractionTelemetry
{
    public const string SourceName = "Platform.Extraction";

    /// <summary>One article: validation, the engine and, with store, the wait for storage's acknowledgement.</summary>
    public const string AnalyzeSpan = "extraction.analyze";

    /// <summary>One article on its way to storage: from queueing on the Ingest stream to the acknowledgement.</summary>
    public const string ForwardSpan = "extraction.forward";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the span of one article: a child of <paramref name="traceparent"/> when the caller sent one, else of the
    /// current (call) span. Null when nobody listens.
    /// </summary>
    public static Activity? StartAnalyze(Article? article, string? traceparent = null)
    {
        var activity = Source.StartActivity(AnalyzeSpan, ActivityKind.Internal, TraceParent.Parse(traceparent));
        activity?.SetTag("platform.article.id", article?.Id);
        return activity;
    }
}

/// <summary>
/// The extraction service's metrics. Created through <see cref="IMeterFactory"/> so that each host (several share one
/// test process) has its own instruments.
/// </summary>
internal sealed class ExtractionMetrics
{
    private readonly Counter<long> _articles;
    private readonly Histogram<int> _quotesPerArticle;
    private readonly Histogram<double> _ackLatency;
    private readonly Counter<long> _engineFailures;

    public ExtractionMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(ExtractionTelemetry.SourceName);
        _articles = Meter.CreateCounter<long>("platform.extraction.articles", "{article}", "Articles analysed by the engine");
        _quotesPerArticle = Meter.CreateHistogram<int>("platform.extraction.quotes_per_article", "{quote}", "Quotes found in one article");
        _ackLatency = Meter.CreateHistogram<double>("platform.extraction.forward.ack_latency", "ms",
            "From sending an article to storage to its acknowledgement (or giving up on it)");
        _engineFailures = Meter.CreateCounter<long>("platform.extraction.engine_failures", "{article}",
            "Articles on which a stage of the engine failed and gave no output");
    }

    public Meter Meter { get; }

    /// <summary>Counts an analysed article and describes it on its span.</summary>
    public void Analyzed(ArticleAnalysis analysis, Activity? activity)
    {
        _articles.Add(1);
        _quotesPerArticle.Record(analysis.Quotes.Count);
        activity?.SetTag("platform.article.id", analysis.ArticleId);
        activity?.SetTag("platform.quotes", analysis.Quotes.Count);
        activity?.SetTag("platform.entities", analysis.Entities.Count);
    }

    /// <summary>Counts an article on which an engine stage failed, tagged with the stage.</summary>
    public void EngineFailed(string stage) => _engineFailures.Add(1, new KeyValuePair<string, object?>("stage", stage));

    public void Acknowledged(TimeSpan latency, StoreStatus status)
        => _ackLatency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("status", Telemetry.TagValue(status)));

    /// <summary>Reports the forwarder's queue and in-flight counts whenever metrics are collected.</summary>
    public void ObserveForwarder(Func<int> queued, Func<int> inFlight)
    {
        Meter.CreateObservableGauge("platform.extraction.forward.queue_depth", queued, "{article}",
            "Articles waiting to be sent to storage");
        Meter.CreateObservableGauge("platform.extraction.forward.in_flight", inFlight, "{article}",
            "Articles sent to storage and not yet acknowledged");
    }
}
