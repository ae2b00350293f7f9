using System.Data;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>mentions</c> table.</summary>
internal static class MentionsTable
{
    public static Task InsertAsync(IDbConnection connection, IDbTransaction transaction, string articleId, IReadOnlyList<MentionRow> rows)
        => rows.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                """
                INSERT INTO mentions (article_id, entity_key, start_offset, end_offset, text)
                SELECT @articleId, * FROM unnest(@keys, @starts, @ends, @texts)
                """,
                new
                {
                    articleId,
                    keys = rows.Select(r => r.EntityKey).ToArray(),
                    starts = rows.Select(r => r.StartOffset).ToArray(),
                    ends = rows.Select(r => r.EndOffset).ToArray(),
                    texts = rows.Select(r => r.Text).ToArray(),
                },
                transaction);

    public static async Task<IReadOnlyList<MentionRow>> ForArticleAsync(IDbConnection connection, string articleId)
        => (await connection.QueryAsync<MentionRow>(
            """
            SELECT entity_key, start_offset, end_offset, text FROM mentions
            WHERE article_id = @articleId ORDER BY start_offset, end_offset
            """,
            new { articleId })).AsList();
}
