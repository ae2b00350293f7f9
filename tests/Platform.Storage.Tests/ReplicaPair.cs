using Grpc.Core;
using Npgsql;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// A primary and its physical streaming replica (clusters of their own, so that tests may stop either), with two
/// storage services on the primary: <see cref="ReadsReplica"/> reads the replica (ConnectionStrings:PlatformRead),
/// <see cref="ReadsPrimary"/> has no replica configured.
/// </summary>
public class ReplicaPair : IAsyncLifetime
{
    /// <summary>The application name of the replica-reading service's read connections, as PostgreSQL reports it.</summary>
    public const string ReadApplicationName = "platform-storage-read";

    private RunningService? _readsReplica;
    private RunningService? _readsPrimary;

    public PostgresCluster Primary { get; private set; } = null!;

    public PostgresCluster Replica { get; private set; } = null!;

    public StorageService.StorageServiceClient ReadsReplica { get; private set; } = null!;

    public StorageService.StorageServiceClient ReadsPrimary { get; private set; } = null!;

    public global::Grpc.Health.V1.Health.HealthClient ReplicaServiceHealth { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Primary = await PostgresCluster.StartAsync();
        Replica = await Primary.StartReplicaAsync();
        // The replica-reading service starts first: it applies the migrations, which could not run on the replica.
        _readsReplica = await RunningService.StartStorageAsync(Primary.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + StorageApp.ReadConnectionStringName] = Replica.ConnectionString + ";Application Name=" + ReadApplicationName,
        });
        _readsPrimary = await RunningService.StartStorageAsync(Primary.ConnectionString);
        ReadsReplica = new StorageService.StorageServiceClient(_readsReplica.Channel);
        ReadsPrimary = new StorageService.StorageServiceClient(_readsPrimary.Channel);
        ReplicaServiceHealth = new global::Grpc.Health.V1.Health.HealthClient(_readsReplica.Channel);
    }

    public async Task DisposeAsync()
    {
        if (_readsReplica is not null)
        {
            await _readsReplica.DisposeAsync();
        }

        if (_readsPrimary is not null)
        {
            await _readsPrimary.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (Replica is not null)
        {
            await Replica.DisposeAsync();
        }

        if (Primary is not null)
        {
            await Primary.DisposeAsync();
        }
    }

    /// <summary>Sends the requests on one Ingest stream (through the replica-reading service) and returns the acknowledgements.</summary>
    public async Task<List<IngestResponse>> IngestAsync(params IngestRequest[] requests)
    {
        using var call = ReadsReplica.Ingest();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseStream.ReadAllAsync().ToListAsync();
    }

    /// <summary>
    /// Waits until the registry counters are folded on the primary (the services fold every second) and the replica
    /// has replayed everything the primary wrote until then.
    /// </summary>
    public async Task CaughtUpAsync()
    {
        await EventuallyAsync(Primary, "SELECT count(*) = 0 FROM known_entity_deltas");
        // The insert position, not the write position: test clusters commit asynchronously, so a committed fold
        // may still sit in the WAL buffers, past pg_current_wal_lsn(), when this runs.
        var written = await ScalarAsync<string>(Primary, "SELECT pg_current_wal_insert_lsn()::text");
        await EventuallyAsync(Replica, $"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn");
    }

    public static async Task<T> ScalarAsync<T>(PostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits (up to 30 s) until the query answers true.</summary>
    public static async Task EventuallyAsync(PostgresCluster cluster, string sql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await ScalarAsync<bool>(cluster, sql))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"still false after 30 s: {sql}");
            }

            await Task.Delay(50);
        }
    }

    public async Task<global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus> HealthAsync(string service)
        => (await ReplicaServiceHealth.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = service })).Status;
}
