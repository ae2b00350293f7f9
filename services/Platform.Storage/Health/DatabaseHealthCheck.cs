using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Storage.Data;

namespace Platform.Storage.Health;

/// <summary>Healthy when the primary answers a trivial query: ingest works.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public const string Name = "primary";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Probe.AnswersAsync(dataSource, "primary", cancellationToken);
}

/// <summary>Healthy when the read replica answers a trivial query: the query RPCs work. Registered only with a replica.</summary>
internal sealed class ReadDatabaseHealthCheck(ReadDatabase reads) : IHealthCheck
{
    public const string Name = "read-replica";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Probe.AnswersAsync(reads.DataSource, "read replica", cancellationToken);
}

internal static class Probe
{
    public static async Task<HealthCheckResult> AnswersAsync(NpgsqlDataSource dataSource, string which, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{which} database unreachable", e);
        }
    }
}
