using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Platform.V1;

namespace Platform.Bench;

/// <summary>
/// The ceiling for storage ingest: the same rows written straight into an empty copy of the storage schema (same
/// columns, indexes, generated search vector and full-text index) by Npgsql binary COPY, one table at a time, in one
/// transaction. No validation, no idempotency checks, no registry: as fast as this PostgreSQL takes these rows.
/// </summary>
internal static class RawCopyCeiling
{
    private const string Schema = "bench_ceiling";
    private static readonly string[] Tables = ["articles", "entities", "mentions", "quotes", "quote_entities"];

    /// <summary>Writes the rows and returns (rows, seconds). The copy of the schema is dropped afterwards.</summary>
    public static async Task<(long Rows, double Seconds)> MeasureAsync(
        string connectionString, IReadOnlyList<(Article Article, ArticleAnalysis Analysis)> articles, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {Schema} CASCADE; CREATE SCHEMA {Schema};", cancellationToken);
        try
        {
            foreach (var table in Tables)
            {
                await ExecuteAsync(connection, $"CREATE TABLE {Schema}.{table} (LIKE public.{table} INCLUDING ALL)", cancellationToken);
            }

            // The store keeps its full-text index on a copy of the search vectors with each quote's speaker and
            // entities (quote_search, migrations 0006 and 0010); the ceiling builds the same index on its quotes, with
            // the entities' ids as an extra column, so that it pays for the same entries indexed.
            await ExecuteAsync(connection,
                $"""
                ALTER TABLE {Schema}.quotes ADD COLUMN entity_ids bigint[];
                CREATE INDEX ON {Schema}.quotes USING gin (search_vector, lower(article_source), (ARRAY[speaker_id]), entity_ids)
                    WITH (gin_pending_list_limit = 256)
                """,
                cancellationToken);

            var clock = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            long rows = 0;
            rows += await CopyAsync(connection, "articles (id, url, title, source, published_at, text, content_hash, engine_version)",
                articles, async (w, a, ct) =>
                {
                    await w.WriteAsync(a.Article.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Article.Url, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Article.Title, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Article.Source, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Article.PublishedAt.ToDateTime(), NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(a.Article.Text, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(a.Article.Text)), NpgsqlDbType.Bytea, ct);
                    await w.WriteAsync(a.Analysis.EngineVersion, NpgsqlDbType.Text, ct);
                }, cancellationToken);
            rows += await CopyAsync(connection, "entities (article_id, entity_key, name, type, mention_count, known_entity_id)",
                articles.SelectMany((a, n) => a.Analysis.Entities.Select(e => (a.Article.Id, e, n))), async (w, r, ct) =>
                {
                    await w.WriteAsync(r.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.e.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.e.Type.ToString().ToUpperInvariant() is "LOC" or "ORG" or "PERSON" ? r.e.Type.ToString().ToUpperInvariant() : "MISC", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.e.Mentions.Count, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync((long)r.e.Name.GetHashCode(StringComparison.Ordinal), NpgsqlDbType.Bigint, ct);
                }, cancellationToken);
            rows += await CopyAsync(connection, "mentions (article_id, entity_key, start_offset, end_offset, text)",
                articles.SelectMany(a => a.Analysis.Entities.SelectMany(e => e.Mentions.Select(m => (a.Article.Id, e.Id, m)))), async (w, r, ct) =>
                {
                    await w.WriteAsync(r.Item1, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.Item2, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.m.Start, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.m.End, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.m.Text, NpgsqlDbType.Text, ct);
                }, cancellationToken);
            rows += await CopyAsync(connection,
                "quotes (article_id, quote_index, start_offset, end_offset, text, kind, speaker_name, speaker_entity_key, speaker_start, speaker_end, cue, channel, confidence, article_seq, speaker_id, article_source, published_at, entity_ids)",
                articles.SelectMany((a, n) => a.Analysis.Quotes.Select((q, i) => (a.Article.Id, q, i, n, a.Article.Source, a.Article.PublishedAt))), async (w, r, ct) =>
                {
                    await w.WriteAsync(r.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.q.Start, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.q.End, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.q.Text, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.q.Kind == QuoteKind.Direct ? "DIRECT" : "INDIRECT", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.q.Speaker.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.q.Speaker.EntityId, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.q.Speaker.Mention.Start, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.q.Speaker.Mention.End, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.q.Cue, NpgsqlDbType.Text, ct);
                    await w.WriteNullAsync(ct);
                    await w.WriteAsync(r.q.Confidence, NpgsqlDbType.Real, ct);
                    await w.WriteAsync((long)r.n, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync((long)r.q.Speaker.Name.GetHashCode(StringComparison.Ordinal), NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(r.Source, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.PublishedAt.ToDateTime(), NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(r.q.EntityIds.Select(e => (long)e.GetHashCode(StringComparison.Ordinal)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint, ct);
                }, cancellationToken);
            rows += await CopyAsync(connection, "quote_entities (article_id, quote_index, entity_key, known_entity_id, article_seq, speaker_id, published_at)",
                articles.SelectMany((a, n) => a.Analysis.Quotes.SelectMany((q, i) => q.EntityIds.Select(e => (a.Article.Id, i, e, n, q.Speaker.Name, a.Article.PublishedAt)))), async (w, r, ct) =>
                {
                    await w.WriteAsync(r.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(r.i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(r.e, NpgsqlDbType.Text, ct);
                    await w.WriteAsync((long)r.e.GetHashCode(StringComparison.Ordinal), NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync((long)r.n, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync((long)r.Name.GetHashCode(StringComparison.Ordinal), NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(r.PublishedAt.ToDateTime(), NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (rows, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {Schema} CASCADE", CancellationToken.None);
        }
    }

    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Schema}.{target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await write(writer, row, cancellationToken);
            count++;
        }

        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
