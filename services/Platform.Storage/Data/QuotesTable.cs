using System.Data;
using System.Text;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>quotes</c> table and its links to entities (<c>quote_entities</c>).</summary>
internal static class QuotesTable
{
    /// <summary>How many of the newest matches a search by relevance ranks.</summary>
    public const int RelevanceWindow = 300;

    // Columns in QuoteRow order; the entity keys come from quote_entities.
    private const string QuoteColumns = """
        q.quote_index, q.start_offset, q.end_offset, q.text, q.kind, q.speaker_name, q.speaker_entity_key,
        q.speaker_start, q.speaker_end, q.cue, q.channel, q.confidence, q.speaker_id,
        ARRAY(SELECT qe.entity_key FROM quote_entities qe
              WHERE qe.article_id = q.article_id AND qe.quote_index = q.quote_index ORDER BY qe.entity_key) AS entity_keys
        """;

    /// <summary>
    /// Writes the quotes of new articles and their links to the entities they mention by binary COPY. Both carry the
    /// article's ingest order and registry ids, so that searches by speaker or entity walk one index in page order.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StagedArticle> articles, CancellationToken cancellationToken)
    {
        await BinaryCopy.WriteAsync(
            connection,
            """
            COPY quotes (article_id, quote_index, start_offset, end_offset, text, kind, speaker_name, speaker_entity_key,
                         speaker_start, speaker_end, cue, channel, confidence, article_seq, speaker_id)
            FROM STDIN (FORMAT BINARY)
            """,
            articles.SelectMany(a => a.Record.Quotes.Select(q => (a, q))),
            async (writer, row, ct) =>
            {
                var (article, quote) = row;
                await writer.WriteAsync(article.Record.Article.Id, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(quote.QuoteIndex, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(quote.StartOffset, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(quote.EndOffset, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(quote.Text, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(quote.Kind, NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.SpeakerName, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.SpeakerEntityKey, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.SpeakerStart, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.SpeakerEnd, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.Cue, ct);
                await BinaryCopy.WriteNullableAsync(writer, quote.Channel, ct);
                await writer.WriteAsync(quote.Confidence, NpgsqlDbType.Real, ct);
                await writer.WriteAsync(article.Seq, NpgsqlDbType.Bigint, ct);
                await BinaryCopy.WriteNullableAsync(writer, article.Resolved.SpeakerIds[quote.QuoteIndex], ct);
            },
            cancellationToken);

        await BinaryCopy.WriteAsync(
            connection,
            "COPY quote_entities (article_id, quote_index, entity_key, known_entity_id, article_seq, speaker_id) FROM STDIN (FORMAT BINARY)",
            articles.SelectMany(a => a.Record.Quotes.SelectMany(q => q.EntityKeys.Distinct(StringComparer.Ordinal).Select(k => (a, q.QuoteIndex, k)))),
            async (writer, row, ct) =>
            {
                var (article, quoteIndex, entityKey) = row;
                await writer.WriteAsync(article.Record.Article.Id, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(quoteIndex, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(entityKey, NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteNullableAsync(writer, article.Resolved.EntityIds.TryGetValue(entityKey, out var id) ? id : null, ct);
                await writer.WriteAsync(article.Seq, NpgsqlDbType.Bigint, ct);
                await BinaryCopy.WriteNullableAsync(writer, article.Resolved.SpeakerIds[quoteIndex], ct);
            },
            cancellationToken);
    }

    public static async Task<IReadOnlyList<QuoteRow>> ForArticleAsync(IDbConnection connection, string articleId)
        => (await connection.QueryAsync<QuoteRow>(
            $"SELECT {QuoteColumns} FROM quotes q WHERE q.article_id = @articleId ORDER BY q.quote_index",
            new { articleId })).AsList();

    /// <summary>
    /// Quotes matching every given filter, in the filter's order (newest first: most recently ingested articles
    /// first, quotes of one article in text order; or by relevance to the text searched), starting after the keyset
    /// position when given.
    /// </summary>
    public static async Task<IReadOnlyList<QuoteHitRow>> SearchAsync(IDbConnection connection, QuoteFilter filter, QuoteKeyset? after, int limit)
    {
        var where = new StringBuilder("TRUE");
        var parameters = new DynamicParameters();
        if (filter.SpeakerIds is { } speakerIds)
        {
            // One id as "=" lets the planner read the (speaker_id, article_seq) index in page order.
            // With one entity too, the link's copy of the speaker lets (entity, speaker, article_seq) serve the page.
            var speakerColumn = filter.EntityIds is [_] ? "qe.speaker_id" : "q.speaker_id";
            where.Append(speakerIds.Length == 1 ? $" AND {speakerColumn} = @speakerId" : $" AND {speakerColumn} = ANY(@speakerIds)");
            parameters.Add("speakerId", speakerIds[0]);
            parameters.Add("speakerIds", speakerIds);
        }

        // One entity: the quotes come from its (known_entity_id, article_seq, quote_index) index, already in page order.
        var core = "quotes q";
        var order = "q.article_seq DESC, q.quote_index";
        if (filter.EntityIds is [var entityId])
        {
            core = "quote_entities qe JOIN quotes q ON q.article_id = qe.article_id AND q.quote_index = qe.quote_index";
            order = "qe.article_seq DESC, qe.quote_index";
            where.Append(" AND qe.known_entity_id = @entityId");
            parameters.Add("entityId", entityId);
        }
        else if (filter.EntityIds is { } entityIds)
        {
            where.Append(
                $"""
                  AND EXISTS (SELECT 1 FROM quote_entities qe2
                              WHERE qe2.article_id = q.article_id AND qe2.quote_index = q.quote_index
                                AND qe2.known_entity_id = ANY(@entityIds))
                 """);
            parameters.Add("entityIds", entityIds);
        }

        if (filter.Text is not null)
        {
            where.Append(" AND q.search_vector @@ websearch_to_tsquery('english', @text)");
            parameters.Add("text", filter.Text);
        }

        if (filter.ArticleId is not null)
        {
            where.Append(" AND q.article_id = @articleId");
            parameters.Add("articleId", filter.ArticleId);
        }

        if (filter.Source is not null)
        {
            where.Append(" AND lower(a.source) = lower(@source)");
            parameters.Add("source", filter.Source);
        }

        if (filter.PublishedAfter is not null)
        {
            where.Append(" AND a.published_at >= @publishedAfter");
            parameters.Add("publishedAfter", filter.PublishedAfter);
        }

        if (filter.PublishedBefore is not null)
        {
            where.Append(" AND a.published_at < @publishedBefore");
            parameters.Add("publishedBefore", filter.PublishedBefore);
        }

        var from = core + " JOIN articles a ON a.id = q.article_id";
        var needsArticles = filter.Source is not null || filter.PublishedAfter is not null || filter.PublishedBefore is not null;
        var byRelevance = filter.ByRelevance && filter.Text is not null;
        var rank = byRelevance ? "ts_rank_cd(q.search_vector, websearch_to_tsquery('english', @text))" : "0::real";
        // The keyset compares the columns the page is ordered by: the ranked rows (h), or the table read in order.
        var ordered = byRelevance ? "h" : filter.EntityIds is [_] ? "qe" : "q";
        var keyset = "TRUE";
        if (after is { } position)
        {
            keyset = $"({ordered}.article_seq < @afterSeq OR ({ordered}.article_seq = @afterSeq AND {ordered}.quote_index > @afterIndex))";
            if (byRelevance)
            {
                keyset = $"(h.rank < @afterRank OR (h.rank = @afterRank AND {keyset}))";
            }

            parameters.Add("afterRank", position.Rank);
            parameters.Add("afterSeq", position.ArticleSeq);
            parameters.Add("afterIndex", position.QuoteIndex);
        }

        parameters.Add("limit", limit);
        // Without relevance the keyset goes into the inner query, so that an index in page order can serve it.
        // Ranking reads every match's search vector: for common words that is most of the store. Relevance is
        // therefore ranked among the newest RelevanceWindow (300) matches, which bounds the cost whatever the words.
        parameters.Add("window", RelevanceWindow);
        var sql = byRelevance
            ? $"""
               SELECT * FROM (
                   SELECT {rank} AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source,
                          a.published_at, q.article_seq, {QuoteColumns}
                   FROM (SELECT q.article_id, q.quote_index FROM {(needsArticles ? from : core)}
                         WHERE {where}
                         ORDER BY {order}
                         LIMIT @window) m
                   JOIN quotes q ON q.article_id = m.article_id AND q.quote_index = m.quote_index
                   JOIN articles a ON a.id = q.article_id) h
               WHERE {keyset}
               ORDER BY h.rank DESC, h.article_seq DESC, h.quote_index
               LIMIT @limit
               """
            : $"""
               SELECT 0::real AS rank, a.id AS article_id, a.title AS article_title, a.source AS article_source,
                      a.published_at, q.article_seq, {QuoteColumns}
               FROM {from}
               WHERE {where} AND {keyset}
               ORDER BY {order}
               LIMIT @limit
               """;
        return (await connection.QueryAsync<QuoteHitRow>(sql, parameters)).AsList();
    }
}

/// <summary>Filters of a quote search; null means "any". Speakers and entities are registry ids.</summary>
internal sealed record QuoteFilter
{
    public long[]? SpeakerIds { get; init; }

    public long[]? EntityIds { get; init; }

    public string? Text { get; init; }

    public string? ArticleId { get; init; }

    /// <summary>The outlet (article source), matched case-insensitively.</summary>
    public string? Source { get; init; }

    public DateTime? PublishedAfter { get; init; }

    public DateTime? PublishedBefore { get; init; }

    /// <summary>Most relevant to <see cref="Text"/> first instead of newest first.</summary>
    public bool ByRelevance { get; init; }
}

/// <summary>Where a page of quotes ends: the sort key of its last quote.</summary>
internal sealed record QuoteKeyset(float Rank, long ArticleSeq, int QuoteIndex);
