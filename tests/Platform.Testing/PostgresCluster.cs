using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own, started and stopped through scripts/lib/postgres.sh, for tests that take
/// the database away (the shared test server must stay up for the other tests).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _root;

    private PostgresCluster(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3";

    public static async Task<PostgresCluster> StartAsync()
    {
        var cluster = new PostgresCluster(NewRoot(), RunningService.FreePort());
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>
    /// Starts a physical streaming replica of this cluster (pg_basebackup -R, the same binaries): a hot standby that
    /// answers reads and replays this cluster's writes. <see cref="StartAgainAsync"/> restarts it as a replica.
    /// </summary>
    public async Task<PostgresCluster> StartReplicaAsync()
    {
        var replica = new PostgresCluster(NewRoot(), RunningService.FreePort());
        await RunAsync($"pg_start_replica {Port} '{replica._root}' {replica.Port}");
        return replica;
    }

    public Task StartAgainAsync() => RunAsync($"pg_start '{_root}' {Port}");

    public Task StopAsync() => RunAsync($"PG_ROOT='{_root}'; pg_stop");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), "platform-pg-" + Guid.NewGuid().ToString("N")[..8]);

    private static async Task RunAsync(string command)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "lib", "postgres.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"set -e; source '{script}'; {command}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with {process.ExitCode}: {await error}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
