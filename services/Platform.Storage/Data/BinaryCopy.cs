using Npgsql;
using NpgsqlTypes;

namespace Platform.Storage.Data;

/// <summary>
/// Npgsql's binary COPY: the fastest way to write many rows (one round trip, no per-row statement), used for the
/// child rows of newly stored articles.
/// </summary>
internal static class BinaryCopy
{
    public static async Task WriteAsync<T>(
        NpgsqlConnection connection,
        string copyCommand,
        IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow,
        CancellationToken cancellationToken)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);
        do
        {
            await writer.StartRowAsync(cancellationToken);
            await writeRow(writer, enumerator.Current, cancellationToken);
        }
        while (enumerator.MoveNext());

        await writer.CompleteAsync(cancellationToken);
    }

    public static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
        => value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    public static Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken cancellationToken)
        => value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    public static Task WriteNullableAsync(NpgsqlBinaryImporter writer, long? value, CancellationToken cancellationToken)
        => value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}

/// <summary>A new article ready to be written: its rows, its ingest order and its registry ids.</summary>
internal sealed record StagedArticle(ArticleRecord Record, long Seq, Registry.ResolvedArticle Resolved);
