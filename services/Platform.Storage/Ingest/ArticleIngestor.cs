using Npgsql;
using Platform.Storage.Data;
using Platform.Storage.Store;
using Platform.V1;

namespace Platform.Storage.Ingest;

/// <summary>
/// Stores ingest requests and says what happened to each. Never throws for a bad or unlucky article: invalid input
/// is REJECTED with its reason and database trouble is FAILED, so that one article cannot break a whole stream.
/// </summary>
internal sealed class ArticleIngestor(ArticleStore store, IngestValidator validator, StorageLimits limits, ILogger<ArticleIngestor> logger)
{
    /// <summary>The REJECTED acknowledgement of an invalid request, or null when the request may be stored.</summary>
    public IngestResponse? Reject(IngestRequest request)
    {
        var error = validator.Validate(request);
        if (error is null)
        {
            return null;
        }

        logger.LogWarning("Rejected article {ArticleId}: {Reason}", request.Article?.Id, error);
        return Response(request, StoreStatus.Rejected, error);
    }

    /// <summary>
    /// Stores valid requests with distinct article ids in one transaction and acknowledges each. When the database
    /// refuses the batch because of one article, each article is stored on its own so the others still get in.
    /// </summary>
    public async Task<IReadOnlyList<IngestResponse>> StoreAsync(IReadOnlyList<IngestRequest> batch, CancellationToken cancellationToken)
    {
        try
        {
            var records = batch.Select(r => RecordMapper.ToRecord(r.Article, r.Analysis)).ToList();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcomes = await StoreWithRetryAsync(records, cancellationToken);
            // One line per transaction: a line per article costs measurable CPU at hundreds of articles a second.
            logger.LogInformation("Stored a batch of {Count} articles in {Milliseconds:0} ms: {Stored} new, {Replaced} replaced, {Duplicate} duplicate",
                batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                outcomes.Count(o => o == StoreOutcome.Stored), outcomes.Count(o => o == StoreOutcome.Replaced), outcomes.Count(o => o == StoreOutcome.Duplicate));
            return batch.Select((request, i) =>
            {
                logger.LogDebug("Article {ArticleId}: {Outcome}", request.Article.Id, outcomes[i]);
                return Response(request, outcomes[i] switch
                {
                    StoreOutcome.Stored => StoreStatus.Stored,
                    StoreOutcome.Replaced => StoreStatus.Replaced,
                    _ => StoreStatus.Duplicate,
                });
            }).ToList();
        }
        catch (PostgresException) when (batch.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A batch of {Count} articles was refused by the database; storing them one by one", batch.Count);
            var responses = new List<IngestResponse>(batch.Count);
            foreach (var request in batch)
            {
                responses.AddRange(await StoreAsync([request], cancellationToken));
            }

            return responses;
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Data exceptions and integrity violations come from the article itself: resending will not help.
            logger.LogWarning(e, "Rejected article {ArticleId} by the database", batch[0].Article.Id);
            return [Response(batch[0], StoreStatus.Rejected, $"article could not be stored: {e.MessageText}")];
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not store {Count} articles", batch.Count);
            return batch.Select(r => Response(r, StoreStatus.Failed, "database unavailable: " + e.Message)).ToList();
        }
    }

    // A database restart or failover should cost latency, not articles: transient failures are retried with
    // backoff for a while. The transaction makes every attempt all-or-nothing, and the write is idempotent.
    private async Task<IReadOnlyList<StoreOutcome>> StoreWithRetryAsync(List<ArticleRecord> records, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + limits.DatabaseRetryTime;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await store.StoreAsync(records, cancellationToken);
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow + delay < giveUpAt && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database unavailable while storing {Count} articles ({Message}); retrying in {Delay} ms",
                    records.Count, e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    private static IngestResponse Response(IngestRequest request, StoreStatus status, string reason = "")
        => new() { Sequence = request.Sequence, ArticleId = request.Article?.Id ?? string.Empty, Status = status, Reason = reason };
}
