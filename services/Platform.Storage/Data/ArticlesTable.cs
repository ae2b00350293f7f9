using System.Data;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>articles</c> table.</summary>
internal static class ArticlesTable
{
    /// <summary>
    /// The stored versions of the given articles, locked until the transaction ends. Locks are taken in id order, so
    /// concurrent batches that share articles wait for each other instead of deadlocking.
    /// </summary>
    public static async Task<IReadOnlyList<StoredVersion>> LockVersionsAsync(
        IDbConnection connection, IDbTransaction transaction, string[] ids, CancellationToken cancellationToken)
        => (await connection.QueryAsync<StoredVersion>(new CommandDefinition(
            "SELECT id, content_hash, engine_version FROM articles WHERE id = ANY(@ids) ORDER BY id FOR UPDATE",
            new { ids },
            transaction,
            cancellationToken: cancellationToken))).AsList();

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
