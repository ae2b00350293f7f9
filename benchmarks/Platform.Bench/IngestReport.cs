using System.Globalization;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>The result of <c>platform bench ingest</c> as a table for people and as JSON for scripts.</summary>
internal static class IngestReport
{
    public static string Table(IngestBenchmark.StorageResult storage, IngestBenchmark.PipelineResult? pipeline)
    {
        var lines = new List<string>
        {
            Line($"storage ingest: {storage.Articles} articles, {storage.Quotes} quotes, {storage.Rows} rows ({storage.NotStored.Count} not stored)"),
            Line($"  over gRPC into the storage service   {storage.ArticlesPerSecond,9:0.0} articles/s {storage.RowsPerSecond,10:0} rows/s   ack p50 {storage.AckP50:0.0} ms, p99 {storage.AckP99:0.0} ms"),
            Line($"  raw binary COPY of the same rows     {storage.CeilingRows / storage.CeilingSeconds / (storage.Rows / (double)storage.Articles),9:0.0} articles/s {storage.CeilingRowsPerSecond,10:0} rows/s"),
            Line($"  ratio                                {storage.Ratio,9:P0}"),
        };
        if (pipeline is not null)
        {
            lines.Add(Line($"full pipeline: {pipeline.Articles} articles, {pipeline.Bytes / 1e6:0.00} MB ({pipeline.NotStored.Count} not stored)"));
            lines.Add(Line($"  extraction service → storage         {pipeline.ArticlesPerSecond,9:0.0} articles/s {pipeline.MegabytesPerSecond,8:0.00} MB/s"));
            lines.Add(Line($"  engine alone, in-process, all cores  {pipeline.EngineArticlesPerSecond,9:0.0} articles/s {pipeline.EngineMegabytesPerSecond,8:0.00} MB/s"));
            lines.Add(Line($"  ratio                                {pipeline.Ratio,9:P0}"));
        }

        return string.Join('\n', lines);
    }

    public static string Json(IngestBenchmark.StorageResult storage, IngestBenchmark.PipelineResult? pipeline) => JsonSerializer.Serialize(new
    {
        storage = new
        {
            articles = storage.Articles,
            rows = storage.Rows,
            notStored = storage.NotStored.Count,
            articlesPerSecond = storage.ArticlesPerSecond,
            quotes = storage.Quotes,
            quotesPerSecond = storage.QuotesPerSecond,
            rowsPerSecond = storage.RowsPerSecond,
            rawCopyRowsPerSecond = storage.CeilingRowsPerSecond,
            ratio = storage.Ratio,
            ackP50Ms = storage.AckP50,
            ackP99Ms = storage.AckP99,
        },
        pipeline = pipeline is null ? null : new
        {
            articles = pipeline.Articles,
            bytes = pipeline.Bytes,
            notStored = pipeline.NotStored.Count,
            articlesPerSecond = pipeline.ArticlesPerSecond,
            megabytesPerSecond = pipeline.MegabytesPerSecond,
            engineArticlesPerSecond = pipeline.EngineArticlesPerSecond,
            engineMegabytesPerSecond = pipeline.EngineMegabytesPerSecond,
            ratio = pipeline.Ratio,
        },
    });

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
