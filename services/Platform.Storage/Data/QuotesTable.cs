using System.Data;
using System.Text;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>quotes</c> table and its links to entities (<c>quote_entities</c>).</summary>
internal static class QuotesTable
{
    /// <summary>How many of the newest matches a search by relevance ranks.</summary>
    public const int RelevanceWindow = 300;

    // Columns in QuoteRow order; the entity keys come from quote_entities.
    internal const string QuoteColumns = """
        q.quote_index, q.start_offset, q.end_offset, q.text, q.kind, q.speaker_name, q.speaker_entity_key,
        q.speaker_start, q.speaker_end, q.cue, q.channel, q.confidence, q.speaker_id, q.group_id,
        ARRAY(SELECT qe.entity_key FROM quote_entities qe
              WHERE qe.article_id = q.article_id AND qe.quote_index = q.quote_index ORDER BY qe.entity_key) AS entity_keys
        """;

    // A search hit in QuoteHitRow order: the page's rank (p), the quote (q) and its article (a).
    private const string HitColumns = $"""
        p.rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at, q.article_seq,
        {QuoteColumns}
        """;

    /// <summary>Deletes the quotes of the given articles and their links to entities (when a new version replaces them).</summary>
    public static Task DeleteForArticlesAsync(
        IDbConnection connection, IDbTransaction transaction, string[] articleIds, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM quote_entities WHERE article_id = ANY(@articleIds);
            DELETE FROM quotes WHERE article_id = ANY(@articleIds);
            """,
            new { articleIds },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Writes the quotes of new articles and their links to the entities they mention by COPY. Both carry the
    /// article's ingest order and registry ids, so that searches by speaker or entity walk one index in page order.
    /// </summary>
    /// <param name="groupIds">Each quote's group (by article id, then quote index), or none.</param>
    public static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<StagedArticle> articles, IReadOnlyDictionary<string, long?[]> groupIds, CancellationToken cancellationToken)
    {
        await TextCopy.WriteAsync(
            connection,
            """
            COPY quotes (article_id, quote_index, start_offset, end_offset, text, kind, speaker_name, speaker_entity_key,
                         speaker_start, speaker_end, cue, channel, confidence, article_seq, speaker_id, article_source,
                         published_at, group_id)
            FROM STDIN
            """,
            articles.SelectMany(a => a.Record.Quotes.Select(q => (a, q))),
            (copy, row) =>
            {
                var (article, quote) = row;
                copy.Text(article.Record.Article.Id);
                copy.Integer(quote.QuoteIndex);
                copy.Integer(quote.StartOffset);
                copy.Integer(quote.EndOffset);
                copy.Text(quote.Text);
                copy.Text(quote.Kind);
                copy.Text(quote.SpeakerName);
                copy.Text(quote.SpeakerEntityKey);
                copy.Integer(quote.SpeakerStart);
                copy.Integer(quote.SpeakerEnd);
                copy.Text(quote.Cue);
                copy.Text(quote.Channel);
                copy.Real(quote.Confidence);
                copy.Integer(article.Seq);
                copy.Integer(article.Resolved.SpeakerIds[quote.QuoteIndex]);
                copy.Text(article.Record.Article.Source);
                copy.Timestamp(article.Record.Article.PublishedAt);
                copy.Integer(groupIds.TryGetValue(article.Record.Article.Id, out var groups) ? groups[quote.QuoteIndex] : null);
            },
            cancellationToken);

        await TextCopy.WriteAsync(
            connection,
            "COPY quote_entities (article_id, quote_index, entity_key, known_entity_id, article_seq, speaker_id, published_at) FROM STDIN",
            articles.SelectMany(a => a.Record.Quotes.SelectMany(q => q.EntityKeys.Distinct(StringComparer.Ordinal).Select(k => (a, q.QuoteIndex, k)))),
            (copy, row) =>
            {
                var (article, quoteIndex, entityKey) = row;
                copy.Text(article.Record.Article.Id);
                copy.Integer(quoteIndex);
                copy.Text(entityKey);
                copy.Integer(article.Resolved.EntityIds.TryGetValue(entityKey, out var id) ? id : null);
                copy.Integer(article.Seq);
                copy.Integer(article.Resolved.SpeakerIds[quoteIndex]);
                copy.Timestamp(article.Record.Article.PublishedAt);
            },
            cancellationToken);
    }

    public static async Task<IReadOnlyList<QuoteRow>> ForArticleAsync(IDbConnection connection, string articleId, CancellationToken cancellationToken)
        => (await connection.QueryAsync<QuoteRow>(new CommandDefinition(
            $"SELECT {QuoteColumns} FROM quotes q WHERE q.article_id = @articleId ORDER BY q.quote_index",
            new { articleId },
            cancellationToken: cancellationToken))).AsList();

    /// <summary>One quote of an article with the article's text; null when there is no such quote.</summary>
    public static Task<QuoteInArticleRow?> InArticleAsync(IDbConnection connection, string articleId, int quoteIndex, CancellationToken cancellationToken)
        => connection.QuerySingleOrDefaultAsync<QuoteInArticleRow>(new CommandDefinition(
            $"""
            SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at,
                   q.article_seq, a.text AS article_text, {QuoteColumns}
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.article_id = @articleId AND q.quote_index = @quoteIndex
            """,
            new { articleId, quoteIndex },
            cancellationToken: cancellationToken));

    /// <summary>The quotes of a group in order of appearance (earliest publication time, then ingest), at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<QuoteHitRow>> InGroupAsync(IDbConnection connection, long groupId, int limit, CancellationToken cancellationToken)
        => (await connection.QueryAsync<QuoteHitRow>(new CommandDefinition(
            $"""
            SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at,
                   q.article_seq, {QuoteColumns}
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.group_id = @groupId
            ORDER BY q.published_at, q.article_seq, q.quote_index
            LIMIT @limit
            """,
            new { groupId, limit },
            cancellationToken: cancellationToken))).AsList();

    /// <summary>
    /// Quotes matching every given filter, in the filter's order (newest first: most recently ingested articles
    /// first, quotes of one article in text order; or by relevance to the text searched), starting after the keyset
    /// position when given.
    /// </summary>
    public static async Task<IReadOnlyList<QuoteHitRow>> SearchAsync(
        NpgsqlConnection connection, QuoteFilter filter, QuoteKeyset? after, int limit, SearchOptions options, CancellationToken cancellationToken)
    {
        // The registry ids of a search by words, once looked up to choose its way; the walk below reuses them.
        RegistryIdFilter? known = null;
        if (filter is { Text: not null, ArticleId: null })
        {
            var speakers = filter.Speaker is { } speaker ? await RegistryEntriesAsync(connection, speaker, "speaker", cancellationToken) : null;
            var entities = filter.Entity is { } entity ? await RegistryEntriesAsync(connection, entity, "entity", cancellationToken) : null;
            if (speakers is { Length: 0 } || entities is { Length: 0 })
            {
                return [];
            }

            // A walk reads at most the speaker's quotes, or the entity's links (no more than its mentions).
            known = new RegistryIdFilter(speakers?.Select(e => e.Id).ToArray(), entities?.Select(e => e.Id).ToArray());
            var walked = Math.Min(speakers?.Sum(e => e.QuoteCount) ?? long.MaxValue, entities?.Sum(e => e.MentionCount) ?? long.MaxValue);
            if (walked >= options.WalkBelowQuotes)
            {
                return await SearchByWordsAsync(connection, filter, known, after, limit, options.OneScanForAllIds, cancellationToken);
            }
        }

        var parameters = new DynamicParameters();
        var distributed = options.OneScanForAllIds;
        if (distributed && known is null && (filter.Speaker is not null || filter.Entity is not null))
        {
            // On Citus the registry ids are looked up first (reference tables: answered by the coordinator's copy) and
            // sent to the shards as values. Looked up inside the statement, they became an intermediate result the
            // workers' planners knew nothing about: each shard walked all its quotes newest first testing the speaker
            // (a speaker search took 80-160 ms on 40,000 quotes; docs/scaling.md).
            var speakers = filter.Speaker is { } speaker ? await RegistryEntriesAsync(connection, speaker, "speaker", cancellationToken) : null;
            var entities = filter.Entity is { } entity ? await RegistryEntriesAsync(connection, entity, "entity", cancellationToken) : null;
            if (speakers is { Length: 0 } || entities is { Length: 0 })
            {
                return [];
            }

            known = new RegistryIdFilter(speakers?.Select(e => e.Id).ToArray(), entities?.Select(e => e.Id).ToArray());
        }

        var byRelevance = filter.ByRelevance && filter.Text is not null;
        var scan = distributed ? IndexScan.ForShards(filter, known, parameters) : IndexScan.For(filter);
        var where = FilterConditions(filter, scan, parameters);
        var keyset = "TRUE";
        if (after is { } position)
        {
            // Newest first, the keyset goes into the index scans; by relevance, it applies to the ranked rows (h).
            var (seq, index) = byRelevance ? ("h.article_seq", "h.quote_index") : (scan.Seq, $"{scan.Alias}.quote_index");
            keyset = $"({seq} < @afterSeq OR ({seq} = @afterSeq AND {index} > @afterIndex))";
            if (byRelevance)
            {
                keyset = $"(h.rank < @afterRank OR (h.rank = @afterRank AND {keyset}))";
            }

            parameters.Add("afterRank", position.Rank);
            parameters.Add("afterSeq", position.ArticleSeq);
            parameters.Add("afterIndex", position.QuoteIndex);
        }

        parameters.Add("limit", limit);
        // Ranking reads every match's search vector: for common words that is most of the store. Relevance is
        // therefore ranked among the newest RelevanceWindow (300) matches, which bounds the cost whatever the words.
        parameters.Add("window", RelevanceWindow);
        var take = byRelevance ? "@window" : "@limit";
        var needsQuote = filter.Text is not null && !scan.ReadsQuotes;
        var needsArticle = filter.Source is not null && !scan.ReadsQuotes;
        // By relevance, the candidates carry their search vector, so that ranking them needs no second read.
        var vector = byRelevance ? ", q.search_vector" : string.Empty;
        // One scan for all the ids (Citus) finds a quote once per id it is linked to: DISTINCT counts it once.
        var matches = $"""
            SELECT {(scan.LinksRepeat ? "DISTINCT " : "")}{scan.Alias}.article_id, {scan.Alias}.quote_index, {scan.Seq} AS article_seq{vector}
            FROM {scan.Table}
                 {(needsQuote ? $"JOIN quotes q ON q.article_id = {scan.Alias}.article_id AND q.quote_index = {scan.Alias}.quote_index" : "")}
                 {(needsArticle ? $"JOIN articles a ON a.id = {scan.Alias}.article_id" : "")}
            WHERE {where} AND {(byRelevance ? "TRUE" : keyset)}
            ORDER BY {scan.Seq} DESC, {scan.Alias}.quote_index
            LIMIT {take}
            """;
        if (scan.Ids is not null)
        {
            // One scan per registry id, each stopped after a page; a quote linked to two of the ids counts once.
            matches = $"""
                SELECT DISTINCT ON (m.article_seq, m.quote_index) m.*
                FROM {scan.Ids} CROSS JOIN LATERAL ({matches}) m
                ORDER BY m.article_seq DESC, m.quote_index
                LIMIT {take}
                """;
        }

        if (distributed && !byRelevance && !scan.LinksRepeat)
        {
            // On Citus, newest first, one statement that every shard answers whole: its newest page of matches with
            // their quotes and articles (co-located by article id), merged and cut by the coordinator. Reading the
            // page's quotes and articles in a second join over the merged keys cost Citus a second round of every
            // shard, with the keys shipped to each worker as an intermediate result.
            var single = $"""
                SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at,
                       {scan.Seq} AS article_seq, {QuoteColumns}
                FROM {scan.Table}
                     {(scan.ReadsQuotes ? "" : $"JOIN quotes q ON q.article_id = {scan.Alias}.article_id AND q.quote_index = {scan.Alias}.quote_index")}
                     JOIN articles a ON a.id = {scan.Alias}.article_id
                WHERE {where} AND {keyset}
                ORDER BY {scan.Seq} DESC, {scan.Alias}.quote_index
                LIMIT @limit
                """;
            return (await connection.QueryAsync<QuoteHitRow>(new CommandDefinition(single, parameters, cancellationToken: cancellationToken))).AsList();
        }

        // The page's quotes: newest first, the matches themselves; by relevance, the window's matches ranked and the
        // page cut from them before quotes and articles are read for display, so that only a page of them is read.
        var page = byRelevance
            ? $"""
               SELECT * FROM (
                   SELECT p.article_id, p.quote_index, p.article_seq,
                          ts_rank_cd(p.search_vector, websearch_to_tsquery('english', @text)) AS rank
                   FROM ({matches}) p) h
               WHERE {keyset}
               ORDER BY h.rank DESC, h.article_seq DESC, h.quote_index
               LIMIT @limit
               """
            : $"SELECT p.article_id, p.quote_index, p.article_seq, 0::real AS rank FROM ({matches}) p";
        var sql = $"""
            {(distributed ? string.Empty : RegistryIds(filter, known, parameters))}
            SELECT {HitColumns}
            FROM ({page}) p
            JOIN quotes q ON q.article_id = p.article_id AND q.quote_index = p.quote_index
            JOIN articles a ON a.id = q.article_id
            ORDER BY p.rank DESC, p.article_seq DESC, p.quote_index
            """;
        return (await connection.QueryAsync<QuoteHitRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    // A search led by its words (with any outlet, time, and speaker or entity as registry ids): the matches come from
    // quote_search, newest first or the newest window ranked; then the page's quotes and articles are read by key.
    private static async Task<IReadOnlyList<QuoteHitRow>> SearchByWordsAsync(
        NpgsqlConnection connection, QuoteFilter filter, RegistryIdFilter ids, QuoteKeyset? after, int limit, bool distributed,
        CancellationToken cancellationToken)
    {
        var ranked = filter.ByRelevance;
        var matches = await QuoteSearchTable.NewestMatchesAsync(
            connection, filter, ids, after, ranked ? RelevanceWindow : limit, ranked, distributed, cancellationToken);
        IEnumerable<TextMatch> page = matches;
        if (ranked)
        {
            page = matches.OrderByDescending(m => m.Rank).ThenByDescending(m => m.ArticleSeq).ThenBy(m => m.QuoteIndex);
            if (after is { } position)
            {
                page = page.Where(m => position.IsBefore(m.Rank, m.ArticleSeq, m.QuoteIndex));
            }
        }

        var keys = page.Take(limit).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        return distributed ? await PageByArticleIdsAsync(connection, keys, cancellationToken) : await PageByKeysAsync(connection, keys, cancellationToken);
    }

    /// <summary>
    /// On Citus, the page's quotes and articles read by their articles' ids (the distribution column, as values), so
    /// that only the shards holding them are asked: the quotes of those articles at the page's quote indexes are read
    /// and the page's own kept, in its order. Joined with the keys by ingest order (as on one server), every shard
    /// was asked, with the keys shipped to it.
    /// </summary>
    private static async Task<List<QuoteHitRow>> PageByArticleIdsAsync(
        NpgsqlConnection connection, List<TextMatch> keys, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<QuoteHitRow>(new CommandDefinition(
            $"""
            SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source, a.published_at,
                   q.article_seq, {QuoteColumns}
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.article_id = ANY(@articleIds) AND q.quote_index = ANY(@indexes)
            """,
            new { articleIds = keys.Select(k => k.ArticleId).Distinct().ToArray(), indexes = keys.Select(k => k.QuoteIndex).Distinct().ToArray() },
            cancellationToken: cancellationToken));
        var found = rows.ToDictionary(r => (r.ArticleId, r.QuoteIndex));
        return keys.Where(k => found.ContainsKey((k.ArticleId, k.QuoteIndex)))
            .Select(k => found[(k.ArticleId, k.QuoteIndex)] with { Rank = k.Rank })
            .ToList();
    }

    // The page's quotes and articles, read by key in the page's order.
    private const string PageByKeysSql = $"""
        SELECT {HitColumns}
        FROM unnest(@seqs, @indexes, @ranks) WITH ORDINALITY p(article_seq, quote_index, rank, position)
        JOIN quotes q ON q.article_seq = p.article_seq AND q.quote_index = p.quote_index
        JOIN articles a ON a.id = q.article_id
        ORDER BY p.position
        """;

    /// <summary>
    /// Reads the quotes of a page of matches by their keys, prepared: its plan is the same whatever the keys, and
    /// planning it was about a third of its 2.2 ms at p50.
    /// </summary>
    private static Task<List<QuoteHitRow>> PageByKeysAsync(NpgsqlConnection connection, List<TextMatch> keys, CancellationToken cancellationToken)
        => PreparedStatements.QueryAsync<QuoteHitRow>(
            connection,
            PageByKeysSql,
            cancellationToken,
            new NpgsqlParameter<long[]>("seqs", keys.Select(k => k.ArticleSeq).ToArray()),
            new NpgsqlParameter<int[]>("indexes", keys.Select(k => k.QuoteIndex).ToArray()),
            new NpgsqlParameter<float[]>("ranks", keys.Select(k => k.Rank).ToArray()));

    // The search's conditions other than the page position: on the scanned index, the text, the article, its outlet
    // (on the quote when the scan reads quotes, else on the article as "a", joined) and its publication time.
    private static string FilterConditions(QuoteFilter filter, IndexScan scan, DynamicParameters parameters)
    {
        var where = new StringBuilder(scan.Condition);
        if (filter.Text is not null)
        {
            where.Append(" AND q.search_vector @@ websearch_to_tsquery('english', @text)");
            parameters.Add("text", filter.Text);
        }

        if (filter.ArticleId is not null)
        {
            where.Append($" AND {scan.Alias}.article_id = @articleId");
            parameters.Add("articleId", filter.ArticleId);
        }

        if (filter.Source is not null)
        {
            where.Append(scan.ReadsQuotes ? " AND lower(q.article_source) = lower(@source)" : " AND lower(a.source) = lower(@source)");
            parameters.Add("source", filter.Source);
        }

        // On the scanned index's last column (migration 0009): checked on each entry the scan passes.
        AppendPublicationTime(where, filter, parameters, $"{scan.Alias}.published_at");
        return where.ToString();
    }

    /// <summary>The filter's publication time bounds as conditions on <paramref name="column"/>.</summary>
    internal static void AppendPublicationTime(StringBuilder where, QuoteFilter filter, DynamicParameters parameters, string column)
    {
        if (filter.PublishedAfter is not null)
        {
            where.Append($" AND {column} >= @publishedAfter");
            parameters.Add("publishedAfter", filter.PublishedAfter);
        }

        if (filter.PublishedBefore is not null)
        {
            where.Append($" AND {column} < @publishedBefore");
            parameters.Add("publishedBefore", filter.PublishedBefore);
        }
    }

    // The WITH clause defining speaker_ids and entity_ids for the index scans, or nothing: the ids already looked up
    // when known, else looked up by the statement itself.
    private static string RegistryIds(QuoteFilter filter, RegistryIdFilter? known, DynamicParameters parameters)
    {
        var registry = new List<string>();
        if (filter.Speaker is { } speaker)
        {
            registry.Add($"speaker_ids AS MATERIALIZED ({Ids(speaker, known?.Speakers, "speaker")})");
        }

        if (filter.Entity is { } entity)
        {
            registry.Add($"entity_ids AS MATERIALIZED ({Ids(entity, known?.Entities, "entity")})");
        }

        return registry.Count > 0 ? $"WITH {string.Join(", ", registry)}" : string.Empty;

        string Ids(RegistryName name, long[]? ids, string prefix)
        {
            if (ids is null)
            {
                return RegistryIdsSql(name, prefix, parameters);
            }

            parameters.Add($"{prefix}Ids", ids);
            return $"SELECT unnest(@{prefix}Ids::bigint[]) AS id";
        }
    }

    // The registry entries of RegistryIdsSql with their counts (folded from ingest a moment later: close enough to
    // choose how to search).
    private static async Task<RegistryEntryCount[]> RegistryEntriesAsync(
        NpgsqlConnection connection, RegistryName name, string prefix, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        return (await connection.QueryAsync<RegistryEntryCount>(new CommandDefinition(
            $"""
             SELECT k.id AS Id, k.quote_count AS QuoteCount, k.mention_count AS MentionCount
             FROM ({RegistryIdsSql(name, prefix, parameters)}) r JOIN known_entities k ON k.id = r.id
             """,
            parameters,
            cancellationToken: cancellationToken))).ToArray();
    }

    private sealed record RegistryEntryCount(long Id, long QuoteCount, long MentionCount);

    /// <summary>
    /// The registry ids a search means by a speaker or entity, as a query (a search walking the quotes without words
    /// looks them up in its own statement: one round trip): those the name answers to (at most 100 when only a part of names
    /// matches), or the id given, or the id only if the name answers to it. None matches nothing.
    /// </summary>
    private static string RegistryIdsSql(RegistryName name, string prefix, DynamicParameters parameters)
    {
        parameters.Add($"{prefix}Id", name.Id);
        if (name is not { Name: { } text, NameKey: { } key })
        {
            return $"SELECT @{prefix}Id::bigint AS id";
        }

        var match = KnownEntitiesTable.MatchSql(parameters, prefix, text, key, limit: 100);
        return $"SELECT id FROM ({match}) m {(name.Id != 0 ? $"WHERE id = @{prefix}Id" : string.Empty)}";
    }

    /// <summary>
    /// The index that lists a search's candidates in page order: the entities' links (with the quote's speaker),
    /// the speakers' quotes, or all quotes (an outlet's quotes through the outlet condition). A name that several registry entries answer to (a
    /// town the engine typed LOC in one article and ORG in another) gives one scan per id, merged afterwards:
    /// "= ANY(ids)" would make PostgreSQL read every match and sort them.
    /// </summary>
    /// <param name="Table">What the scan reads, with <c>q</c>/<c>qe</c>/<c>a</c> aliases.</param>
    /// <param name="Alias">The alias whose article_id and quote_index identify the quote.</param>
    /// <param name="Seq">The column holding the article's ingest order.</param>
    /// <param name="Condition">The condition on the scanned index, referring to the ids of <paramref name="Ids"/>.</param>
    /// <param name="Ids">The list of registry ids to scan once each, or null for a single scan.</param>
    // Ids: the registry ids to scan the index once each for (a lateral join), or null for a single scan.
    // LinksRepeat: a single scan of quote_entities for several ids, where one quote may appear once per id.
    private sealed record IndexScan(string Table, string Alias, string Seq, string Condition, string? Ids, bool LinksRepeat = false)
    {
        /// <summary>Whether the scan reads quotes themselves (as <c>q</c>), which carry their article's outlet.</summary>
        public bool ReadsQuotes => Alias == "q";

        /// <summary>
        /// On Citus: one scan for all the ids, given as values (<paramref name="ids"/>, looked up beforehand), so that
        /// each worker plans its shard's scan knowing them. One id is compared with <c>=</c>, so that the shard's
        /// index hands its entries over newest first; several with <c>= ANY</c>, and the shard sorts its few matches.
        /// Citus cannot push a per-id lateral scan down to the shards (<see cref="SearchOptions.OneScanForAllIds"/>).
        /// </summary>
        public static IndexScan ForShards(QuoteFilter filter, RegistryIdFilter? ids, DynamicParameters parameters)
        {
            var speakers = filter.Speaker is null ? null : ids?.Speakers ?? throw new InvalidOperationException("speaker ids are looked up first");
            var entities = filter.Entity is null ? null : ids?.Entities ?? throw new InvalidOperationException("entity ids are looked up first");
            return (entities, speakers) switch
            {
                (null, null) => new("quotes q", "q", "q.article_seq", "TRUE", null),
                (null, { } s) => new("quotes q", "q", "q.article_seq", Matches("q.speaker_id", "speaker", s), null),
                ({ } e, null) => new("quote_entities qe", "qe", "qe.article_seq", Matches("qe.known_entity_id", "entity", e), null, LinksRepeat: e.Length > 1),
                ({ } e, { } s) => new(
                    "quote_entities qe", "qe", "qe.article_seq",
                    $"{Matches("qe.known_entity_id", "entity", e)} AND {Matches("qe.speaker_id", "speaker", s)}", null, LinksRepeat: e.Length > 1),
            };

            string Matches(string column, string prefix, long[] values)
            {
                if (values.Length == 1)
                {
                    parameters.Add($"{prefix}IdValue", values[0]);
                    return $"{column} = @{prefix}IdValue";
                }

                parameters.Add($"{prefix}IdValues", values);
                return $"{column} = ANY(@{prefix}IdValues)";
            }
        }

        public static IndexScan For(QuoteFilter filter) => (filter.Entity, filter.Speaker) switch
        {
            (null, null) => new("quotes q", "q", "q.article_seq", "TRUE", null),
            (null, _) => new("quotes q", "q", "q.article_seq", "q.speaker_id = s.id", "speaker_ids s"),
            (_, null) => new("quote_entities qe", "qe", "qe.article_seq", "qe.known_entity_id = e.id", "entity_ids e"),
            // Each (entity, speaker) pair has its own run in the pair index.
            (_, _) => new(
                "quote_entities qe", "qe", "qe.article_seq", "qe.known_entity_id = e.id AND qe.speaker_id = s.id",
                "entity_ids e CROSS JOIN speaker_ids s"),
        };
    }
}

/// <summary>Filters of a quote search; null means "any".</summary>
internal sealed record QuoteFilter
{
    public RegistryName? Speaker { get; init; }

    /// <summary>An entity the quotes mention.</summary>
    public RegistryName? Entity { get; init; }

    public string? Text { get; init; }

    public string? ArticleId { get; init; }

    /// <summary>The outlet (article source), matched case-insensitively.</summary>
    public string? Source { get; init; }

    public DateTime? PublishedAfter { get; init; }

    public DateTime? PublishedBefore { get; init; }

    /// <summary>Most relevant to <see cref="Text"/> first instead of newest first.</summary>
    public bool ByRelevance { get; init; }
}

/// <summary>
/// A speaker or entity as a search names it: a name to look up in the registry (a name, an alias or part of a name),
/// a registry id (<c>known_entities.id</c>, 0 for none), or both (the id, if the name answers to it). A name comes
/// with its key as the registry normalizes names, which the lookup compares with entries' keys and aliases.
/// </summary>
internal sealed record RegistryName(string? Name, string? NameKey, long Id);

/// <summary>Where a page of quotes ends: the sort key of its last quote.</summary>
internal sealed record QuoteKeyset(float Rank, long ArticleSeq, int QuoteIndex)
{
    /// <summary>Whether a quote with this sort key comes after this position by relevance (rank, then newest first).</summary>
    public bool IsBefore(float rank, long articleSeq, int quoteIndex)
        => rank < Rank || (rank == Rank && (articleSeq < ArticleSeq || (articleSeq == ArticleSeq && quoteIndex > QuoteIndex)));
}
