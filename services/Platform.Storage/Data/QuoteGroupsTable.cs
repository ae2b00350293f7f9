using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Platform.Storage.Groups;

namespace Platform.Storage.Data;

/// <summary>SQL for the quote groups (<c>quote_groups</c>) and their candidate lookup by band key (<c>quote_group_bands</c>).</summary>
internal static class QuoteGroupsTable
{
    // A quote's place in the order of first appearance as one number, so that plain min() finds a group's first (Citus
    // has no min() of an array or a row): the publication time in microseconds (shifted by 1e17 to stay positive; a
    // quote without one after all others), then the article's ingest order, then the quote's index.
    private const string FirstAppearanceKey =
        "(coalesce(extract(epoch FROM published_at) * 1000000 + 1e17, 1e18) * 1e30 + article_seq * 1e10 + quote_index)";

    // The shifted time of a quote without a publication time, less the shift.
    private const long NoPublicationTime = 900_000_000_000_000_000;

    /// <summary>
    /// Band keys made of common word pairs ("of the", "we will") are shared by many unrelated groups; reading them all
    /// made each lookup long. A true copy shares several of its 16 band keys with its group, most of them rare, so
    /// only the newest groups of each key are read.
    /// </summary>
    public const int MaxCandidatesPerBandKey = 20;

    /// <summary>The stored groups whose representative has one of the band keys, once per key (the newest <see cref="MaxCandidatesPerBandKey"/> of each).</summary>
    public static async Task<ILookup<long, StoredGroup>> CandidatesAsync(
        IDbConnection connection, IDbTransaction? transaction, long[] bandKeys, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long BandKey, long Id, string Representative)>(new CommandDefinition(
            """
            SELECT k AS band_key, g.id, g.representative
            FROM unnest(@bandKeys) AS k
                 CROSS JOIN LATERAL (SELECT b.group_id FROM quote_group_bands b WHERE b.band_key = k
                                     ORDER BY b.group_id DESC LIMIT @perKey) b
                 JOIN quote_groups g ON g.id = b.group_id
            """,
            new { bandKeys, perKey = MaxCandidatesPerBandKey },
            transaction,
            cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.BandKey, r => new StoredGroup(r.Id, r.Representative));
    }

