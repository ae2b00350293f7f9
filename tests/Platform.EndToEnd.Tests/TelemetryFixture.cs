using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// PostgreSQL and both services with telemetry switched on, each exporting its spans to its own in-memory list.
/// Both hosts share this process, so each list also holds spans of libraries that any host in it produces
/// (ASP.NET Core, Npgsql); tests pick their spans by trace id and tell the services apart by ActivitySource.
/// </summary>
public sealed class TelemetryFixture : StackFixture
{
    private static readonly Dictionary<string, string?> TelemetryOn = new() { ["Telemetry:Enabled"] = "true" };

    public SpanCollection StorageSpans { get; } = new();

    public SpanCollection ExtractionSpans { get; } = new();

    protected override Task<RunningService> StartStorageAsync(string connectionString)
        => RunningService.StartStorageAsync(connectionString, settings: TelemetryOn,
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(StorageSpans)));

    protected override Task<RunningService> StartExtractionAsync(Uri storageAddress)
        => RunningService.StartExtractionAsync(storageAddress, TelemetryOn,
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(ExtractionSpans)));
}

/// <summary>
/// Telemetry tests run alone: their listeners are process-wide, so while they run every host in the process is
/// traced, which would slow timing-sensitive tests running beside them and fill the span lists with their spans.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>
/// Finished spans, added by an exporter on the thread that ended them and read by the test: every access locks.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The spans of one trace finished so far.</summary>
    public List<Activity> InTrace(ActivityTraceId traceId)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == traceId).ToList();
        }
    }

    /// <summary>
    /// Waits until the spans of a trace satisfy <paramref name="complete"/>: a span ends after the response that
    /// the test waited for has been sent (the acknowledgement is written inside storage's article span).
    /// </summary>
    public async Task<List<Activity>> WaitForTraceAsync(ActivityTraceId traceId, Func<List<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var spans = InTrace(traceId);
            if (complete(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }

            await Task.Delay(20);
        }
    }

    private List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }
}
