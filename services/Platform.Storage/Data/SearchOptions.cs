using System.ComponentModel.DataAnnotations;

namespace Platform.Storage.Data;

/// <summary>How quote searches choose their way through the tables (configuration section "Storage:Search").</summary>
public sealed class SearchOptions
{
    /// <summary>
    /// A search by words with a speaker or entity that has fewer quotes (an entity: mentions) than this walks them
    /// and tests their words; otherwise it searches the full-text index with the speaker's and entities' ids. 0: always
    /// the index. Measured on 1.4 M quotes: a speaker with ~200 quotes and a phrase they used 12 times took 3.2 ms
    /// walked and 9.7 ms through the index's 19 partitions; a walk costs ~15 µs per quote, the index ~0.5-1 ms per
    /// partition, so they meet near a thousand quotes.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long WalkBelowQuotes { get; set; } = 1000;

    /// <summary>
    /// Set at start-up on a Citus coordinator (not configuration): a search by speaker or entity looks the name's
    /// registry ids up first and scans the index once for all of them, given as values, and a newest-first page is
    /// read in one statement that every shard answers with its own newest page (quotes and articles joined there).
    /// Citus cannot push a per-id scan down to the shards ("Limit clause is currently unsupported when a lateral
    /// subquery references a column from complex subqueries, CTEs or local tables"); on one server the per-id scans
    /// read each id's newest quotes straight from the index.
    /// </summary>
    internal bool OneScanForAllIds { get; set; }
}
