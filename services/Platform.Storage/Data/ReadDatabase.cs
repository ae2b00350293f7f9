using Npgsql;

namespace Platform.Storage.Data;

/// <summary>
/// Where the query RPCs read: a streaming replica (<c>ConnectionStrings:PlatformRead</c>) or, without one, the
/// primary. Writes, migrations and partition management always use the primary's data source, never this one.
/// </summary>
/// <remarks>
/// A replica replays the primary's write-ahead log behind it, so reads from it lag acknowledged writes by the
/// replication delay: an article acknowledged as stored may be missing from reads for that long.
/// </remarks>
internal sealed class ReadDatabase(NpgsqlDataSource dataSource, bool isReplica) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>True when reads go to a replica rather than to the primary.</summary>
    public bool IsReplica => isReplica;

    // Without a replica the data source is the primary's, which the container disposes on its own.
    public ValueTask DisposeAsync() => isReplica ? dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
