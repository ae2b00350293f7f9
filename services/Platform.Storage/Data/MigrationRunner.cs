using System.Reflection;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// Applies the numbered SQL scripts embedded in this assembly (Data/Migrations/NNNN_name.sql), each once, in order,
/// each in its own transaction. An advisory lock makes concurrent starts of several storage instances safe.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Arbitrary constant that identifies this application's migration lock.
    private const long LockKey = 0x506C6174_666F726D;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@LockKey)", new { LockKey });
        try
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            var count = 0;
            foreach (var migration in Migration.LoadAll())
            {
                if (applied.Contains(migration.Version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name },
                    transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    private sealed record Migration(int Version, string Name, string Sql)
    {
        public static IEnumerable<Migration> LoadAll()
        {
            var assembly = Assembly.GetExecutingAssembly();
            return assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n =>
                {
                    var fileName = n["Migrations.".Length..^".sql".Length];
                    var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var reader = new StreamReader(stream);
                    return new Migration(int.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture), fileName[(underscore + 1)..], reader.ReadToEnd());
                })
                .OrderBy(m => m.Version);
        }
    }
}
