using System.Data;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>articles</c> table.</summary>
internal static class ArticlesTable
{
    /// <summary>
    /// The stored versions of the given articles, each id locked until the transaction ends. The locks are
    /// transaction-scoped advisory locks on the ids (hashed), taken in key order so that concurrent batches sharing
    /// articles wait for each other instead of deadlocking; then the versions are read, by a statement of its own so
    /// that it sees what a transaction waited for committed.
    /// </summary>
    /// <remarks>
    /// Not <c>SELECT ... FOR UPDATE</c>: on Citus, a row lock over several shards is refused ("could not run
    /// distributed query with FOR UPDATE/SHARE commands"), which made every batch fall back to one article per
    /// transaction; advisory locks are taken on the coordinator, where every write runs. A lock on the id also covers
    /// an article not stored yet, which a row lock cannot.
    /// </remarks>
    public static async Task<IReadOnlyList<StoredVersion>> LockVersionsAsync(
        IDbConnection connection, IDbTransaction transaction, string[] ids, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            SELECT pg_advisory_xact_lock(k)
            FROM (SELECT DISTINCT hashtextextended('article:' || id, 0) AS k FROM unnest(@ids) AS id ORDER BY 1) l
            """,
            new { ids },
            transaction,
            cancellationToken: cancellationToken));
        return (await connection.QueryAsync<StoredVersion>(new CommandDefinition(
            "SELECT id, content_hash, engine_version FROM articles WHERE id = ANY(@ids)",
            new { ids },
            transaction,
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Deletes the article rows; their entities, mentions and quotes are deleted by their own tables.</summary>
    public static Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, string[] ids, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM articles WHERE id = ANY(@ids)", new { ids }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Inserts the articles and returns the ingest sequence number of each one inserted; an article that another
    /// transaction stored first is missing from the result.
    /// </summary>
    public static async Task<Dictionary<string, long>> InsertAsync(
        IDbConnection connection, IDbTransaction transaction, IReadOnlyList<ArticleRow> rows, CancellationToken cancellationToken)
    {
        var inserted = await connection.QueryAsync<(string Id, long Seq)>(new CommandDefinition(
            """
            INSERT INTO articles (id, url, title, source, published_at, text, content_hash, engine_version)
            SELECT * FROM unnest(@ids, @urls, @titles, @sources, @publishedAts, @texts, @hashes, @engineVersions)
            ON CONFLICT (id) DO NOTHING
            RETURNING id, seq
            """,
            new
            {
                ids = rows.Select(r => r.Id).ToArray(),
                urls = rows.Select(r => r.Url).ToArray(),
                titles = rows.Select(r => r.Title).ToArray(),
                sources = rows.Select(r => r.Source).ToArray(),
                publishedAts = rows.Select(r => r.PublishedAt).ToArray(),
                texts = rows.Select(r => r.Text).ToArray(),
                hashes = rows.Select(r => r.ContentHash).ToArray(),
                engineVersions = rows.Select(r => r.EngineVersion).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
        return inserted.ToDictionary(r => r.Id, r => r.Seq, StringComparer.Ordinal);
    }

    public static Task<ArticleRow?> GetAsync(IDbConnection connection, string id, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition(
            """
            SELECT id, url, title, source, published_at, text, content_hash, engine_version
            FROM articles WHERE id = @id
            """,
            new { id },
            cancellationToken: cancellationToken));

    /// <summary>What decides whether a re-sent article is a duplicate.</summary>
    internal sealed record StoredVersion
    {
        public required string Id { get; init; }

        public required byte[] ContentHash { get; init; }

        public required string EngineVersion { get; init; }
    }
}
