using System.Data;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>mentions</c> table.</summary>
internal static class MentionsTable
{
    /// <summary>Deletes the mentions of the given articles (when a new version replaces them).</summary>
    public static Task DeleteForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mentions WHERE article_id = ANY(@articleIds)", new { articleIds }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes the mentions of new articles by COPY.</summary>
    public static Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StagedArticle> articles, CancellationToken cancellationToken)
        => TextCopy.WriteAsync(
            connection,
            "COPY mentions (article_id, entity_key, start_offset, end_offset, text) FROM STDIN",
            articles.SelectMany(a => a.Record.Mentions.Select(m => (a.Record.Article.Id, m))),
            (copy, row) =>
            {
                var (articleId, mention) = row;
                copy.Text(articleId);
                copy.Text(mention.EntityKey);
                copy.Integer(mention.StartOffset);
                copy.Integer(mention.EndOffset);
                copy.Text(mention.Text);
            },
            cancellationToken);

    public static async Task<IReadOnlyList<MentionRow>> ForArticleAsync(IDbConnection connection, string articleId, CancellationToken cancellationToken)
        => (await connection.QueryAsync<MentionRow>(new CommandDefinition(
            """
            SELECT entity_key, start_offset, end_offset, text FROM mentions
            WHERE article_id = @articleId ORDER BY start_offset, end_offset
            """,
            new { articleId },
            cancellationToken: cancellationToken))).AsList();
}
