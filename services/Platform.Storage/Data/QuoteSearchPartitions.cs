using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// Keeps a partition of <c>quote_search</c> ready ahead of the articles being stored: after each batch, the partition
/// after the newest article's must exist, so that the next 4,096 articles never wait for one. Rows that outrun the
/// partitions anyway (another replica's burst, a partition that could not be added) go to the default partition
/// and are moved into theirs when it is added; searches find them either way. Once a partition is two behind the
/// newest, its newest-first index is dropped (migration 0007).
/// </summary>
internal sealed class QuoteSearchPartitions(NpgsqlDataSource dataSource, ILogger<QuoteSearchPartitions> logger) : IDisposable
{
    private readonly SemaphoreSlim adding = new(1, 1);

    // The highest partition number known to exist; -1 until read from the catalog.
    private long highest = -1;

    /// <summary>Adds the partitions up to the one after <paramref name="articleSeq"/>'s, if missing.</summary>
    /// <remarks>Never throws for a database error: the articles are already stored, and the next batch tries again.</remarks>
    public async Task KeepAheadOfAsync(long articleSeq, CancellationToken cancellationToken)
    {
        var wanted = articleSeq / QuoteSearchTable.PartitionWidth + 1;
        if (Interlocked.Read(ref highest) >= wanted)
        {
            return;
        }

        await adding.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            if (highest < 0)
            {
                highest = await HighestAsync(connection, cancellationToken);
            }

            for (var k = highest + 1; k <= wanted; k++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // Attaching waits for searches that read the default partition; it should not queue others behind it.
                await connection.ExecuteAsync(new CommandDefinition(
                    "SET LOCAL lock_timeout = '2s'", transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT quote_search_add_partition(@k)", new { k }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                Interlocked.Exchange(ref highest, k);
                logger.LogInformation("Added full-text search partition {Partition} for articles from {First}", k, k * QuoteSearchTable.PartitionWidth);
            }

            // Partitions older than the two newest no longer need their newest-first index (migration 0007). Dropping
            // an index waits for the searches reading its partition, so this too gives up after 2 s (and the next
            // batch tries again).
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SET LOCAL lock_timeout = '2s'", transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT quote_search_retire_newest_indexes()", transaction: transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (NpgsqlException e)
        {
            // Another replica adding the same partition (duplicate name), a lock not granted in time, a lost connection.
            logger.LogWarning(e, "Could not add a full-text search partition now; the next batch tries again");
            Interlocked.Exchange(ref highest, -1);
        }
        finally
        {
            adding.Release();
        }
    }

    public void Dispose() => adding.Dispose();

    private static Task<long> HighestAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT coalesce(max(substring(c.relname FROM '^quote_search_(\d+)$')::bigint), -1)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'quote_search'::regclass
            """,
            cancellationToken: cancellationToken));
}
