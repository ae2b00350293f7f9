using System.Data;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>articles</c> table.</summary>
internal static class ArticlesTable
{
    /// <summary>The stored version of an article, locked until the transaction ends; null when absent.</summary>
    public static Task<StoredVersion?> LockVersionAsync(IDbConnection connection, IDbTransaction transaction, string id)
        => connection.QuerySingleOrDefaultAsync<StoredVersion>(
            "SELECT content_hash, engine_version FROM articles WHERE id = @id FOR UPDATE",
            new { id },
            transaction);

    public static Task DeleteAsync(IDbConnection connection, IDbTransaction transaction, string id)
        => connection.ExecuteAsync("DELETE FROM articles WHERE id = @id", new { id }, transaction);

    /// <summary>Inserts the article; false when another transaction stored the same id first.</summary>
    public static async Task<bool> TryInsertAsync(IDbConnection connection, IDbTransaction transaction, ArticleRow row)
        => await connection.ExecuteAsync(
            """
            INSERT INTO articles (id, url, title, source, published_at, text, content_hash, engine_version)
            VALUES (@Id, @Url, @Title, @Source, @PublishedAt, @Text, @ContentHash, @EngineVersion)
            ON CONFLICT (id) DO NOTHING
            """,
            row,
            transaction) == 1;

    public static Task<ArticleRow?> GetAsync(IDbConnection connection, string id)
        => connection.QuerySingleOrDefaultAsync<ArticleRow>(
            """
            SELECT id, url, title, source, published_at, text, content_hash, engine_version
            FROM articles WHERE id = @id
            """,
            new { id });

    /// <summary>What decides whether a re-sent article is a duplicate.</summary>
    internal sealed record StoredVersion
    {
        public required byte[] ContentHash { get; init; }

        public required string EngineVersion { get; init; }
    }
}
