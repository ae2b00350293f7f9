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
}
