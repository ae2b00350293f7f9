using System.Data;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>entities</c> table.</summary>
internal static class EntitiesTable
{
    /// <summary>Deletes the entities of the given articles (when a new version replaces them).</summary>
    public static Task DeleteForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM entities WHERE article_id = ANY(@articleIds)", new { articleIds }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes the entities of new articles by COPY (no conflicts are possible: the articles are new).</summary>
    public static Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StagedArticle> articles, CancellationToken cancellationToken)
        => TextCopy.WriteAsync(
            connection,
            "COPY entities (article_id, entity_key, name, type, mention_count, known_entity_id, gender) FROM STDIN",
            articles.SelectMany(a => a.Record.Entities.Select(e => (a, e))),
            (copy, row) =>
            {
                var (article, entity) = row;
                copy.Text(article.Record.Article.Id);
                copy.Text(entity.EntityKey);
                copy.Text(entity.Name);
                copy.Text(entity.Type);
                copy.Integer(entity.MentionCount);
                copy.Integer(article.Resolved.EntityIds.TryGetValue(entity.EntityKey, out var id) ? id : null);
                copy.Text(entity.Gender);
            },
            cancellationToken);

    public static async Task<IReadOnlyList<EntityRow>> ForArticleAsync(IDbConnection connection, string articleId, CancellationToken cancellationToken)
        => (await connection.QueryAsync<EntityRow>(new CommandDefinition(
            """
            SELECT e.entity_key, e.name, e.type, e.mention_count, e.gender FROM entities e
            WHERE e.article_id = @articleId
            ORDER BY (SELECT min(m.start_offset) FROM mentions m
                      WHERE m.article_id = e.article_id AND m.entity_key = e.entity_key), e.entity_key
            """,
            new { articleId },
            cancellationToken: cancellationToken))).AsList();
}
