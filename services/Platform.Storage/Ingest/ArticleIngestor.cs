using Npgsql;
using Platform.Storage.Data;
using Platform.V1;

namespace Platform.Storage.Ingest;

/// <summary>
/// Stores one ingest request and says what happened. Never throws for a bad or unlucky article: invalid input is
/// REJECTED with its reason and database trouble is FAILED, so that one article cannot break a whole stream.
/// </summary>
internal sealed class ArticleIngestor(ArticleStore store, IngestValidator validator, StorageLimits limits, ILogger<ArticleIngestor> logger)
{
    public async Task<IngestResponse> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var response = new IngestResponse { Sequence = request.Sequence, ArticleId = request.Article?.Id ?? string.Empty };
        var error = validator.Validate(request);
        if (error is not null)
        {
            response.Status = StoreStatus.Rejected;
            response.Reason = error;
            logger.LogWarning("Rejected article {ArticleId}: {Reason}", response.ArticleId, error);
            return response;
        }

        try
        {
            var outcome = await StoreWithRetryAsync(RecordMapper.ToRecord(request.Article!, request.Analysis), cancellationToken);
            response.Status = outcome switch
            {
                StoreOutcome.Stored => StoreStatus.Stored,
                StoreOutcome.Replaced => StoreStatus.Replaced,
                _ => StoreStatus.Duplicate,
            };
            logger.LogInformation("Article {ArticleId}: {Outcome}", response.ArticleId, outcome);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Data exceptions and integrity violations come from the article itself: resending will not help.
            response.Status = StoreStatus.Rejected;
            response.Reason = $"article could not be stored: {e.MessageText}";
            logger.LogWarning(e, "Rejected article {ArticleId} by the database", response.ArticleId);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            response.Status = StoreStatus.Failed;
            response.Reason = "database unavailable: " + e.Message;
            logger.LogError(e, "Could not store article {ArticleId}", response.ArticleId);
        }

        return response;
    }

    // A database restart or failover should cost latency, not articles: transient failures are retried with
    // backoff for a while. The transaction makes every attempt all-or-nothing, and the write is idempotent.
    private async Task<StoreOutcome> StoreWithRetryAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + limits.DatabaseRetryTime;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await store.StoreAsync(record, cancellationToken);
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow + delay < giveUpAt && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database unavailable while storing {ArticleId} ({Message}); retrying in {Delay} ms",
                    record.Article.Id, e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }
}