    /// <summary>The groups the quotes of these articles belong to (before a new version replaces them).</summary>
    public static async Task<long[]> OfArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
        => (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT group_id FROM quotes WHERE article_id = ANY(@articleIds) AND group_id IS NOT NULL",
            new { articleIds },
            transaction,
            cancellationToken: cancellationToken))).ToArray();

    /// <summary>
    /// Creates the groups with their band keys; the id of each by its words key, and the words keys of the groups
    /// this call created. A group whose words another transaction founded a group for first gets that group's id
    /// instead of a second group.
    /// </summary>
    /// <remarks>
    /// Why not a lock per band key: a batch of 32 articles has thousands of band keys, and as many advisory locks per
    /// transaction would exhaust PostgreSQL's shared lock table (64 per connection by default) with a few batches in
    /// parallel. The unique words key makes the database itself the lock, at no cost when there is no race: the
    /// second of two transactions inserting the same words waits at the unique index for the first to commit, its
    /// row is then skipped (ON CONFLICT DO NOTHING), and the statement after it, with a new snapshot, reads the
    /// first's id. Rows go in in words-key order, so two batches founding the same groups wait in the same order and
    /// cannot deadlock. Two near-identical but not identical quotes founded at the same instant in two batches make
    /// two groups here; <see cref="MergeAsync"/>, after the commit, joins them.
    /// </remarks>
    public static async Task<(Dictionary<long, long> Ids, HashSet<long> Created)> InsertAsync(
        IDbConnection connection, IDbTransaction transaction, IReadOnlyList<NewGroup> groups, CancellationToken cancellationToken)
    {
        var ordered = groups.OrderBy(g => g.Key).ToList();
        var wordsKeys = ordered.Select(g => g.Key).ToArray();
        var inserted = (await connection.QueryAsync<(long Id, long WordsKey)>(new CommandDefinition(
            """
            INSERT INTO quote_groups (words_key, representative)
            SELECT k, r FROM unnest(@wordsKeys, @representatives) WITH ORDINALITY AS g(k, r, position)
            ORDER BY position
            ON CONFLICT (words_key) DO NOTHING
            RETURNING id, words_key
            """,
            new { wordsKeys, representatives = ordered.Select(g => g.Representative).ToArray() },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(r => r.WordsKey, r => r.Id);

        var created = inserted.Keys.ToHashSet();
        var bands = ordered.Where(g => inserted.ContainsKey(g.Key)).SelectMany(g => g.BandKeys.Select(k => (Key: k, Group: inserted[g.Key]))).ToList();
        var raced = wordsKeys.Where(k => !inserted.ContainsKey(k)).ToArray();
        var existing = await connection.QueryAsync<(long Id, long WordsKey)>(new CommandDefinition(
            """
            INSERT INTO quote_group_bands (band_key, group_id) SELECT * FROM unnest(@bandKeys, @groupIds);
            SELECT id, words_key FROM quote_groups WHERE words_key = ANY(@raced);
            """,
            new { bandKeys = bands.Select(b => b.Key).ToArray(), groupIds = bands.Select(b => b.Group).ToArray(), raced },
            transaction,
            cancellationToken: cancellationToken));
        foreach (var (id, wordsKey) in existing)
        {
            inserted[wordsKey] = id;
        }

        return (inserted, created);
    }

    /// <summary>
    /// Moves the quotes of group <paramref name="from"/> to group <paramref name="into"/> and counts the second again, in
    /// one transaction; nothing when either is gone or merged meanwhile. The first stays as a pointer to the second
    /// (<c>merged_into</c>), without band keys, so that no new quote finds it.
    /// </summary>
    /// <remarks>
    /// Why a pointer rather than a delete: a batch that looked the first group up before this merge committed may still
    /// be writing quotes into it, which this transaction cannot see. Such a batch locks the group when it counts its
    /// groups (<see cref="RecountAsync"/>), after this commit, finds the pointer and moves its quotes along.
    /// </remarks>
    public static async Task MergeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long from, long into, CancellationToken cancellationToken)
    {
        long[] both = [Math.Min(from, into), Math.Max(from, into)];
        var locked = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM quote_groups WHERE id = ANY(@both) ORDER BY id FOR UPDATE",
            new { both },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        var live = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM quote_groups WHERE id = ANY(@both) AND merged_into IS NULL",
            new { both },
            transaction,
            cancellationToken: cancellationToken));
        if (locked.Count < 2 || live < 2)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE quotes SET group_id = @into WHERE group_id = @from;
            UPDATE quote_groups SET merged_into = @into, quote_count = 0, article_count = 0 WHERE id = @from;
            DELETE FROM quote_group_bands WHERE group_id = @from;
            """,
            new { from, into },
            transaction,
            cancellationToken: cancellationToken));
        await RecountAsync(connection, transaction, [into], cancellationToken);
    }

    /// <summary>
    /// Counts the groups' quotes and articles again and finds their first appearance, from the quotes as stored
    /// (this transaction's and every committed one); deletes the groups left without quotes.
    /// </summary>
    /// <remarks>
    /// The group rows are locked first (in id order, so that batches cannot deadlock): a batch that adds to or takes
    /// from the same group waits until this one commits, and then counts with a new snapshot that includes this
    /// batch's quotes. Counting afterwards instead of adding to the counts keeps a group right whatever joins or
    /// leaves it, replaced articles included.
    /// </remarks>
    public static async Task RecountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Length == 0)
        {
            return;
        }

        groupIds = await FollowMergesAsync(connection, transaction, groupIds, cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
             SELECT id FROM quote_groups WHERE id = ANY(@groupIds) ORDER BY id FOR UPDATE;
             SELECT id, quote_count, article_count,
                    (trunc(first / 1e30) - 1e17)::bigint AS first_time, trunc(mod(first, 1e30) / 1e10)::bigint AS first_seq,
                    mod(first, 1e10)::int AS first_index
             FROM (SELECT group_id AS id, count(*)::int AS quote_count, count(DISTINCT article_id)::int AS article_count,
                          min({FirstAppearanceKey}) AS first
                   FROM quotes WHERE group_id = ANY(@groupIds)
                   GROUP BY group_id) c;
             """,
            new { groupIds },
            transaction,
            cancellationToken: cancellationToken));
        await results.ReadAsync<long>();
        var counts = (await results.ReadAsync<GroupCount>()).ToList();
        var empty = groupIds.Except(counts.Select(c => c.Id)).ToArray();
        // The times go as timestamptz explicitly: an array of nulls alone would go as timestamp, and its cast to
        // timestamptz (STABLE: it depends on the time zone) is refused by Citus in an UPDATE.
        await using var update = new NpgsqlCommand(
            """
            UPDATE quote_groups g
            SET quote_count = s.quote_count, article_count = s.article_count, first_published_at = s.first_published_at,
                first_article_seq = s.first_article_seq, first_quote_index = s.first_quote_index
            FROM unnest(@ids, @quoteCounts, @articleCounts, @firstPublished, @firstSeqs, @firstIndexes)
                 AS s(id, quote_count, article_count, first_published_at, first_article_seq, first_quote_index)
            WHERE g.id = s.id;
            DELETE FROM quote_group_bands WHERE group_id = ANY(@empty);
            DELETE FROM quote_groups WHERE id = ANY(@empty) AND merged_into IS NULL;
            """,
            connection,
            transaction);
        update.Parameters.Add(new NpgsqlParameter<long[]>("ids", counts.Select(c => c.Id).ToArray()));
        update.Parameters.Add(new NpgsqlParameter<int[]>("quoteCounts", counts.Select(c => c.QuoteCount).ToArray()));
        update.Parameters.Add(new NpgsqlParameter<int[]>("articleCounts", counts.Select(c => c.ArticleCount).ToArray()));
        update.Parameters.Add(new NpgsqlParameter("firstPublished", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = counts.Select(c => c.FirstTime >= NoPublicationTime
                ? (DateTime?)null
                : DateTime.UnixEpoch.AddTicks(c.FirstTime * (TimeSpan.TicksPerMillisecond / 1000))).ToArray(),
        });
        update.Parameters.Add(new NpgsqlParameter<long[]>("firstSeqs", counts.Select(c => c.FirstSeq).ToArray()));
        update.Parameters.Add(new NpgsqlParameter<int[]>("firstIndexes", counts.Select(c => c.FirstIndex).ToArray()));
        update.Parameters.Add(new NpgsqlParameter<long[]>("empty", empty));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the groups (in id order, so that batches cannot deadlock) and moves this transaction's quotes out of any
    /// that was merged into another since they were looked up (<see cref="MergeAsync"/>), along the chain of merges;
    /// the groups to count: the given ones that are still groups, and those their quotes moved to.
    /// </summary>
    private static async Task<long[]> FollowMergesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] groupIds, CancellationToken cancellationToken)
    {
        var pending = groupIds.Distinct().Order().ToArray();
        var live = new SortedSet<long>();
        var seen = new HashSet<long>();
        while (pending.Length > 0)
        {
            seen.UnionWith(pending);
            var rows = (await connection.QueryAsync<(long Id, long? MergedInto)>(new CommandDefinition(
                "SELECT id, merged_into FROM quote_groups WHERE id = ANY(@pending) ORDER BY id FOR UPDATE",
                new { pending },
                transaction,
                cancellationToken: cancellationToken))).ToList();
            // A group deleted meanwhile has no quotes of this transaction's left in it: it is counted (and found empty).
            live.UnionWith(pending.Except(rows.Where(r => r.MergedInto is not null).Select(r => r.Id)));
            var merged = rows.Where(r => r.MergedInto is not null).Select(r => (From: r.Id, Into: r.MergedInto!.Value)).ToArray();
            if (merged.Length == 0)
            {
                break;
            }

            // One statement per merged group: rare (a race between batches), and plain enough for Citus's multi-shard UPDATE.
            foreach (var (from, into) in merged)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE quotes SET group_id = @into WHERE group_id = @from",
                    new { from, into },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            pending = merged.Select(m => m.Into).Where(id => !seen.Contains(id)).Distinct().Order().ToArray();
        }

        return [.. live];
    }

    /// <summary>One group; null when there is none with this id.</summary>
    public static Task<QuoteGroupRow?> GetAsync(IDbConnection connection, long id, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<QuoteGroupRow>(new CommandDefinition(
            """
            SELECT id, representative, quote_count, article_count, first_published_at, first_article_seq, first_quote_index
            FROM quote_groups WHERE id = @id AND merged_into IS NULL
            """,
            new { id },
            cancellationToken: cancellationToken));

    /// <summary>The number of articles of each group.</summary>
    public static async Task<Dictionary<long, int>> ArticleCountsAsync(IDbConnection connection, long[] ids, CancellationToken cancellationToken)
        => (await connection.QueryAsync<(long Id, int ArticleCount)>(new CommandDefinition(
            "SELECT id, article_count FROM quote_groups WHERE id = ANY(@ids)",
            new { ids },
            cancellationToken: cancellationToken))).ToDictionary(r => r.Id, r => r.ArticleCount);

    // The first appearance comes as publication time in microseconds since 1970, ingest order, quote index.
    private sealed record GroupCount(long Id, int QuoteCount, int ArticleCount, long FirstTime, long FirstSeq, int FirstIndex);
}
