using System.Data;
using System.Text;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>
/// SQL for the pre-aggregated quote statistics (migration 0013): <c>quote_stats</c> (quotes per week, outlet, speaker
/// type, gender and speaker; <c>quote_speaker_weeks</c>, 0014, the same summed over outlets) and <c>quote_timeline</c> (a speaker's quotes about an entity per week), each with its
/// append-only log of changes (<c>*_deltas</c>) that <see cref="FoldDeltasAsync"/> adds to it.
/// </summary>
internal static class QuoteStatsTable
{
    /// <summary>
    /// Added to a dimension for the running totals of one outlet, whose keys start with the outlet in lower case and
    /// a unit separator: "harbour gazette\u001f2024-03-04".
    /// </summary>
    public const int OneOutlet = 10;

    private const string OutletPrefix = "lower(outlet) || chr(31)";

    // Publication week (Monday, UTC) of a quote; ingest time for undated articles, the same when taking back.
    private const string WeekOfQuote = "date_trunc('week', coalesce(q.published_at, a.ingested_at) AT TIME ZONE 'UTC')::date";

    /// <summary>
    /// Appends what the given stored articles contribute to the statistics (<paramref name="sign"/> 1), or takes it
    /// back (-1, before a replaced article's rows are deleted). Computed from the stored rows both ways, so that a
    /// replacement subtracts exactly what was added.
    /// </summary>
    public static Task AppendForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, int sign, CancellationToken cancellationToken)
        => articleIds.Length == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                $"""
                 INSERT INTO quote_stats_deltas (week, outlet, speaker_type, gender, speaker_id, quotes)
                 SELECT {WeekOfQuote},
                        coalesce(q.article_source, ''),
                        CASE WHEN e.type IN ('PERSON', 'ORG') THEN e.type ELSE 'UNKNOWN' END,
                        CASE WHEN e.type = 'PERSON' THEN coalesce(e.gender, 'UNKNOWN') ELSE 'UNKNOWN' END,
                        coalesce(q.speaker_id, 0),
                        @sign * count(*)
                 FROM quotes q
                 JOIN articles a ON a.id = q.article_id
                 LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_key = q.speaker_entity_key
                 WHERE q.article_id = ANY(@articleIds)
                 GROUP BY 1, 2, 3, 4, 5;

                 INSERT INTO quote_timeline_deltas (speaker_id, about_id, week, quotes)
                 SELECT q.speaker_id, q.known_entity_id, {WeekOfQuote}, @sign * count(DISTINCT (q.article_id, q.quote_index))
                 FROM quote_entities q
                 JOIN articles a ON a.id = q.article_id
                 WHERE q.article_id = ANY(@articleIds) AND q.speaker_id IS NOT NULL AND q.known_entity_id IS NOT NULL
                 GROUP BY 1, 2, 3;
                 """,
                new { articleIds, sign },
                transaction,
                cancellationToken: cancellationToken));

    /// <summary>
    /// Adds the logged changes to both tables and empties the logs, in one transaction; the number of rows changed.
    /// One folder at a time (an advisory lock); rows that reach zero are removed.
    /// </summary>
    public static async Task<int> FoldDeltasAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('quote_stats_deltas', 0))", transaction: transaction, cancellationToken: cancellationToken));
        // One statement: the detail rows, each dimension's speakers per key, and the running totals, where a speaker
        // counts in (out) when their quotes under a key go from zero to more (from more to zero). The presence
        // rows' RETURNING gives the new count; the old one is the new minus this fold's change.
        var stats = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"""
             WITH moved AS (DELETE FROM quote_stats_deltas RETURNING *),
             sums AS (
                 SELECT week, outlet, speaker_type, gender, speaker_id, sum(quotes)::bigint AS quotes FROM moved
                 GROUP BY 1, 2, 3, 4, 5),
             detail AS (
                 INSERT INTO quote_stats AS s (week, outlet, speaker_type, gender, speaker_id, quotes)
                 SELECT * FROM sums ORDER BY 1, 2, 3, 4, 5
                 ON CONFLICT (week, outlet, speaker_type, gender, speaker_id) DO UPDATE SET quotes = s.quotes + excluded.quotes
                 RETURNING 1),
             speaker_weeks AS (
                 INSERT INTO quote_speaker_weeks AS w (week, speaker_type, gender, speaker_id, quotes)
                 SELECT week, speaker_type, gender, speaker_id, sum(quotes)::bigint FROM sums GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                 ON CONFLICT (week, speaker_type, gender, speaker_id) DO UPDATE SET quotes = w.quotes + excluded.quotes
                 RETURNING 1),
             per_key AS (
                 SELECT {(int)StatsDimension.Outlet}::smallint AS dimension, outlet AS key, speaker_id, sum(quotes)::bigint AS quotes
                 FROM sums GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.Week}::smallint, to_char(week, 'YYYY-MM-DD'), speaker_id, sum(quotes)::bigint FROM sums GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.Gender}::smallint, gender, speaker_id, sum(quotes)::bigint
                 FROM sums WHERE speaker_type = 'PERSON' GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.SpeakerType}::smallint, speaker_type, speaker_id, sum(quotes)::bigint FROM sums GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.Outlet + OneOutlet}::smallint, {OutletPrefix} || outlet, speaker_id, sum(quotes)::bigint
                 FROM sums GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.Week + OneOutlet}::smallint, {OutletPrefix} || to_char(week, 'YYYY-MM-DD'), speaker_id, sum(quotes)::bigint
                 FROM sums GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.Gender + OneOutlet}::smallint, {OutletPrefix} || gender, speaker_id, sum(quotes)::bigint
                 FROM sums WHERE speaker_type = 'PERSON' GROUP BY 2, 3
                 UNION ALL
                 SELECT {(int)StatsDimension.SpeakerType + OneOutlet}::smallint, {OutletPrefix} || speaker_type, speaker_id, sum(quotes)::bigint
                 FROM sums GROUP BY 2, 3),
             presence AS (
                 INSERT INTO quote_stats_presence AS p (dimension, key, speaker_id, quotes)
                 SELECT * FROM per_key ORDER BY 1, 2, 3
                 ON CONFLICT (dimension, key, speaker_id) DO UPDATE SET quotes = p.quotes + excluded.quotes
                 RETURNING p.dimension, p.key, p.speaker_id, p.quotes AS after),
             changes AS (
                 SELECT k.dimension, k.key, k.quotes,
                        CASE WHEN k.speaker_id = 0 THEN 0
                             WHEN pr.after > 0 AND pr.after - k.quotes <= 0 THEN 1
                             WHEN pr.after <= 0 AND pr.after - k.quotes > 0 THEN -1
                             ELSE 0 END AS speakers
                 FROM per_key k JOIN presence pr USING (dimension, key, speaker_id)),
             totals AS (
                 INSERT INTO quote_stats_totals AS t (dimension, key, quotes, speakers)
                 SELECT dimension, key, sum(quotes), sum(speakers) FROM changes GROUP BY 1, 2 ORDER BY 1, 2
                 ON CONFLICT (dimension, key) DO UPDATE SET quotes = t.quotes + excluded.quotes, speakers = t.speakers + excluded.speakers
                 RETURNING 1)
             SELECT (SELECT count(*) FROM detail) + (SELECT count(*) FROM speaker_weeks) + (SELECT count(*) FROM totals)
             """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        var timeline = await connection.ExecuteAsync(new CommandDefinition(
            """
            WITH moved AS (DELETE FROM quote_timeline_deltas RETURNING *)
            INSERT INTO quote_timeline AS t (speaker_id, about_id, week, quotes)
            SELECT speaker_id, about_id, week, sum(quotes) FROM moved
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            ON CONFLICT (speaker_id, about_id, week) DO UPDATE SET quotes = t.quotes + excluded.quotes
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        if (stats + timeline > 0)
        {
            // Only replaced articles bring counts to zero, so these deletes are rare and small in practice.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM quote_stats WHERE quotes = 0;
                DELETE FROM quote_speaker_weeks WHERE quotes = 0;
                DELETE FROM quote_stats_presence WHERE quotes = 0;
                DELETE FROM quote_timeline WHERE quotes = 0;
                """,
                transaction: transaction,
                cancellationToken: cancellationToken));
        }

        return stats + timeline;
    }

    /// <summary>
    /// Quotes and distinct speakers per value of one dimension, table and log read together. Weeks are whole: a week
    /// counts when it overlaps [<see cref="QuoteStatsFilter.After"/>, <see cref="QuoteStatsFilter.Before"/>).
    /// </summary>
    public static async Task<IReadOnlyList<StatsGroupRow>> StatsAsync(
        IDbConnection connection, StatsDimension by, QuoteStatsFilter filter, CancellationToken cancellationToken)
    {
        if (filter.UsesTotals)
        {
            // The running totals, which the fold keeps: read after a fold, they count everything stored.
            var prefix = filter.Outlet is { } outlet ? outlet.ToLowerInvariant() + "\u001f" : string.Empty;
            return (await connection.QueryAsync<StatsGroupRow>(new CommandDefinition(
                """
                SELECT substr(key, length(@prefix) + 1) AS key, quotes, speakers FROM quote_stats_totals
                WHERE dimension = @dimension AND left(key, length(@prefix)) = @prefix AND quotes > 0
                ORDER BY substr(key, length(@prefix) + 1) COLLATE "C"
                """,
                new { dimension = (short)((int)by + (filter.Outlet is null ? 0 : OneOutlet)), prefix },
                cancellationToken: cancellationToken))).AsList();
        }

        var where = new StringBuilder("TRUE");
        var parameters = new DynamicParameters();
        if (filter.Outlet is not null)
        {
            where.Append(" AND lower(outlet) = lower(@outlet)");
            parameters.Add("outlet", filter.Outlet);
        }

        if (filter.After is { } after)
        {
            // The week containing `after` still overlaps the range.
            where.Append(" AND week > (@after::timestamptz AT TIME ZONE 'UTC')::date - 7");
            parameters.Add("after", after);
        }

        if (filter.Before is { } before)
        {
            where.Append(" AND week < @before::timestamptz AT TIME ZONE 'UTC'");
            parameters.Add("before", before);
        }

        if (filter.SpeakerIds is not null)
        {
            where.Append(" AND speaker_id = ANY(@speakerIds)");
            parameters.Add("speakerIds", filter.SpeakerIds);
        }

        if (by == StatsDimension.Gender)
        {
            // Gender is a person's: organizations and unnamed speakers are counted by speaker type instead.
            where.Append(" AND speaker_type = 'PERSON'");
        }

        // Without an outlet filter, the rows summed over outlets answer (0014): one per speaker and week instead of one
        // per outlet too. Statistics by outlet need the outlet, so they read quote_stats.
        var table = filter.Outlet is null && by != StatsDimension.Outlet ? "quote_speaker_weeks" : "quote_stats";
        var key = by switch
        {
            StatsDimension.Outlet => "outlet",
            StatsDimension.Week => "week",
            StatsDimension.Gender => "gender",
            StatsDimension.SpeakerType => "speaker_type",
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, null),
        };
        var outerKey = by == StatsDimension.Week ? "to_char(per_speaker.key, 'YYYY-MM-DD')" : "per_speaker.key";
        return (await connection.QueryAsync<StatsGroupRow>(new CommandDefinition(
            $"""
             WITH rows AS (
                 SELECT {key} AS key, speaker_id, quotes FROM {table} WHERE {where}
                 UNION ALL
                 SELECT {key}, speaker_id, quotes FROM quote_stats_deltas WHERE {where}),
             per_speaker AS (
                 SELECT key, speaker_id, sum(quotes) AS quotes FROM rows GROUP BY key, speaker_id)
             SELECT {outerKey} AS key, sum(quotes)::bigint AS quotes, count(*) FILTER (WHERE speaker_id <> 0 AND quotes > 0) AS speakers
             FROM per_speaker
             GROUP BY per_speaker.key
             HAVING sum(quotes) > 0
             ORDER BY {outerKey} COLLATE "C"
             """,
            parameters,
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Quotes per week of the speakers about the entities (registry ids), table and log together, oldest first.</summary>
    public static async Task<IReadOnlyList<TimelineWeekRow>> TimelineAsync(
        IDbConnection connection, long[] speakerIds, long[] aboutIds, CancellationToken cancellationToken)
        => (await connection.QueryAsync<TimelineWeekRow>(new CommandDefinition(
            """
            SELECT week::timestamp AS week, sum(quotes)::bigint AS quotes
            FROM (SELECT week, quotes FROM quote_timeline WHERE speaker_id = ANY(@speakerIds) AND about_id = ANY(@aboutIds)
                  UNION ALL
                  SELECT week, quotes FROM quote_timeline_deltas WHERE speaker_id = ANY(@speakerIds) AND about_id = ANY(@aboutIds)) t
            GROUP BY week
            HAVING sum(quotes) > 0
            ORDER BY week
            """,
            new { speakerIds, aboutIds },
            cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// The earliest (or latest) quote of the speakers that mentions one of the entities, by publication time (ingest
    /// order for undated articles); null when there is none.
    /// </summary>
    public static Task<QuoteHitRow?> EdgeQuoteAsync(
        IDbConnection connection, long[] speakerIds, long[] aboutIds, bool latest, CancellationToken cancellationToken)
    {
        var direction = latest ? "DESC" : "ASC";
        return connection.QuerySingleOrDefaultAsync<QuoteHitRow>(new CommandDefinition(
            $"""
             SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at,
                    q.article_seq, {QuotesTable.QuoteColumns}
             FROM (SELECT DISTINCT article_id, quote_index, article_seq, published_at FROM quote_entities
                   WHERE known_entity_id = ANY(@aboutIds) AND speaker_id = ANY(@speakerIds)) l
             JOIN quotes q ON q.article_id = l.article_id AND q.quote_index = l.quote_index
             JOIN articles a ON a.id = l.article_id
             ORDER BY coalesce(l.published_at, a.ingested_at) {direction}, l.article_seq {direction}, l.quote_index {direction}
             LIMIT 1
             """,
            new { speakerIds, aboutIds },
            cancellationToken: cancellationToken));
    }
}

/// <summary>What quote statistics are grouped by; the values are stored (<c>quote_stats_totals.dimension</c>).</summary>
internal enum StatsDimension
{
    Outlet = 1,
    Week = 2,
    Gender = 3,
    SpeakerType = 4,
}

/// <summary>Filters of quote statistics; null means "any".</summary>
internal sealed record QuoteStatsFilter
{
    /// <summary>The outlet, matched case-insensitively.</summary>
    public string? Outlet { get; init; }

    public DateTime? After { get; init; }

    public DateTime? Before { get; init; }

    /// <summary>Registry ids of the speakers counted; empty matches nothing.</summary>
    public long[]? SpeakerIds { get; init; }

    /// <summary>
    /// Whether the running totals answer (no filter, or only an outlet); else the statistics table and its log do.
    /// </summary>
    public bool UsesTotals => After is null && Before is null && SpeakerIds is null;
}

/// <summary>One group of quote statistics.</summary>
internal sealed record StatsGroupRow
{
    public required string Key { get; init; }

    public long Quotes { get; init; }

    public long Speakers { get; init; }
}

/// <summary>One week of a speaker's quotes about an entity.</summary>
internal sealed record TimelineWeekRow
{
    /// <summary>Monday (UTC) of the week.</summary>
    public DateTime Week { get; init; }

    public long Quotes { get; init; }
}
