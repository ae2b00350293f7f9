using Platform.Storage.Store;

namespace Platform.Storage.Registry;

/// <summary>
/// Adds the registry's logged counter changes to its entries every <see cref="Interval"/>, so that counts shown by
/// listings lag stored articles by at most that much even when nobody lists (listings fold first anyway); and the
/// quote statistics' log to their tables, so that the log statistics read besides them stays short.
/// </summary>
internal sealed class RegistryCounterFolder(ArticleStore store, ILogger<RegistryCounterFolder> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.FoldRegistryCountersAsync(stoppingToken);
                await store.FoldQuoteStatsAsync(stoppingToken);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                // The database being away is reported by the health check; the log waits for the next fold.
                logger.LogDebug(e, "Could not fold the registry counters");
            }
        }
    }
}
