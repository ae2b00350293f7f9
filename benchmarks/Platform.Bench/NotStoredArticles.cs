using System.Collections.Concurrent;
using Platform.V1;

namespace Platform.Bench;

/// <summary>
/// The articles of a measurement that the service did not store. The count is what the exit code rests on; the first
/// few reasons are kept so that a failed run says why (a rejection by the database reads differently from a timeout).
/// </summary>
internal sealed class NotStoredArticles
{
    private const int ReasonsKept = 10;

    private readonly ConcurrentQueue<string> _reasons = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>"id: STATUS reason" for the first articles that were not stored, in the order their answers came.</summary>
    public IReadOnlyList<string> Reasons => [.. _reasons];

    public void Add(string articleId, StoreStatus? status, string reason)
    {
        if (Interlocked.Increment(ref _count) <= ReasonsKept)
        {
            _reasons.Enqueue($"{articleId}: {status?.ToString() ?? "no storage answer"} {reason}".TrimEnd());
        }
    }
}
