using System.Data;
using System.Text;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>entities</c> table.</summary>
internal static class EntitiesTable
{
    public static Task InsertAsync(IDbConnection connection, IDbTransaction transaction, string articleId, IReadOnlyList<EntityRow> rows)
        => rows.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                """
                INSERT INTO entities (article_id, entity_key, name, type, mention_count)
                SELECT @articleId, * FROM unnest(@keys, @names, @types, @counts)
                """,
                new
                {
                    articleId,
                    keys = rows.Select(r => r.EntityKey).ToArray(),
                    names = rows.Select(r => r.Name).ToArray(),
                    types = rows.Select(r => r.Type).ToArray(),
                    counts = rows.Select(r => r.MentionCount).ToArray(),
                },
                transaction);

    public static async Task<IReadOnlyList<EntityRow>> ForArticleAsync(IDbConnection connection, string articleId)
        => (await connection.QueryAsync<EntityRow>(
            """
            SELECT e.entity_key, e.name, e.type, e.mention_count FROM entities e
            WHERE e.article_id = @articleId
            ORDER BY (SELECT min(m.start_offset) FROM mentions m
                      WHERE m.article_id = e.article_id AND m.entity_key = e.entity_key), e.entity_key
            """,
            new { articleId })).AsList();

    /// <summary>
    /// Entities over all articles grouped by canonical name and type, most mentioned first, after the keyset
    /// position <paramref name="after"/> when given.
    /// </summary>
    public static async Task<IReadOnlyList<EntitySummaryRow>> ListAsync(
        IDbConnection connection, string? type, string? name, EntitySummaryRow? after, int limit)
    {
        var where = new StringBuilder("TRUE");
        var parameters = new DynamicParameters();
        if (type is not null)
        {
            where.Append(" AND type = @type");
            parameters.Add("type", type);
        }

        if (name is not null)
        {
            where.Append(@" AND name ILIKE @name ESCAPE '\'");
            parameters.Add("name", SqlPatterns.Contains(name));
        }

        var having = string.Empty;
        if (after is not null)
        {
            having = """
                     HAVING sum(mention_count) < @afterCount
                         OR (sum(mention_count) = @afterCount AND (name, type) > (@afterName, @afterType))
                     """;
            parameters.Add("afterCount", after.MentionCount);
            parameters.Add("afterName", after.Name);
            parameters.Add("afterType", after.Type);
        }

        parameters.Add("limit", limit);
        return (await connection.QueryAsync<EntitySummaryRow>(
            $"""
             SELECT name, type, sum(mention_count)::bigint AS mention_count, count(*) AS article_count
             FROM entities
             WHERE {where}
             GROUP BY name, type
             {having}
             ORDER BY mention_count DESC, name, type
             LIMIT @limit
             """,
            parameters)).AsList();
    }
}
