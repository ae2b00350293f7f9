using System.Diagnostics;
using Dapper;
using Grpc.Core;
using Npgsql;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>
/// A call the client gives up on stops its statement in PostgreSQL: the gRPC call's cancellation reaches the SQL
/// command, so an abandoned search does not go on holding a backend (and its locks) after nobody waits for it.
/// </summary>
public class CancellationTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    // Searches read the quotes table; the statement is recognised in pg_stat_activity by its FROM clause.
    private const string RunningSearches = """
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%FROM quotes q%'
        """;

    [Fact]
    public async Task Cancelled_search_stops_its_statement_in_postgres()
    {
        // An exclusive lock on quotes makes every search wait inside PostgreSQL until it is released.
        await using var locker = await storage.Database.OpenAsync();
        await using var blocking = await locker.BeginTransactionAsync();
        await using (var lockQuotes = new NpgsqlCommand("LOCK TABLE quotes IN ACCESS EXCLUSIVE MODE", locker, blocking))
        {
            await lockQuotes.ExecuteNonQueryAsync();
        }

        await using var observer = await storage.Database.OpenAsync();
        using var cancel = new CancellationTokenSource();
        var search = storage.Client.SearchQuotesAsync(new SearchQuotesRequest(), cancellationToken: cancel.Token).ResponseAsync;

        Assert.True(await EventuallyAsync(async () => await observer.ExecuteScalarAsync<long>(RunningSearches) == 1),
            "the search never reached PostgreSQL");
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => search);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);

        // Still holding the lock: a statement that was not cancelled would wait here for as long as the lock is held.
        Assert.True(await EventuallyAsync(async () => await observer.ExecuteScalarAsync<long>(RunningSearches) == 0),
            "the cancelled search is still running in PostgreSQL");
        await blocking.RollbackAsync();
    }

    // Polls the condition until it holds, for at most 10 s.
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
