using System.Data;
using System.Text;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the entity registry: <c>known_entities</c> and <c>known_entity_aliases</c>.</summary>
internal static class KnownEntitiesTable
{
    /// <summary>
    /// Transaction-scoped advisory locks on the surnames (hashed), in sorted order so that transactions locking
    /// overlapping sets queue instead of deadlocking.
    /// </summary>
    public static Task LockSurnamesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] surnames, CancellationToken cancellationToken)
        => surnames.Length == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                SELECT pg_advisory_xact_lock(k)
                FROM (SELECT DISTINCT hashtextextended('person:' || s, 0) AS k FROM unnest(@surnames) AS s ORDER BY 1) l
                """,
                new { surnames },
                transaction,
                cancellationToken: cancellationToken));

    /// <summary>Registry entries that answer to one of the keys (as their own key or as an alias) of a type.</summary>
    public static async Task<IReadOnlyList<AliasHit>> FindByAliasAsync(
        IDbConnection connection, IDbTransaction? transaction, string type, string[] keys, CancellationToken cancellationToken)
        => keys.Length == 0
            ? []
            : (await connection.QueryAsync<AliasHit>(new CommandDefinition(
                """
                SELECT a.alias_key, k.id, k.name_key FROM known_entity_aliases a
                JOIN known_entities k ON k.id = a.known_entity_id
                WHERE a.type = @type AND a.alias_key = ANY(@keys)
                """,
                new { type, keys },
                transaction,
                cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// Creates the entries that do not exist yet and returns the ones this call created. Keys go in sorted order so
    /// that two transactions creating overlapping sets wait for each other instead of deadlocking.
    /// </summary>
    public static async Task<IReadOnlyList<RegistryKey>> InsertMissingAsync(
        IDbConnection connection, IDbTransaction transaction, IReadOnlyList<NewKnownEntity> entities, CancellationToken cancellationToken)
        => entities.Count == 0
            ? []
            : (await connection.QueryAsync<RegistryKey>(new CommandDefinition(
                """
                INSERT INTO known_entities (type, name_key, name)
                SELECT * FROM unnest(@types, @keys, @names) ORDER BY 1, 2
                ON CONFLICT (type, name_key) DO NOTHING
                RETURNING id, type, name_key
                """,
                new
                {
                    types = entities.Select(e => e.Type).ToArray(),
                    keys = entities.Select(e => e.NameKey).ToArray(),
                    names = entities.Select(e => e.Name).ToArray(),
                },
                transaction,
                cancellationToken: cancellationToken))).AsList();

    public static Task AddAliasesAsync(
        IDbConnection connection,
        IDbTransaction transaction,
        IReadOnlyList<(string Type, string Alias, long Id)> aliases,
        CancellationToken cancellationToken)
        => aliases.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO known_entity_aliases (type, alias_key, known_entity_id)
                SELECT * FROM unnest(@types, @aliases, @ids) ORDER BY 1, 2, 3
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    types = aliases.Select(a => a.Type).ToArray(),
                    aliases = aliases.Select(a => a.Alias).ToArray(),
                    ids = aliases.Select(a => a.Id).ToArray(),
                },
                transaction,
                cancellationToken: cancellationToken));

    /// <summary>Ids of entries by type and key.</summary>
    public static async Task<IReadOnlyList<RegistryKey>> IdsAsync(
        IDbConnection connection,
        IDbTransaction? transaction,
        IReadOnlyList<(string Type, string NameKey)> keys,
        CancellationToken cancellationToken)
        => keys.Count == 0
            ? []
            : (await connection.QueryAsync<RegistryKey>(new CommandDefinition(
                """
                SELECT k.id, k.type, k.name_key FROM known_entities k
                JOIN unnest(@types, @keys) AS w(type, name_key) ON w.type = k.type AND w.name_key = k.name_key
                """,
                new { types = keys.Select(k => k.Type).ToArray(), keys = keys.Select(k => k.NameKey).ToArray() },
                transaction,
                cancellationToken: cancellationToken))).AsList();

    /// <summary>What the given articles added to the registry's counters (to take back when they are replaced).</summary>
    public static async Task<IReadOnlyList<RegistryDelta>> ContributionsAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
        => (await connection.QueryAsync<RegistryDelta>(new CommandDefinition(
            """
            SELECT c.id, sum(mentions)::bigint AS mentions, sum(quotes)::bigint AS quotes, count(DISTINCT c.article_id) AS articles,
                   count(DISTINCT c.article_id) FILTER (WHERE g.genders = ARRAY['FEMALE']) AS female_articles,
                   count(DISTINCT c.article_id) FILTER (WHERE g.genders = ARRAY['MALE']) AS male_articles
            FROM (SELECT known_entity_id AS id, article_id, mention_count AS mentions, 0 AS quotes
                  FROM entities WHERE article_id = ANY(@articleIds) AND known_entity_id IS NOT NULL
                  UNION ALL
                  SELECT speaker_id, article_id, 0, 1
                  FROM quotes WHERE article_id = ANY(@articleIds) AND speaker_id IS NOT NULL) c
            -- The genders an article gave the entry, as RegistryCounters counted them: one of the two, or neither.
            LEFT JOIN (SELECT known_entity_id AS id, article_id, array_agg(DISTINCT gender ORDER BY gender) AS genders
                       FROM entities
                       WHERE article_id = ANY(@articleIds) AND known_entity_id IS NOT NULL AND gender IN ('FEMALE', 'MALE')
                       GROUP BY 1, 2) g ON g.id = c.id AND g.article_id = c.article_id
            GROUP BY c.id
            """,
            new { articleIds },
            transaction,
            cancellationToken: cancellationToken))).AsList();

    /// <summary>Appends counter changes to the log that <see cref="FoldDeltasAsync"/> adds to the entries.</summary>
    public static Task AppendDeltasAsync(
        IDbConnection connection, IDbTransaction transaction, IReadOnlyList<RegistryDelta> deltas, CancellationToken cancellationToken)
        => deltas.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO known_entity_deltas (known_entity_id, mentions, quotes, articles, first_seen, last_seen, name,
                                                 female_articles, male_articles)
                SELECT * FROM unnest(@ids, @mentions, @quotes, @articles, @firstSeen, @lastSeen, @names, @female, @male)
                """,
                new
                {
                    ids = deltas.Select(d => d.Id).ToArray(),
                    mentions = deltas.Select(d => d.Mentions).ToArray(),
                    quotes = deltas.Select(d => d.Quotes).ToArray(),
                    articles = deltas.Select(d => d.Articles).ToArray(),
                    firstSeen = deltas.Select(d => d.FirstSeen).ToArray(),
                    lastSeen = deltas.Select(d => d.LastSeen).ToArray(),
                    names = deltas.Select(d => d.Name).ToArray(),
                    female = deltas.Select(d => d.FemaleArticles).ToArray(),
                    male = deltas.Select(d => d.MaleArticles).ToArray(),
                },
                transaction,
                cancellationToken: cancellationToken));

    /// <summary>
    /// Adds every committed counter change to its entry and empties the log, in one transaction; returns the number of
    /// entries changed. One folder at a time (an advisory lock), so that folders never deadlock one another; changes
    /// committed meanwhile stay for the next fold.
    /// </summary>
    public static async Task<int> FoldDeltasAsync(IDbConnection connection, IDbTransaction transaction, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('known_entity_deltas', 0))", transaction: transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            WITH moved AS (DELETE FROM known_entity_deltas RETURNING *),
            sums AS (
                SELECT known_entity_id AS id, sum(mentions) AS mentions, sum(quotes) AS quotes, sum(articles) AS articles,
                       min(first_seen) AS first_seen, max(last_seen) AS last_seen,
                       sum(female_articles) AS female_articles, sum(male_articles) AS male_articles,
                       (array_agg(name ORDER BY length(name) DESC NULLS LAST))[1] AS name
                FROM moved GROUP BY known_entity_id)
            UPDATE known_entities k SET
                mention_count = k.mention_count + s.mentions,
                quote_count = k.quote_count + s.quotes,
                article_count = k.article_count + s.articles,
                female_articles = k.female_articles + s.female_articles,
                male_articles = k.male_articles + s.male_articles,
                first_seen = least(k.first_seen, s.first_seen),
                last_seen = greatest(k.last_seen, s.last_seen),
                name = CASE WHEN length(s.name) > length(k.name) THEN s.name ELSE k.name END
            FROM sums s
            WHERE k.id = s.id
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Registry entries a user's query names: those whose key or alias is the normalized query ("Zakharova" means
    /// Maria Zakharova, not also Zakharov); only when there are none, those whose display name contains the query.
    /// </summary>
    public static async Task<long[]> MatchAsync(IDbConnection connection, string query, string nameKey, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        return (await connection.QueryAsync<long>(new CommandDefinition(
            MatchSql(parameters, "name", query, nameKey, 1000), parameters, cancellationToken: cancellationToken))).ToArray();
    }

    /// <summary>
    /// The statement of <see cref="MatchAsync"/> (one column, <c>id</c>), to be used inside another statement, with
    /// its parameters added under the given prefix; at most <paramref name="limit"/> entries.
    /// </summary>
    public static string MatchSql(DynamicParameters parameters, string prefix, string query, string nameKey, int limit)
    {
        parameters.Add($"{prefix}Key", nameKey);
        parameters.Add($"{prefix}Contains", SqlPatterns.Contains(query));
        return $"""
            WITH exact AS (
                SELECT k.id FROM known_entities k WHERE k.name_key = @{prefix}Key
                UNION
                SELECT a.known_entity_id FROM known_entity_aliases a WHERE a.alias_key = @{prefix}Key)
            SELECT id FROM exact
            UNION ALL
            SELECT k.id FROM known_entities k
            WHERE NOT EXISTS (SELECT 1 FROM exact) AND k.name ILIKE @{prefix}Contains ESCAPE '\'
            ORDER BY 1
            LIMIT {limit}
            """;
    }

    /// <summary>
    /// Registry entries, most mentioned (or, for speakers, most quoted) first, after the keyset position when given.
    /// </summary>
    public static async Task<IReadOnlyList<KnownEntityRow>> ListAsync(
        IDbConnection connection, KnownEntityFilter filter, RegistryKeyset? after, int limit, CancellationToken cancellationToken)
    {
        var countColumn = filter.SpeakersOnly ? "quote_count" : "mention_count";
        var where = new StringBuilder(filter.SpeakersOnly ? "k.quote_count > 0" : "k.article_count > 0");
        var parameters = new DynamicParameters();
        if (filter.Type is not null)
        {
            where.Append(" AND k.type = @type");
            parameters.Add("type", filter.Type);
        }

        if (filter.Ids is not null)
        {
            where.Append(" AND k.id = ANY(@ids)");
            parameters.Add("ids", filter.Ids);
        }

        if (after is { } position)
        {
            where.Append($"""
                 AND (k.{countColumn} < @afterCount
                      OR (k.{countColumn} = @afterCount AND (k.name, k.id) > (@afterName COLLATE "C", @afterId)))
                """);
            parameters.Add("afterCount", position.Count);
            parameters.Add("afterName", position.Name);
            parameters.Add("afterId", position.Id);
        }

        parameters.Add("limit", limit);
        return (await connection.QueryAsync<KnownEntityRow>(new CommandDefinition(
            $"""
             SELECT k.id, k.type, k.name, k.mention_count, k.quote_count, k.article_count, k.first_seen, k.last_seen,
                    CASE WHEN k.female_articles > k.male_articles THEN 'FEMALE'
                         WHEN k.male_articles > k.female_articles THEN 'MALE'
                         ELSE 'UNKNOWN' END AS gender,
                    ARRAY(SELECT a.alias_key FROM known_entity_aliases a
                          WHERE a.known_entity_id = k.id AND a.alias_key <> k.name_key ORDER BY a.alias_key) AS aliases
             FROM known_entities k
             WHERE {where}
             ORDER BY k.{countColumn} DESC, k.name COLLATE "C", k.id
             LIMIT @limit
             """,
            parameters,
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>A registry entry that answers to an alias key.</summary>
    internal sealed record AliasHit
    {
        public required string AliasKey { get; init; }

        public long Id { get; init; }

        public required string NameKey { get; init; }
    }
}

/// <summary>An entry to create in the registry.</summary>
internal sealed record NewKnownEntity(string Type, string NameKey, string Name);

/// <summary>A registry entry's id with its type and key.</summary>
internal sealed record RegistryKey
{
    public long Id { get; init; }

    public required string Type { get; init; }

    public required string NameKey { get; init; }
}

/// <summary>Changes to one registry entry's counters.</summary>
internal sealed record RegistryDelta
{
    public long Id { get; init; }

    public long Mentions { get; init; }

    public long Quotes { get; init; }

    public long Articles { get; init; }

    /// <summary>Publication (or ingest) time of the oldest article behind the change; null when only subtracting.</summary>
    public DateTime? FirstSeen { get; init; }

    /// <summary>Publication (or ingest) time of the newest article behind the change; null when only subtracting.</summary>
    public DateTime? LastSeen { get; init; }

    /// <summary>A spelling of the name seen in the change; the registry keeps the longest.</summary>
    public string? Name { get; init; }

    /// <summary>Articles that call the entry female (and not also male).</summary>
    public long FemaleArticles { get; init; }

    /// <summary>Articles that call the entry male (and not also female).</summary>
    public long MaleArticles { get; init; }
}

/// <summary>Where a page of a registry listing ends: the sort key of its last entry.</summary>
internal sealed record RegistryKeyset(long Count, string Name, long Id);

/// <summary>Filters of a registry listing; null means "any".</summary>
internal sealed record KnownEntityFilter(bool SpeakersOnly, string? Type = null, long[]? Ids = null);

/// <summary>One registry entry with its counters.</summary>
internal sealed record KnownEntityRow
{
    public long Id { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public long MentionCount { get; init; }

    public long QuoteCount { get; init; }

    public long ArticleCount { get; init; }

    public DateTime? FirstSeen { get; init; }

    public DateTime? LastSeen { get; init; }

    /// <summary>The majority of the genders articles give it ("FEMALE", "MALE"); "UNKNOWN" when tied or none.</summary>
    public string Gender { get; init; } = "UNKNOWN";

    public string[] Aliases { get; init; } = [];
}
