using Dapper;
using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// On Citus, the transactions that write the tables every node holds a copy of (the registry, the quote statistics
/// and the quote groups: reference tables, Data/Citus/distribute.sql) take turns. A write to a reference table
/// goes to every node's copy at once, so two transactions that write the same rows can each lock one copy first
/// and wait for the other: a distributed deadlock, which Citus breaks only when its detector runs (every two
/// seconds or so) by cancelling one of them. Under load the same batch can lose that race until its retry time is
/// spent, and its articles are not stored. One server orders its locks itself (groups are locked in id order), so
/// there the transactions keep running side by side.
/// </summary>
internal sealed class SharedRowWrites
{
    // Any fixed key: the storage service takes no other advisory lock in a write transaction.
    private const long TurnKey = 0x706C_6174_666F_726D;

    /// <summary>Set at start-up on a Citus coordinator (not configuration).</summary>
    public bool TakeTurns { get; set; }

    /// <summary>
    /// Waits, on Citus, until no other transaction writes shared rows; the turn ends with the transaction. Call it
    /// before the transaction's first write to a reference table.
    /// </summary>
    public async Task WaitForTurnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (!TakeTurns)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = TurnKey }, transaction, cancellationToken: cancellationToken));
    }
}
