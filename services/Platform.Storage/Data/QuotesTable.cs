using System.Data;
using System.Text;
using Dapper;

namespace Platform.Storage.Data;

/// <summary>SQL for the <c>quotes</c> table and its links to entities (<c>quote_entities</c>).</summary>
internal static class QuotesTable
{
    // Columns in QuoteRow order; the entity keys come from quote_entities.
    private const string QuoteColumns = """
        q.quote_index, q.start_offset, q.end_offset, q.text, q.kind, q.speaker_name, q.speaker_entity_key,
        q.speaker_start, q.speaker_end, q.cue, q.channel, q.confidence,
        ARRAY(SELECT qe.entity_key FROM quote_entities qe
              WHERE qe.article_id = q.article_id AND qe.quote_index = q.quote_index ORDER BY qe.entity_key) AS entity_keys
        """;

    public static async Task InsertAsync(IDbConnection connection, IDbTransaction transaction, string articleId, IReadOnlyList<QuoteRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO quotes (article_id, quote_index, start_offset, end_offset, text, kind, speaker_name,
                                speaker_entity_key, speaker_start, speaker_end, cue, channel, confidence)
            SELECT @articleId, * FROM unnest(@indexes, @starts, @ends, @texts, @kinds, @speakerNames,
                                             @speakerKeys, @speakerStarts, @speakerEnds, @cues, @channels, @confidences)
            """,
            new
            {
                articleId,
                indexes = rows.Select(r => r.QuoteIndex).ToArray(),
                starts = rows.Select(r => r.StartOffset).ToArray(),
                ends = rows.Select(r => r.EndOffset).ToArray(),
                texts = rows.Select(r => r.Text).ToArray(),
                kinds = rows.Select(r => r.Kind).ToArray(),
                speakerNames = rows.Select(r => r.SpeakerName).ToArray(),
                speakerKeys = rows.Select(r => r.SpeakerEntityKey).ToArray(),
                speakerStarts = rows.Select(r => r.SpeakerStart).ToArray(),
                speakerEnds = rows.Select(r => r.SpeakerEnd).ToArray(),
                cues = rows.Select(r => r.Cue).ToArray(),
                channels = rows.Select(r => r.Channel).ToArray(),
                confidences = rows.Select(r => r.Confidence).ToArray(),
            },
            transaction);

        var links = rows.SelectMany(r => r.EntityKeys.Distinct(StringComparer.Ordinal).Select(k => (r.QuoteIndex, Key: k))).ToArray();
        if (links.Length > 0)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO quote_entities (article_id, quote_index, entity_key)
                SELECT @articleId, * FROM unnest(@indexes, @keys)
                """,
                new { articleId, indexes = links.Select(l => l.QuoteIndex).ToArray(), keys = links.Select(l => l.Key).ToArray() },
                transaction);
        }
    }

    public static async Task<IReadOnlyList<QuoteRow>> ForArticleAsync(IDbConnection connection, string articleId)
        => (await connection.QueryAsync<QuoteRow>(
            $"SELECT {QuoteColumns} FROM quotes q WHERE q.article_id = @articleId ORDER BY q.quote_index",
            new { articleId })).AsList();

    /// <summary>
    /// Quotes matching every given filter: most recently ingested articles first, quotes of one article in text
    /// order, starting after the keyset position (<paramref name="afterSeq"/>, <paramref name="afterIndex"/>).
    /// </summary>
    public static async Task<IReadOnlyList<QuoteHitRow>> SearchAsync(
        IDbConnection connection, QuoteFilter filter, long? afterSeq, int afterIndex, int limit)
    {
        var where = new StringBuilder("TRUE");
        var parameters = new DynamicParameters();
        if (filter.Speaker is not null)
        {
            where.Append(@" AND q.speaker_name ILIKE @speaker ESCAPE '\'");
            parameters.Add("speaker", SqlPatterns.Contains(filter.Speaker));
        }

        if (filter.Entity is not null)
        {
            where.Append(
                """
                 AND EXISTS (SELECT 1 FROM quote_entities qe
                             JOIN entities e ON e.article_id = qe.article_id AND e.entity_key = qe.entity_key
                             WHERE qe.article_id = q.article_id AND qe.quote_index = q.quote_index
                               AND e.name ILIKE @entity ESCAPE '\')
                """);
            parameters.Add("entity", SqlPatterns.Contains(filter.Entity));
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

        if (afterSeq is not null)
        {
            where.Append(" AND (a.seq < @afterSeq OR (a.seq = @afterSeq AND q.quote_index > @afterIndex))");
            parameters.Add("afterSeq", afterSeq);
            parameters.Add("afterIndex", afterIndex);
        }

        parameters.Add("limit", limit);
        return (await connection.QueryAsync<QuoteHitRow>(
            $"""
             SELECT a.seq AS article_seq, a.id AS article_id, a.title AS article_title, a.source AS article_source,
                    a.published_at, {QuoteColumns}
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE {where}
             ORDER BY a.seq DESC, q.quote_index
             LIMIT @limit
             """,
            parameters)).AsList();
    }
}

/// <summary>Filters of a quote search; null means "any".</summary>
internal sealed record QuoteFilter(
    string? Speaker = null,
    string? Entity = null,
    string? Text = null,
    string? ArticleId = null,
    DateTime? PublishedAfter = null,
    DateTime? PublishedBefore = null);
