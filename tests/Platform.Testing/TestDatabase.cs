using Npgsql;

namespace Platform.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database for one test class, dropped afterwards. The server comes from the
/// PLATFORM_TEST_DB connection string (scripts/test.sh starts a throwaway cluster and sets it). Without it the
/// tests fail: a storage test that silently skips proves nothing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "PLATFORM_TEST_DB";

    /// <summary>
    /// Set when PLATFORM_TEST_DB is a Citus coordinator: the workers' "host:port", space-separated
    /// (scripts/test-citus.sh). Each test database is then created on every node, with the extension, and the
    /// coordinator's copy is told its workers, so that the storage service distributes its tables over them.
    /// </summary>
    public const string CitusWorkersVariable = "PLATFORM_TEST_CITUS_WORKERS";

    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL, " +
                $"or set {EnvironmentVariable} to a connection string of a server where databases may be created.");
        }

        var name = "platform_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var database = new TestDatabase(admin, name);
        var workers = CitusWorkers(admin);
        if (workers.Count > 0)
        {
            await MakeCitusDatabaseAsync(admin, database, workers);
        }

        return database;
    }

    /// <summary>Creates the database on every worker, each with the extension, and tells the coordinator's copy its workers.</summary>
    private static async Task MakeCitusDatabaseAsync(string admin, TestDatabase database, List<string> workers)
    {
        // Adding nodes also writes the cluster-wide role catalog on the workers: two databases set up at once fail
        // with "tuple concurrently updated", so test databases take turns (an advisory lock on the admin database,
        // which every test process shares; unpooled, so that closing the connection surely ends the lock).
        await using var turn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
        await turn.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('platform citus test setup', 0))", turn);
        await take.ExecuteNonQueryAsync();
        foreach (var worker in workers)
        {
            await ExecuteAsync(worker, $"CREATE DATABASE \"{database.Name}\"");
            await ExecuteAsync(InDatabase(worker, database.Name), "CREATE EXTENSION citus");
        }

        var coordinator = new NpgsqlConnectionStringBuilder(admin);
        await ExecuteAsync(
            database.ConnectionString,
            $"CREATE EXTENSION citus; SELECT citus_set_coordinator_host('{coordinator.Host}', {coordinator.Port});" +
            string.Concat(workers.Select(w => new NpgsqlConnectionStringBuilder(w)).Select(w => $"SELECT citus_add_node('{w.Host}', {w.Port});")));
    }

    // The workers' admin connection strings: the coordinator's with each worker's host and port.
    private static List<string> CitusWorkers(string admin)
        => (Environment.GetEnvironmentVariable(CitusWorkersVariable) ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split(':'))
            .Select(w => new NpgsqlConnectionStringBuilder(admin) { Host = w[0], Port = int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture) }.ToString())
            .ToList();

    private static string InDatabase(string connectionString, string name)
        => new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ToString();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Creating and dropping a database on a loaded machine (and on Citus, on every node) can outlast the default
        // 30 s command timeout.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Makes writes to <paramref name="table"/> wait until the returned lock is released (or disposed): a database
    /// that has become slow, for as long as a test needs. Reads go on (SHARE conflicts only with writers' locks).
    /// </summary>
    public async Task<TableWriteLock> BlockWritesAsync(string table)
    {
        var connection = await OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"LOCK TABLE {table} IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableWriteLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var server in CitusWorkers(_adminConnectionString).Prepend(_adminConnectionString))
        {
            await DropAsync(server);
        }
    }

    // On Citus a worker's copy may still be in use for a moment by the coordinator's cached connections and
    // maintenance daemon, which reconnect while the drop terminates them; and a loaded server can drop a connection
    // or time out: a few tries, then the error.
    private async Task DropAsync(string server)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (NpgsqlException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}

/// <summary>A lock that makes writers to a table wait; <see cref="ReleaseAsync"/> lets them go on.</summary>
public sealed class TableWriteLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public Task ReleaseAsync() => transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
