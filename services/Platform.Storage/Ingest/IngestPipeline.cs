using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Platform.V1;

namespace Platform.Storage.Ingest;

/// <summary>
/// One Ingest stream from request to acknowledgement. Invalid articles are answered at once; valid ones wait in a
/// bounded queue from which several workers take batches, each stored in one transaction, and acknowledgements go out
/// as each batch commits, carrying the requests' sequence numbers. A full queue stops the reading of the stream, so a
/// slow database slows the sender (HTTP/2 flow control) and memory stays bounded whatever the stream's length.
/// </summary>
internal sealed class IngestPipeline(ArticleIngestor ingestor, StorageLimits limits, StorageMetrics metrics, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// Runs one stream until the caller completes it, the call is cancelled or the service stops; on a stop, the
    /// articles already read are stored and acknowledged before this returns.
    /// </summary>
    public async Task RunAsync(IAsyncStreamReader<IngestRequest> requests, IServerStreamWriter<IngestResponse> responses, CancellationToken cancellationToken)
    {
        using var call = new Call(ingestor, limits, metrics, lifetime, requests, responses, cancellationToken);
        await call.RunAsync();
    }

    /// <summary>The queue, workers and response writer of one call.</summary>
    private sealed class Call(
        ArticleIngestor ingestor,
        StorageLimits limits,
        StorageMetrics metrics,
        IHostApplicationLifetime lifetime,
        IAsyncStreamReader<IngestRequest> requests,
        IServerStreamWriter<IngestResponse> responses,
        CancellationToken cancellationToken) : IDisposable
    {
        private readonly Channel<IngestRequest> _queue = Channel.CreateBounded<IngestRequest>(
            new BoundedChannelOptions(limits.IngestParallelism * limits.MaxBatchArticles) { SingleWriter = true });

        private readonly Lock _takeLock = new();
        private readonly SemaphoreSlim _writeLock = new(1);

        public async Task RunAsync()
        {
            var workers = Enumerable.Range(0, limits.IngestParallelism).Select(_ => Task.Run(StoreBatchesAsync)).ToList();

            // Shutdown stops the reading of new articles; articles already read are stored and acknowledged.
            using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            try
            {
                while (await MoveNextOrStopAsync(readCancellation.Token))
                {
                    var request = requests.Current;
                    if (ingestor.Reject(request) is { } rejection)
                    {
                        using var span = StorageTelemetry.StartIngestArticle(request);
                        metrics.Ingested(rejection, TimeSpan.Zero, span);
                        await WriteAsync([rejection]);
                    }
                    else
                    {
                        await _queue.Writer.WriteAsync(request, cancellationToken);
                    }
                }
            }
            finally
            {
                _queue.Writer.TryComplete();
            }

            await Task.WhenAll(workers);
        }

        public void Dispose() => _writeLock.Dispose();

        private async Task StoreBatchesAsync()
        {
            try
            {
                while (await _queue.Reader.WaitToReadAsync(cancellationToken))
                {
                    var batch = TakeBatch();
                    if (batch.Count > 0)
                    {
                        await WriteAsync(await StoreBatchAsync(batch));
                    }
                }
            }
            catch (Exception e)
            {
                // The reader must not wait forever for room in a queue nobody empties.
                _queue.Writer.TryComplete(e);
                throw;
            }
        }

        // Each article keeps its own span (in its sender's trace); the batch's SQL runs under the article's span when
        // the batch is that one article, else under a batch span linked to every article.
        private async Task<IReadOnlyList<IngestResponse>> StoreBatchAsync(List<IngestRequest> batch)
        {
            var spans = StorageTelemetry.StartIngestArticles(batch);
            try
            {
                var started = Stopwatch.GetTimestamp();
                IReadOnlyList<IngestResponse> stored;
                using (StorageTelemetry.StartBatch(spans))
                {
                    stored = await ingestor.StoreAsync(batch, cancellationToken);
                }

                var duration = Stopwatch.GetElapsedTime(started);
                for (var i = 0; i < stored.Count; i++)
                {
                    metrics.Ingested(stored[i], duration, spans[i]);
                }

                return stored;
            }
            finally
            {
                foreach (var span in spans)
                {
                    span?.Dispose();
                }
            }
        }

        // Whatever is queued, up to the batch size; an id already in the batch ends it (one transaction cannot both
        // store and re-store an article).
        private List<IngestRequest> TakeBatch()
        {
            var batch = new List<IngestRequest>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            lock (_takeLock)
            {
                while (batch.Count < limits.MaxBatchArticles && _queue.Reader.TryPeek(out var next) && ids.Add(next.Article.Id))
                {
                    _queue.Reader.TryRead(out _);
                    batch.Add(next);
                }
            }

            return batch;
        }

        // Workers finish batches in any order; one writer at a time keeps the response stream whole.
        private async Task WriteAsync(IEnumerable<IngestResponse> answers)
        {
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                foreach (var answer in answers)
                {
                    await responses.WriteAsync(answer, cancellationToken);
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private async Task<bool> MoveNextOrStopAsync(CancellationToken stop)
        {
            try
            {
                return await requests.MoveNext(stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                return false;
            }
        }
    }
}
