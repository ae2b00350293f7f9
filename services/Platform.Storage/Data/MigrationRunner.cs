using System.Reflection;
using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// Applies the numbered SQL scripts embedded in this assembly (Data/Migrations/NNNN_name.sql), each once, in order,
/// each in its own transaction. An advisory lock makes concurrent starts of several storage instances safe.
/// Runs as the schema owner (ConnectionStrings:Migrations when set); when a runtime role is named, it is then granted
/// only what the service needs at run time: reading and writing rows, never changing the schema.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, string? runtimeRole, ILogger<MigrationRunner> logger)
{
    // Arbitrary constant that identifies this application's migration lock.
    private const long LockKey = 0x506C6174_666F726D;

    /// <summary>True once <see cref="ApplyAsync"/> found the database to be a Citus coordinator (and distributed the tables).</summary>
    public bool OnCitus { get; private set; }

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(
                new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            var count = 0;
            foreach (var migration in Migration.LoadAll())
            {
                if (applied.Contains(migration.Version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                // No command timeout: a migration that rewrites a large table takes as long as it takes.
                await connection.ExecuteAsync(
                    new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                count++;
            }

            OnCitus = await CitusLayout.IsCitusAsync(connection, cancellationToken);
            if (OnCitus)
            {
                await CitusLayout.DistributeAsync(connection, cancellationToken);
                logger.LogInformation("Tables distributed over the Citus cluster");
            }

            if (!string.IsNullOrEmpty(runtimeRole))
            {
                await GrantRuntimePrivilegesAsync(connection, runtimeRole, cancellationToken);
            }

            return count;
        }
        finally
        {
            // Not cancellable: the lock is released even when the start-up was cancelled, as before.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task GrantRuntimePrivilegesAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        // A role name cannot be a parameter; it is checked and quoted as an identifier instead.
        if (role.Length > 63 || !role.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new InvalidOperationException($"Storage:RuntimeRole '{role}' must be 1 to 63 ASCII letters, digits or underscores");
        }

        var quoted = "\"" + role + "\"";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             GRANT USAGE ON SCHEMA public TO {quoted};
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
             GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
             REVOKE ALL ON schema_migrations FROM {quoted};
             GRANT SELECT ON schema_migrations TO {quoted};
             """,
            cancellationToken: cancellationToken));
        logger.LogInformation("Granted run-time privileges to role {Role}", role);
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
