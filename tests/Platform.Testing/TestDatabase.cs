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
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(admin, name);
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
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
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
