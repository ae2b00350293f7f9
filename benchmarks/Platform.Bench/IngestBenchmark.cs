using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Platform.Nlp;
using Platform.V1;

namespace Platform.Bench;

/// <summary>
/// <c>platform bench ingest</c>: two measurements, each paired in the same run with its own ceiling.
/// Storage: ready-made analyses streamed into the storage service vs. a raw binary COPY of the same rows.
/// Pipeline: article texts through the extraction service into storage vs. the engine alone in this process.
/// </summary>
internal sealed class IngestBenchmark(StorageService.StorageServiceClient storage, ExtractionService.ExtractionServiceClient? extraction)
{
    /// <summary>Articles sent before each measurement and not counted.</summary>
    private const int WarmupArticles = 500;

    public sealed record StorageResult(
        int Articles, long Quotes, long Rows, double Seconds, double CeilingSeconds, long CeilingRows, double AckP50, double AckP99, NotStoredArticles NotStored)
    {
        public double ArticlesPerSecond => Articles / Seconds;

        public double QuotesPerSecond => Quotes / Seconds;

        public double RowsPerSecond => Rows / Seconds;

        public double CeilingRowsPerSecond => CeilingRows / CeilingSeconds;

        public double Ratio => RowsPerSecond / CeilingRowsPerSecond;
    }

    public sealed record PipelineResult(int Articles, long Bytes, double Seconds, double EngineSeconds, NotStoredArticles NotStored)
    {
        public double ArticlesPerSecond => Articles / Seconds;

        public double MegabytesPerSecond => Bytes / Seconds / 1e6;

        public double EngineArticlesPerSecond => Articles / EngineSeconds;

        public double EngineMegabytesPerSecond => Bytes / EngineSeconds / 1e6;

        public double Ratio => EngineSeconds / Seconds;
    }

    /// <summary>Streams <paramref name="count"/> synthetic analyses over <paramref name="streams"/> Ingest calls.</summary>
    public async Task<StorageResult> MeasureStorageAsync(int count, int streams, string databaseConnection, CancellationToken cancellationToken)
    {
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var articles = Enumerable.Range(0, count).Select(n => SyntheticNews.Create($"bench-{runId}-", n)).ToList();
        var rows = articles.Sum(a => (long)SyntheticNews.RowCount(a.Analysis));
        var quotes = articles.Sum(a => (long)a.Analysis.Quotes.Count);

        // Warm up connections and the service's code paths (the JIT's optimized tier comes after a few thousand
        // calls) on articles that are not measured, sent as the measured ones are.
        var warmup = Enumerable.Range(0, WarmupArticles).Select(n => SyntheticNews.Create($"bench-{runId}-warmup-", n)).ToList();
        await IngestAsync(warmup, streams, new Latencies(), cancellationToken);

        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        var notStored = await IngestAsync(articles, streams, latencies, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;

        var (ceilingRows, ceilingSeconds) = await RawCopyCeiling.MeasureAsync(databaseConnection, articles, cancellationToken);
        return new StorageResult(count, quotes, rows, seconds, ceilingSeconds, ceilingRows, latencies.Percentile(0.5), latencies.Percentile(0.99), notStored);
    }

    /// <summary>The same article texts analysed by the engine in this process (all cores) and sent through the service.</summary>
    public async Task<PipelineResult> MeasurePipelineAsync(int count, int streams, CancellationToken cancellationToken)
    {
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var texts = Enumerable.Range(0, count).Select(n => SyntheticNews.Create($"pipe-{runId}-", n).Article).ToList();
        var bytes = texts.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));

        // Both sides are warmed up on the same unmeasured articles.
        var warmup = Enumerable.Range(0, WarmupArticles).Select(n => SyntheticNews.Create($"pipe-{runId}-warmup-", n).Article).ToList();
        var engine = NewsAnalyzer.CreateDefault();
        var allCores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(warmup, allCores, article => engine.Analyze(article.Text));
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(texts, allCores, article => engine.Analyze(article.Text));
        var engineSeconds = clock.Elapsed.TotalSeconds;

        var client = extraction ?? throw new InvalidOperationException("the extraction service address is needed for the pipeline measurement");
        await ExtractAsync(client, warmup, streams, cancellationToken);
        clock.Restart();
        var notStored = await ExtractAsync(client, texts, streams, cancellationToken);
        return new PipelineResult(count, bytes, clock.Elapsed.TotalSeconds, engineSeconds, notStored);
    }

    private Task<NotStoredArticles> IngestAsync(
        IReadOnlyList<(Article Article, ArticleAnalysis Analysis)> articles, int streams, Latencies latencies, CancellationToken cancellationToken)
        => IngestStreamsAsync(storage, streams, s => articles.Where((_, i) => i % streams == s), latencies, cancellationToken);

    /// <summary>
    /// Sends articles over <paramref name="streams"/> concurrent Ingest calls (stream s sends <paramref name="share"/>(s),
    /// produced as it goes) and returns the articles that were not stored; each acknowledgement's latency goes to
    /// <paramref name="latencies"/>, timed from before the write (waiting for the service to take it counts).
    /// </summary>
    public static async Task<NotStoredArticles> IngestStreamsAsync(
        StorageService.StorageServiceClient storage,
        int streams,
        Func<int, IEnumerable<(Article Article, ArticleAnalysis Analysis)>> share,
        Latencies latencies,
        CancellationToken cancellationToken)
    {
        var notStored = new NotStoredArticles();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            using var call = storage.Ingest(cancellationToken: cancellationToken);
            var sentAt = new Dictionary<ulong, long>();
            var reader = Task.Run(async () =>
            {
                await foreach (var ack in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    long sent;
                    lock (sentAt)
                    {
                        sent = sentAt[ack.Sequence];
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (ack.Status is not (StoreStatus.Stored or StoreStatus.Duplicate or StoreStatus.Replaced))
                    {
                        notStored.Add(ack.ArticleId, ack.Status, ack.Reason);
                    }
                }
            }, cancellationToken);
            ulong sequence = 0;
            foreach (var (article, analysis) in share(s))
            {
                lock (sentAt)
                {
                    sentAt[sequence] = Stopwatch.GetTimestamp();
                }

                await call.RequestStream.WriteAsync(new IngestRequest { Sequence = sequence++, Article = article, Analysis = analysis }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            await reader;
        }));
        return notStored;
    }

    private static async Task<NotStoredArticles> ExtractAsync(
        ExtractionService.ExtractionServiceClient client, IReadOnlyList<Article> articles, int streams, CancellationToken cancellationToken)
    {
        var notStored = new NotStoredArticles();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            using var call = client.ExtractStream(cancellationToken: cancellationToken);
            var reader = Task.Run(async () =>
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (response.Storage?.Status is not (StoreStatus.Stored or StoreStatus.Duplicate or StoreStatus.Replaced))
                    {
                        notStored.Add(response.ArticleId, response.Storage?.Status, response.Storage?.Reason is { Length: > 0 } reason ? reason : response.Error);
                    }
                }
            }, cancellationToken);
            foreach (var article in articles.Where((_, i) => i % streams == s))
            {
                await call.RequestStream.WriteAsync(new ExtractStreamRequest { Article = article, Store = true }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            await reader;
        }));
        return notStored;
    }
}
