using System.Data;
using System.Text;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// SQL for <c>quote_search</c>: each quote's search vector, partitioned by its article's ingest order (migration
/// 0006). Searches by words alone (or with outlet and time) read it from the newest partition back, a range of
/// partitions at a time, until they have enough matches.
/// </summary>
internal static class QuoteSearchTable
{
    /// <summary>Articles per partition, by ingest order; the width used by <c>quote_search_add_partition</c>.</summary>
    public const long PartitionWidth = 4096;

    /// <summary>How many partitions a search with a publication-time window reads one at a time before its ranges widen.</summary>
    private const int SinglePartitionSteps = 8;

    /// <summary>
    /// Copies the search vectors of the quotes of the given articles, written just before, with their publication
    /// time, speaker and the registry ids of the entities they mention.
    /// </summary>
    public static Task InsertForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, long[] articleSeqs, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO quote_search (article_id, article_seq, quote_index, article_source, search_vector, published_at, speaker_id, entity_ids)
            SELECT q.article_id, q.article_seq, q.quote_index, q.article_source, q.search_vector, q.published_at, q.speaker_id,
                   (SELECT array_agg(l.known_entity_id ORDER BY l.known_entity_id) FROM quote_entities l
                    WHERE l.article_id = q.article_id AND l.quote_index = q.quote_index AND l.known_entity_id IS NOT NULL)
            FROM quotes q
            WHERE q.article_seq = ANY(@articleSeqs)
            """,
            new { articleSeqs },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Deletes the search vectors of the given articles (when a new version replaces them).</summary>
    public static async Task DeleteForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
    {
        // The ingest orders first, so that the delete names them and PostgreSQL visits only their partitions.
        var articleSeqs = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT seq FROM articles WHERE id = ANY(@articleIds)", new { articleIds }, transaction, cancellationToken: cancellationToken))).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quote_search WHERE article_seq = ANY(@articleSeqs)", new { articleSeqs }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The newest <paramref name="count"/> quotes matching the filter's words, outlet and time, newest first, after
    /// the keyset position when given; each with its relevance when <paramref name="ranked"/>.
    /// </summary>
    /// <remarks>
    /// The partition of the newest article is searched first, then the two before it, then four, and so on: a
    /// phrase common enough to fill the page is answered from one small index, and a rare one needs a few ranges,
    /// each with short posting lists. One statement over all partitions would let PostgreSQL pick a plan for the
    /// whole store from a match estimate that is often far off (see migration 0006).
    /// With a publication-time window the ranges stay one partition wide until one has a match, for the first
    /// <see cref="SinglePartitionSteps"/> partitions: partitions newer than the window cost an empty index scan each
    /// (migration 0008), but a wide range reaching into the window would read every match of its partitions inside
    /// it, when the newest of them may hold the whole page. After that the ranges double as without a window, so
    /// that a window with no match at all still takes a few statements rather than one per partition.
    /// </remarks>
    public static async Task<List<TextMatch>> NewestMatchesAsync(
        NpgsqlConnection connection,
        QuoteFilter filter,
        RegistryIdFilter ids,
        QuoteKeyset? after,
        int count,
        bool ranked,
        bool distributed,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var sql = MatchesSql(filter, ids, after, ranked, parameters);
        // Newest first, a next page starts where the previous one ended; ranked, every page ranks the same newest matches.
        // Ingest orders start at 1: 0 means nothing is stored.
        var start = after is { } position && !ranked
            ? position.ArticleSeq
            : await PreparedStatements.ScalarAsync<long>(connection, distributed ? NewestSeqOnCitusSql : "SELECT max(seq) FROM articles", cancellationToken);
        var matches = new List<TextMatch>();
        if (start <= 0)
        {
            return matches;
        }

        var windowed = filter.PublishedAfter is not null || filter.PublishedBefore is not null;
        var (low, high, width) = (start / PartitionWidth * PartitionWidth, start + 1, PartitionWidth);
        for (var step = 1; ; step++)
        {
            parameters.Add("low", low);
            parameters.Add("high", high);
            parameters.Add("count", count - matches.Count);
            matches.AddRange(await connection.QueryAsync<TextMatch>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)));
            if (matches.Count >= count || low <= 0)
            {
                return matches;
            }

            var stayNarrow = windowed && matches.Count == 0 && step < SinglePartitionSteps;
            (high, width) = (low, stayNarrow ? width : width * 2);
            low = Math.Max(0, low - width);
        }
    }

    /// <summary>
    /// On Citus, the newest ingest order is the last value of the coordinator's identity sequence, where every insert
    /// draws it (docs/scaling.md): <c>max(seq)</c> would ask every shard. A value drawn by an insert not yet committed
    /// (or rolled back) is at most a little above the newest stored article, which only widens the first range.
    /// </summary>
    private const string NewestSeqOnCitusSql = "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('articles', 'seq')), 0)";

    // One range's matches: article_seq in [@low, @high), at most @count of them.
    private static string MatchesSql(QuoteFilter filter, RegistryIdFilter ids, QuoteKeyset? after, bool ranked, DynamicParameters parameters)
    {
        var where = new StringBuilder(
            "s.search_vector @@ websearch_to_tsquery('english', @text) AND s.article_seq >= @low AND s.article_seq < @high");
        parameters.Add("text", filter.Text);
        if (filter.Source is not null)
        {
            where.Append(" AND lower(s.article_source) = lower(@source)");
            parameters.Add("source", filter.Source);
        }

        // Both in the full-text index with the words, as arrays: one index condition however many ids (migration 0010).
        if (ids.Speakers is not null)
        {
            where.Append(" AND ARRAY[s.speaker_id] && @speakerIds");
            parameters.Add("speakerIds", ids.Speakers);
        }

        if (ids.Entities is not null)
        {
            where.Append(" AND s.entity_ids && @entityIds");
            parameters.Add("entityIds", ids.Entities);
        }

        QuotesTable.AppendPublicationTime(where, filter, parameters, "s.published_at");

        // Newest first, the page starts after the keyset; ranked, the caller ranks the newest matches and cuts there.
        if (after is { } position && !ranked)
        {
            where.Append(" AND (s.article_seq < @afterSeq OR (s.article_seq = @afterSeq AND s.quote_index > @afterIndex))");
            parameters.Add("afterSeq", position.ArticleSeq);
            parameters.Add("afterIndex", position.QuoteIndex);
        }

        var matches = $"""
            SELECT s.article_id, s.article_seq, s.quote_index, s.search_vector
            FROM quote_search s
            WHERE {where}
            ORDER BY s.article_seq DESC, s.quote_index
            LIMIT @count
            """;
        // Ranked after the limit: PostgreSQL would otherwise rank every match it sorts.
        var rank = ranked ? "ts_rank_cd(m.search_vector, websearch_to_tsquery('english', @text))" : "0::real";
        return $"SELECT m.article_id, m.article_seq, m.quote_index, {rank} AS rank FROM ({matches}) m";
    }
}

/// <summary>The registry ids a search by words is limited to: its speakers' and its entities' (null: any).</summary>
internal sealed record RegistryIdFilter(long[]? Speakers, long[]? Entities);

/// <summary>A quote found by its words: its article's ingest order, its index, and its relevance (0 when not ranked).</summary>
internal sealed record TextMatch(string ArticleId, long ArticleSeq, int QuoteIndex, float Rank);
