using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Npgsql;
using Platform.Hosting;
using Platform.V1;

namespace Platform.Storage;

/// <summary>The storage service's span names; its ActivitySource and Meter share <see cref="SourceName"/>.</summary>
internal static class StorageTelemetry
{
    public const string SourceName = "Platform.Storage";

    /// <summary>One article of an Ingest stream: validation and its transaction (the Npgsql command spans are its children).</summary>
    public const string IngestArticleSpan = "storage.ingest_article";

    /// <summary>A transaction storing several articles at once; linked to each article's span.</summary>
    public const string StoreBatchSpan = "storage.store_batch";

    public static readonly ActivitySource Source = new(SourceName);

    private sealed class RestoreCurrent(Activity? previous) : IDisposable
    {
        public void Dispose() => Activity.Current = previous;
    }

    /// <summary>
    /// Starts the span of one ingested article. Its parent is the sender's span named by the request's traceparent,
    /// because the Ingest stream's own span is shared by every article; the stream's span is kept as a link.
    /// Without a traceparent the article's span is a child of the stream's span.
    /// </summary>
    public static Activity? StartIngestArticle(IngestRequest request)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var parent = TraceParent.Parse(request.Traceparent);
        var stream = Activity.Current;
        ActivityLink[]? links = parent != default && stream is not null ? [new ActivityLink(stream.Context)] : null;
        var activity = Source.StartActivity(IngestArticleSpan, ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("platform.article.id", request.Article?.Id);
        activity?.SetTag("platform.ingest.sequence", (long)request.Sequence);
        return activity;
    }

    /// <summary>The spans of a batch's articles, each under its own sender's span; the current span is left as it was.</summary>
    public static IReadOnlyList<Activity?> StartIngestArticles(IReadOnlyList<IngestRequest> batch)
    {
        var current = Activity.Current;
        var spans = new List<Activity?>(batch.Count);
        foreach (var request in batch)
        {
            spans.Add(StartIngestArticle(request));
            Activity.Current = current;
        }

        return spans;
    }

    /// <summary>
    /// Makes the batch's SQL spans land in the right trace until disposed: for a batch of one article, under that
    /// article's span; for more, under a "storage.store_batch" span linked to every article's span.
    /// </summary>
    public static IDisposable? StartBatch(IReadOnlyList<Activity?> articleSpans)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        if (articleSpans.Count == 1 && articleSpans[0] is { } only)
        {
            Activity.Current = only;
            return new RestoreCurrent(previous);
        }

        var links = articleSpans.OfType<Activity>().Select(a => new ActivityLink(a.Context)).ToList();
        var batch = Source.StartActivity(StoreBatchSpan, ActivityKind.Internal, parentContext: default, links: links);
        batch?.SetTag("platform.batch.articles", articleSpans.Count);
        return batch;
    }

    /// <summary>
    /// SQL spans only for commands run on behalf of a traced operation (an RPC or an article): the health check's
    /// timer polls the database every few seconds and would otherwise start a trace each time. Spans are named
    /// "{operation} {table}" ("INSERT quotes") rather than Npgsql's default, the database name.
    /// </summary>
    public static void ConfigureSqlTracing(NpgsqlTracingOptionsBuilder tracing) => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null)
        .ConfigureCommandSpanNameProvider(command => SqlSpanName(command.CommandText));

    /// <summary>"INSERT quotes", "SELECT articles", "COPY mentions"; just the operation when no table follows it.</summary>
    public static string? SqlSpanName(string? sql)
    {
        var words = (sql ?? string.Empty).Split((char[]?)null, 32, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var operation = words[0].ToUpperInvariant();
        var tableAfter = operation switch
        {
            "INSERT" => "INTO",
            "SELECT" or "DELETE" => "FROM",
            "UPDATE" or "COPY" => operation,
            _ => null,
        };
        var at = tableAfter is null ? -1 : Array.FindIndex(words, w => w.Equals(tableAfter, StringComparison.OrdinalIgnoreCase));
        if (at < 0 || at + 1 >= words.Length)
        {
            return operation;
        }

        var table = words[at + 1].TrimEnd(';', ',');
        return table.Length > 0 && table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') ? $"{operation} {table}" : operation;
    }
}

/// <summary>
/// The storage service's metrics. Created through <see cref="IMeterFactory"/> so that each host (several share one
/// test process) has its own instruments.
/// </summary>
internal sealed class StorageMetrics
{
    private readonly Counter<long> _articles;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _ingestDuration;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StorageTelemetry.SourceName);
        _articles = meter.CreateCounter<long>("platform.storage.articles", "{article}",
            "Articles answered on Ingest streams, by status (stored, duplicate, replaced, rejected, failed)");
        _rejections = meter.CreateCounter<long>("platform.storage.rejections", "{article}",
            "Rejected articles, by reason: the offending field without indexes, or \"database\"");
        _ingestDuration = meter.CreateHistogram<double>("platform.storage.ingest.duration", "ms",
            "Time to validate and store one article, including database retries");
    }

    /// <summary>Records the outcome of one article and describes it on its span.</summary>
    public void Ingested(IngestResponse response, TimeSpan duration, Activity? activity)
    {
        var status = Telemetry.TagValue(response.Status);
        _articles.Add(1, new KeyValuePair<string, object?>("status", status));
        _ingestDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("status", status));
        if (response.Status == StoreStatus.Rejected)
        {
            _rejections.Add(1, new KeyValuePair<string, object?>("reason", ReasonCategory(response.Reason)));
        }

        activity?.SetTag("platform.store.status", status);
        if (response.Status is StoreStatus.Rejected or StoreStatus.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, response.Reason);
        }
    }

    /// <summary>
    /// A short, bounded category for a rejection reason: the field it names ("article.text",
    /// "analysis.quotes.speaker.mention"; list indexes dropped), or "database" when the database refused the article.
    /// The full reason varies with every article and belongs in logs, not in a metric tag.
    /// </summary>
    public static string ReasonCategory(string reason)
    {
        var separator = reason.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return "other";
        }

        var field = new StringBuilder(separator);
        var inIndex = false;
        foreach (var c in reason.AsSpan(0, separator))
        {
            if (c == '[')
            {
                inIndex = true;
            }
            else if (c == ']')
            {
                inIndex = false;
            }
            else if (!inIndex)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
                {
                    // Not a field path: the validator always names a field, only the database's refusal does not.
                    return "database";
                }

                field.Append(c);
            }
        }

        return field.ToString();
    }
}
