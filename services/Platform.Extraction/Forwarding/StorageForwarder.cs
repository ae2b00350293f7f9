using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Platform.Hosting;
using Platform.V1;

namespace Platform.Extraction.Forwarding;

/// <summary>
/// Keeps one long-lived Ingest stream open to the storage service and sends analysed articles through it.
/// Each article is held until storage acknowledges it (storage acknowledges only after its transaction commits);
/// when the stream breaks, the forwarder reconnects and re-sends every article sent but not acknowledged.
/// Storage is idempotent, so a re-sent article that was in fact committed comes back as DUPLICATE.
/// </summary>
internal sealed class StorageForwarder : BackgroundService
{
    private readonly StorageService.StorageServiceClient _client;
    private readonly StorageForwarderOptions _options;
    private readonly ILogger<StorageForwarder> _logger;
    private readonly ExtractionMetrics _metrics;
    private readonly Channel<PendingArticle> _outbox;
    // Articles taken from the outbox and written to a stream, by sequence, until acknowledged.
    private readonly ConcurrentDictionary<ulong, PendingArticle> _inFlight = new();
    private long _lastSequence;
    private long _acknowledged;

    public StorageForwarder(
        StorageService.StorageServiceClient client,
        IOptions<StorageForwarderOptions> options,
        ILogger<StorageForwarder> logger,
        ExtractionMetrics metrics)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
        _outbox = Channel.CreateBounded<PendingArticle>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        metrics.ObserveForwarder(() => _outbox.Reader.Count, () => _inFlight.Count);
    }

    /// <summary>
    /// Sends the article to storage and waits for its acknowledgement. Returns status FAILED (never throws) when
    /// storage does not acknowledge within the configured time.
    /// </summary>
    public async Task<IngestResponse> StoreAsync(Article article, ArticleAnalysis analysis, CancellationToken cancellationToken)
    {
        var sequence = (ulong)Interlocked.Increment(ref _lastSequence);
        // The Ingest stream is shared by all articles, so each carries its own trace context to storage.
        using var activity = ExtractionTelemetry.Source.StartActivity(ExtractionTelemetry.ForwardSpan);
        activity?.SetTag("platform.article.id", article.Id);
        var pending = new PendingArticle(new IngestRequest
        {
            Sequence = sequence,
            Article = article,
            Analysis = analysis,
            Traceparent = TraceParent.Of(Activity.Current),
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AckTimeout);
        try
        {
            await _outbox.Writer.WriteAsync(pending, timeout.Token);
            var acknowledgement = await pending.Acknowledgement.Task.WaitAsync(timeout.Token);
            activity?.SetTag("platform.store.status", Telemetry.TagValue(acknowledgement.Status));
            return acknowledgement;
        }
        catch (OperationCanceledException)
        {
            // Give up on it: the writer skips it if it is still queued, and a late acknowledgement is ignored.
            var failed = new IngestResponse
            {
                Sequence = sequence,
                ArticleId = article.Id,
                Status = StoreStatus.Failed,
                Reason = cancellationToken.IsCancellationRequested
                    ? "cancelled before storage acknowledged the article"
                    : $"storage at {_options.Address} did not acknowledge the article within {_options.AckTimeout.TotalSeconds:0.#} s",
            };
            pending.Acknowledgement.TrySetResult(failed);
            activity?.SetStatus(ActivityStatusCode.Error, failed.Reason);
            _inFlight.TryRemove(sequence, out _);
            return await pending.Acknowledgement.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var acknowledgedBefore = Interlocked.Read(ref _acknowledged);
                await RunStreamAsync(stoppingToken);
                if (Interlocked.Read(ref _acknowledged) > acknowledgedBefore)
                {
                    delay = TimeSpan.FromMilliseconds(100); // the stream worked for a while: retry soon
                }
            }
            catch (Exception e) when (e is RpcException or IOException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning("Ingest stream to storage at {Address} broke: {Message}; {Count} articles to re-send",
                    _options.Address, e.Message, _inFlight.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private async Task RunStreamAsync(CancellationToken stoppingToken)
    {
        // The call outlives the stopping token so that, on shutdown, acknowledgements still owed can arrive.
        using var callCancellation = new CancellationTokenSource();
        var headers = _options.Token.Length > 0 ? new Metadata { { "authorization", "Bearer " + _options.Token } } : null;
        using var call = _client.Ingest(headers, cancellationToken: callCancellation.Token);
        using var writeCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var readAcknowledgements = ReadAcknowledgementsAsync(call.ResponseStream, writeCancellation);
        try
        {
            // Everything sent on a broken stream and not acknowledged goes first, oldest first.
            foreach (var pending in _inFlight.Values.OrderBy(p => p.Request.Sequence))
            {
                await call.RequestStream.WriteAsync(pending.Request, writeCancellation.Token);
            }

            while (await _outbox.Reader.WaitToReadAsync(writeCancellation.Token))
            {
                while (_outbox.Reader.TryRead(out var pending))
                {
                    if (pending.Acknowledgement.Task.IsCompleted)
                    {
                        continue; // its caller gave up while it was queued
                    }

                    _inFlight[pending.Request.Sequence] = pending;
                    pending.SentAt = Stopwatch.GetTimestamp(); // a re-send keeps it: latency is what the caller waits
                    await call.RequestStream.WriteAsync(pending.Request, writeCancellation.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The acknowledgement reader ended (storage closed or broke the stream): reconnect.
        }
        catch (OperationCanceledException)
        {
            // Shutting down: close our side and collect the acknowledgements still owed, briefly.
            try
            {
                await call.RequestStream.CompleteAsync();
                await readAcknowledgements.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (Exception e) when (e is RpcException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning("{Count} articles were not acknowledged before shutdown", _inFlight.Count);
            }

            throw;
        }
        finally
        {
            await callCancellation.CancelAsync();
            await readAcknowledgements;
        }
    }

    private async Task ReadAcknowledgementsAsync(IAsyncStreamReader<IngestResponse> responses, CancellationTokenSource writeCancellation)
    {
        try
        {
            await foreach (var ack in responses.ReadAllAsync(CancellationToken.None))
            {
                Interlocked.Increment(ref _acknowledged);
                if (_inFlight.TryRemove(ack.Sequence, out var pending))
                {
                    _metrics.Acknowledged(Stopwatch.GetElapsedTime(pending.SentAt), ack.Status);
                    pending.Acknowledgement.TrySetResult(ack);
                }
            }
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or IOException)
        {
            _logger.LogDebug("Ingest stream to storage at {Address} ended: {Message}", _options.Address, e.Message);
        }
        finally
        {
            // Wake the writer so that the stream is re-established.
            await writeCancellation.CancelAsync();
        }
    }

    private sealed class PendingArticle(IngestRequest request)
    {
        public IngestRequest Request { get; } = request;

        /// <summary>When it was first written to a stream (Stopwatch timestamp), for the acknowledgement latency.</summary>
        public long SentAt { get; set; }

        public TaskCompletionSource<IngestResponse> Acknowledgement { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
