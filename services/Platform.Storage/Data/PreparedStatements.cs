using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// Statements run as server-side prepared statements. Npgsql keeps them prepared on each pooled physical connection,
/// so PostgreSQL parses and plans each of them once per session instead of on every call.
/// </summary>
/// <remarks>
/// Only for statements whose best plan does not depend on their parameter values (reads by key). A search by words
/// is not one of them: prepared, PostgreSQL soon switches to one generic plan for all phrases, and rare phrases then
/// walked whole partitions (p95 above 100 ms in the text benchmark), so searches stay unprepared and are planned
/// for the words they look for.
/// </remarks>
internal static class PreparedStatements
{
    public static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parse = reader.GetRowParser<T>();
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(parse(reader));
        }

        return rows;
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.PrepareAsync(cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }
}
