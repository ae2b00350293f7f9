using System.Security.Cryptography;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>What storing an article did.</summary>
internal enum StoreOutcome
{
    Stored,
    Duplicate,
    Replaced,
}

/// <summary>
/// Writes and reads whole articles. An article is written in one transaction (article, entities, mentions, quotes,
/// links): it is stored whole or not at all. Writing is idempotent by article id, text hash and engine version.
/// </summary>
internal sealed class ArticleStore(NpgsqlDataSource dataSource)
{
    public static byte[] HashText(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    public async Task<StoreOutcome> StoreAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        // One retry covers the race where a concurrent transaction inserts the same new id between our check and
        // our insert: on the second pass the row exists and is locked by FOR UPDATE.
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await TryStoreAsync(record, cancellationToken);
            if (outcome is not null)
            {
                return outcome.Value;
            }

            if (attempt == 1)
            {
                return StoreOutcome.Duplicate;
            }
        }
    }

    private async Task<StoreOutcome?> TryStoreAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var article = record.Article;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var existing = await ArticlesTable.LockVersionAsync(connection, transaction, article.Id);
        if (existing is not null && existing.ContentHash.AsSpan().SequenceEqual(article.ContentHash)
                                 && existing.EngineVersion == article.EngineVersion)
        {
            return StoreOutcome.Duplicate;
        }

        if (existing is not null)
        {
            await ArticlesTable.DeleteAsync(connection, transaction, article.Id);
        }

        if (!await ArticlesTable.TryInsertAsync(connection, transaction, article))
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await EntitiesTable.InsertAsync(connection, transaction, article.Id, record.Entities);
        await MentionsTable.InsertAsync(connection, transaction, article.Id, record.Mentions);
        await QuotesTable.InsertAsync(connection, transaction, article.Id, record.Quotes);
        await transaction.CommitAsync(cancellationToken);
        return existing is null ? StoreOutcome.Stored : StoreOutcome.Replaced;
    }

    public async Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var article = await ArticlesTable.GetAsync(connection, id);
        if (article is null)
        {
            return null;
        }

        return new ArticleRecord(
            article,
            await EntitiesTable.ForArticleAsync(connection, id),
            await MentionsTable.ForArticleAsync(connection, id),
            await QuotesTable.ForArticleAsync(connection, id));
    }

    public async Task<IReadOnlyList<QuoteHitRow>> SearchQuotesAsync(
        QuoteFilter filter, long? afterSeq, int afterIndex, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await QuotesTable.SearchAsync(connection, filter, afterSeq, afterIndex, limit);
    }

    public async Task<IReadOnlyList<EntitySummaryRow>> ListEntitiesAsync(
        string? type, string? name, EntitySummaryRow? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EntitiesTable.ListAsync(connection, type, name, after, limit);
    }
}
