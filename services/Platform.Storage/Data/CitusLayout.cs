using System.Reflection;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// On a Citus coordinator (a database with the <c>citus</c> extension), distributes the tables after the migrations:
/// articles and their rows co-located by article id, the registry as reference tables (Data/Citus/distribute.sql,
/// docs/scaling.md). On plain PostgreSQL it does nothing.
/// </summary>
internal static class CitusLayout
{
    public static Task<bool> IsCitusAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')", cancellationToken: cancellationToken));

    /// <summary>Distributes whatever is not distributed yet; runs under the migration lock.</summary>
    public static async Task DistributeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var assembly = Assembly.GetExecutingAssembly();
        await using var stream = assembly.GetManifestResourceStream("Citus.distribute.sql")
                                 ?? throw new InvalidOperationException("the embedded Citus layout is missing");
        using var reader = new StreamReader(stream);
        var sql = await reader.ReadToEndAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));
    }
}
