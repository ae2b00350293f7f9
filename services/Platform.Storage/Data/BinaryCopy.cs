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
        Action<NpgsqlBinaryImporter, T> writeRow,
        CancellationToken cancellationToken)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return;
        }

        await using var writer = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);
        // Values are written with the synchronous API: each is a few bytes into Npgsql's buffer, and the async API's
        // per-value cost (a state machine and a cancellation registration per flush) was the larger part of the
        // service's CPU in a trace of ingest. A full buffer is sent on the spot, which on a local network is brief.
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.StartRow();
            writeRow(writer, enumerator.Current);
        }
        while (enumerator.MoveNext());

        await writer.CompleteAsync(cancellationToken);
    }

    public static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void WriteNullable(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    public static void WriteNullable(NpgsqlBinaryImporter writer, long? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Bigint);
        }
        else
        {
            writer.WriteNull();
        }
    }
}

/// <summary>A new article ready to be written: its rows, its ingest order and its registry ids.</summary>
internal sealed record StagedArticle(ArticleRecord Record, long Seq, Registry.ResolvedArticle Resolved);
