using System.Security.Cryptography;
using Npgsql;
using Platform.Storage.Data;
using Platform.Storage.Registry;

namespace Platform.Storage.Store;

/// <summary>What storing an article did.</summary>
internal enum StoreOutcome
{
    Stored,
    Duplicate,
    Replaced,
}

/// <summary>
/// Writes and reads whole articles, through the tables of <c>Data/</c> and the registry's name resolution. A batch of articles is written in one transaction (articles, entities, mentions,
/// quotes, links, registry counters): it is stored whole or not at all. Writing is idempotent by article id, text
/// hash and engine version.
/// </summary>
/// <remarks>Reads (<see cref="GetAsync"/>, searches, listings) go to <see cref="ReadDatabase"/>: a replica when configured.</remarks>
internal sealed class ArticleStore(
    NpgsqlDataSource dataSource, ReadDatabase reads, QuoteSearchPartitions searchPartitions, SearchOptions searchOptions, SharedRowWrites sharedRows)
{
    public static byte[] HashText(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Stores the articles (ids distinct) in one transaction; the outcome of each, in batch order.</summary>
    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<ArticleRecord> batch, CancellationToken cancellationToken)
    {
        // A concurrent transaction may insert one of our new ids between our check and our insert. We then start
        // over: the second pass finds the row and waits for its lock, so this cannot go on for long.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStoreAsync(batch, cancellationToken);
            }
            catch (ConcurrentInsertException) when (attempt < 5)
            {
            }
        }
    }

    private async Task<IReadOnlyList<StoreOutcome>> TryStoreAsync(IReadOnlyList<ArticleRecord> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var resolved = await EntityResolver.ResolveAsync(connection, sharedRows, batch, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ids = batch.Select(r => r.Article.Id).ToArray();
        var stored = (await ArticlesTable.LockVersionsAsync(connection, transaction, ids, cancellationToken)).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var outcomes = new StoreOutcome[batch.Count];
        var toWrite = new List<(ArticleRecord Record, ResolvedArticle Resolved)>();
        var replaced = new List<string>();
        for (var i = 0; i < batch.Count; i++)
        {
            var article = batch[i].Article;
            if (!stored.TryGetValue(article.Id, out var version))
            {
                outcomes[i] = StoreOutcome.Stored;
                toWrite.Add((batch[i], resolved[i]));
            }
            else if (version.ContentHash.AsSpan().SequenceEqual(article.ContentHash) && version.EngineVersion == article.EngineVersion)
            {
                outcomes[i] = StoreOutcome.Duplicate;
            }
            else
            {
                outcomes[i] = StoreOutcome.Replaced;
                toWrite.Add((batch[i], resolved[i]));
                replaced.Add(article.Id);
            }
        }

        var founded = new List<FoundedGroup>();
        var newestSeq = toWrite.Count > 0
            ? await WriteAsync(connection, transaction, toWrite, replaced.ToArray(), founded, cancellationToken)
            : 0;
        await transaction.CommitAsync(cancellationToken);
        await QuoteGroupAssignment.MergeRacedAsync(dataSource, sharedRows, founded, cancellationToken);
        if (newestSeq > 0)
        {
            await searchPartitions.KeepAheadOfAsync(newestSeq, cancellationToken);
        }

        return outcomes;
    }

    // Writes the articles' rows; returns the newest ingest order given to one of them.
    private async Task<long> WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        List<(ArticleRecord Record, ResolvedArticle Resolved)> articles,
        string[] replaced,
        List<FoundedGroup> foundedGroups,
        CancellationToken cancellationToken)
    {
        var counters = new RegistryCounters();
        // Every batch writes the registry's counter log, the statistics and the quote groups, and a replaced version
        // takes its share out of them first: on Citus, from here to the commit, one batch at a time.
        await sharedRows.WaitForTurnAsync(connection, transaction, cancellationToken);
        // Quote groups (migration 0012): the groups a replaced version's quotes leave are counted again below.
        var leftGroups = replaced.Length > 0 ? await QuoteGroupsTable.OfArticlesAsync(connection, transaction, replaced, cancellationToken) : [];
        if (replaced.Length > 0)
        {
            counters.Subtract(await KnownEntitiesTable.ContributionsAsync(connection, transaction, replaced, cancellationToken));
            await QuoteStatsTable.AppendForArticlesAsync(connection, transaction, replaced, -1, cancellationToken);
            // No foreign keys cascade (see migration 0003): each table deletes the old version's rows.
            await QuoteSearchTable.DeleteForArticlesAsync(connection, transaction, replaced, cancellationToken);
            await QuotesTable.DeleteForArticlesAsync(connection, transaction, replaced, cancellationToken);
            await MentionsTable.DeleteForArticlesAsync(connection, transaction, replaced, cancellationToken);
            await EntitiesTable.DeleteForArticlesAsync(connection, transaction, replaced, cancellationToken);
            await ArticlesTable.DeleteAsync(connection, transaction, replaced, cancellationToken);
        }

        var seqs = await ArticlesTable.InsertAsync(connection, transaction, articles.Select(a => a.Record.Article).ToList(), cancellationToken);
        if (seqs.Count != articles.Count)
        {
            throw new ConcurrentInsertException();
        }

        var now = DateTime.UtcNow;
        var staged = articles.Select(a => new StagedArticle(a.Record, seqs[a.Record.Article.Id], a.Resolved)).ToList();
        foreach (var article in staged)
        {
            counters.Add(article.Record, article.Resolved, article.Record.Article.PublishedAt ?? now);
        }

        await EntitiesTable.CopyAsync(connection, staged, cancellationToken);
        await MentionsTable.CopyAsync(connection, staged, cancellationToken);
        var groups = await QuoteGroupAssignment.AssignAsync(connection, transaction, staged, cancellationToken);
        await QuotesTable.CopyAsync(connection, staged, groups.ByArticle, cancellationToken);
        foundedGroups.AddRange(groups.Founded);
        await QuoteSearchTable.InsertForArticlesAsync(connection, transaction, staged.Select(a => a.Seq).ToArray(), cancellationToken);
        await KnownEntitiesTable.AppendDeltasAsync(connection, transaction, counters.ToDeltas(), cancellationToken);
        await QuoteStatsTable.AppendForArticlesAsync(
            connection, transaction, staged.Select(a => a.Record.Article.Id).ToArray(), 1, cancellationToken);
        // Last, as it locks the groups' rows until the commit.
        await QuoteGroupsTable.RecountAsync(connection, transaction, [.. groups.Touched.Union(leftGroups)], cancellationToken);
        return staged.Max(a => a.Seq);
    }

    /// <summary>Another transaction stored one of the batch's new articles first.</summary>
    private sealed class ConcurrentInsertException : Exception;

    public async Task<ArticleRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        var article = await ArticlesTable.GetAsync(connection, id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        return new ArticleRecord(
            article,
            await EntitiesTable.ForArticleAsync(connection, id, cancellationToken),
            await MentionsTable.ForArticleAsync(connection, id, cancellationToken),
            await QuotesTable.ForArticleAsync(connection, id, cancellationToken));
    }

    /// <summary>One quote with its article's text; null when the article or the quote is not stored.</summary>
    public async Task<QuoteInArticleRow?> GetQuoteAsync(string articleId, int quoteIndex, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        return await QuotesTable.InArticleAsync(connection, articleId, quoteIndex, cancellationToken);
    }

    /// <summary>
    /// Quotes matching the filter. Speaker and entity names are looked up in the registry (a name, an alias or part of
    /// a name) by the same statement; a name nobody answers to finds nothing.
    /// </summary>
    public async Task<IReadOnlyList<QuoteHitRow>> SearchQuotesAsync(QuoteFilter filter, QuoteKeyset? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        return await QuotesTable.SearchAsync(connection, filter, after, limit, searchOptions, cancellationToken);
    }

    /// <summary>How many matches a search collapsed by group reads at most, the pages before it included.</summary>
    public const int MaxCollapsedWalk = 10_000;

    /// <summary>
    /// Quotes matching the filter, one per group of near-identical quotes (the group's first match in the search's
    /// order; a quote without a group stands for itself), each with its group's article count. The groups already
    /// shown before <paramref name="after"/> are found by reading the search from its start, so a page costs as much
    /// as all the pages before it; at most <see cref="MaxCollapsedWalk"/> matches are read.
    /// </summary>
    public async Task<IReadOnlyList<(QuoteHitRow Hit, int ArticleCount)>> SearchQuoteGroupsAsync(
        QuoteFilter filter, QuoteKeyset? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        var seen = new HashSet<long>();
        var found = new List<QuoteHitRow>();
        var chunk = Math.Clamp(limit * 2, 100, 1000);
        QuoteKeyset? cursor = null;
        for (var walked = 0; found.Count < limit && walked < MaxCollapsedWalk;)
        {
            var rows = await QuotesTable.SearchAsync(connection, filter, cursor, chunk, searchOptions, cancellationToken);
            foreach (var row in rows)
            {
                var firstOfGroup = row.GroupId is not { } group || seen.Add(group);
                var shownBefore = after is not null && !after.IsBefore(row.Rank, row.ArticleSeq, row.QuoteIndex);
                if (firstOfGroup && !shownBefore && found.Count < limit)
                {
                    found.Add(row);
                }
            }

            walked += rows.Count;
            if (rows.Count < chunk)
            {
                break;
            }

            cursor = new QuoteKeyset(rows[^1].Rank, rows[^1].ArticleSeq, rows[^1].QuoteIndex);
        }

        var groupIds = found.Where(h => h.GroupId is not null).Select(h => h.GroupId!.Value).ToArray();
        var counts = groupIds.Length > 0 ? await QuoteGroupsTable.ArticleCountsAsync(connection, groupIds, cancellationToken) : [];
        return found.Select(h => (h, h.GroupId is { } g && counts.TryGetValue(g, out var count) ? count : 1)).ToList();
    }

    /// <summary>A group of near-identical quotes with its first <paramref name="limit"/> quotes in order of appearance; null when there is no such group.</summary>
    public async Task<(QuoteGroupRow Group, IReadOnlyList<QuoteHitRow> Quotes)?> GetQuoteGroupAsync(long id, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        var group = await QuoteGroupsTable.GetAsync(connection, id, cancellationToken);
        return group is null ? null : (group, await QuotesTable.InGroupAsync(connection, id, limit, cancellationToken));
    }

    /// <summary>
    /// Speakers (entities with quotes), most quoted first; or entities, most mentioned first. On the primary, counter
    /// changes still in the log are folded in first, so a listing counts every article stored before it. A replica
    /// cannot fold (folding writes): there a listing counts what the primary folded (every second, by
    /// <see cref="Registry.RegistryCounterFolder"/>) and the replica has replayed.
    /// </summary>
    public async Task<IReadOnlyList<KnownEntityRow>> ListKnownEntitiesAsync(
        bool speakers, string? type, string? name, RegistryKeyset? after, int limit, CancellationToken cancellationToken)
    {
        if (!reads.IsReplica)
        {
            await FoldRegistryCountersAsync(cancellationToken);
        }

        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        var ids = await ResolveAsync(connection, name, cancellationToken);
        return ids is []
            ? []
            : await KnownEntitiesTable.ListAsync(connection, new KnownEntityFilter(speakers, type, ids), after, limit, cancellationToken);
    }

    /// <summary>Adds the logged counter changes to the registry; the number of entries changed.</summary>
    public async Task<int> FoldRegistryCountersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await sharedRows.WaitForTurnAsync(connection, transaction, cancellationToken);
        var changed = await KnownEntitiesTable.FoldDeltasAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Adds the logged quote statistics changes to their tables; the number of rows changed.</summary>
    public async Task<int> FoldQuoteStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await sharedRows.WaitForTurnAsync(connection, transaction, cancellationToken);
        var changed = await QuoteStatsTable.FoldDeltasAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Quotes and distinct speakers grouped by one dimension. The speaker is looked up in the registry like a
    /// search's; a name nobody answers to counts nothing. Statistics filtered by time or speaker read the
    /// statistics' log besides their table, so they count every stored article. Unfiltered ones (or filtered by
    /// outlet alone) read running totals that only a fold updates: on the primary the log is folded first, as for
    /// listings; a replica counts what the primary folded (every second) and it has replayed.
    /// </summary>
    public async Task<IReadOnlyList<StatsGroupRow>> QuoteStatsAsync(
        StatsDimension by, QuoteStatsFilter filter, RegistryName? speaker, CancellationToken cancellationToken)
    {
        if (speaker is null && filter.UsesTotals && !reads.IsReplica)
        {
            await FoldQuoteStatsAsync(cancellationToken);
        }

        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        if (speaker is not null)
        {
            var ids = await IdsAsync(connection, speaker, cancellationToken);
            if (ids.Length == 0)
            {
                return [];
            }

            filter = filter with { SpeakerIds = ids };
        }

        return await QuoteStatsTable.StatsAsync(connection, by, filter, cancellationToken);
    }

    /// <summary>
    /// A speaker's quotes about an entity over time: the first and last such quote and the count per week; null when
    /// the speaker or the entity is not in the registry.
    /// </summary>
    public async Task<QuoteTimeline?> TimelineAsync(RegistryName speaker, RegistryName about, CancellationToken cancellationToken)
    {
        await using var connection = await reads.DataSource.OpenConnectionAsync(cancellationToken);
        var speakers = await IdsAsync(connection, speaker, cancellationToken);
        var abouts = await IdsAsync(connection, about, cancellationToken);
        if (speakers.Length == 0 || abouts.Length == 0)
        {
            return null;
        }

        var weeks = await QuoteStatsTable.TimelineAsync(connection, speakers, abouts, cancellationToken);
        return weeks.Count == 0
            ? new QuoteTimeline(null, null, weeks)
            : new QuoteTimeline(
                await QuoteStatsTable.EdgeQuoteAsync(connection, speakers, abouts, latest: false, cancellationToken),
                await QuoteStatsTable.EdgeQuoteAsync(connection, speakers, abouts, latest: true, cancellationToken),
                weeks);
    }

    // Registry ids a name (and/or an id) stands for: both given must agree.
    private static async Task<long[]> IdsAsync(NpgsqlConnection connection, RegistryName name, CancellationToken cancellationToken)
    {
        if (name.Name is null)
        {
            return [name.Id];
        }

        var ids = await KnownEntitiesTable.MatchAsync(connection, name.Name, name.NameKey ?? NameKey.Normalize(name.Name), cancellationToken);
        return name.Id == 0 ? ids : ids.Where(id => id == name.Id).ToArray();
    }

    // Null: no filter. Empty: a filter that nothing matches.
    private static async Task<long[]?> ResolveAsync(NpgsqlConnection connection, string? name, CancellationToken cancellationToken)
        => name is null ? null : await KnownEntitiesTable.MatchAsync(connection, name, NameKey.Normalize(name), cancellationToken);
}

/// <summary>A speaker's quotes about an entity: the first and last (null when none) and the count per week.</summary>
internal sealed record QuoteTimeline(QuoteHitRow? First, QuoteHitRow? Last, IReadOnlyList<TimelineWeekRow> Weeks);
