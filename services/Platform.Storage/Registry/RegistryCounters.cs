using Platform.Storage.Data;

namespace Platform.Storage.Registry;

/// <summary>
/// Adds up what a batch of articles changes in the registry's counters, so that each entry is updated once per
/// batch: mentions, quotes, the articles it appears in, first and last seen, and its longest spelling.
/// </summary>
internal sealed class RegistryCounters
{
    private readonly Dictionary<long, Counter> counters = [];

    public void Add(ArticleRecord record, ResolvedArticle resolved, DateTime seen)
    {
        var inArticle = new HashSet<long>();
        foreach (var entity in record.Entities)
        {
            if (resolved.EntityIds.TryGetValue(entity.EntityKey, out var id))
            {
                var counter = Get(id);
                counter.Mentions += entity.MentionCount;
                counter.Offer(entity.Name);
                inArticle.Add(id);
            }
        }

        for (var i = 0; i < record.Quotes.Count; i++)
        {
            if (resolved.SpeakerIds[i] is { } id)
            {
                var counter = Get(id);
                counter.Quotes++;
                if (record.Quotes[i].SpeakerName is { } name)
                {
                    counter.Offer(name);
                }

                inArticle.Add(id);
            }
        }

        foreach (var id in inArticle)
        {
            var counter = Get(id);
            counter.Articles++;
            counter.FirstSeen = counter.FirstSeen is { } first && first < seen ? first : seen;
            counter.LastSeen = counter.LastSeen is { } last && last > seen ? last : seen;
        }
    }

    /// <summary>Takes back what replaced articles had added.</summary>
    public void Subtract(IEnumerable<RegistryDelta> contributions)
    {
        foreach (var contribution in contributions)
        {
            var counter = Get(contribution.Id);
            counter.Mentions -= contribution.Mentions;
            counter.Quotes -= contribution.Quotes;
            counter.Articles -= contribution.Articles;
        }
    }

    public IReadOnlyList<RegistryDelta> ToDeltas()
        => counters.Select(c => new RegistryDelta
        {
            Id = c.Key,
            Mentions = c.Value.Mentions,
            Quotes = c.Value.Quotes,
            Articles = c.Value.Articles,
            FirstSeen = c.Value.FirstSeen,
            LastSeen = c.Value.LastSeen,
            Name = c.Value.LongestName,
        }).ToList();

    private Counter Get(long id)
    {
        if (!counters.TryGetValue(id, out var counter))
        {
            counters[id] = counter = new Counter();
        }

        return counter;
    }

    private sealed class Counter
    {
        public long Mentions { get; set; }

        public long Quotes { get; set; }

        public long Articles { get; set; }

        public DateTime? FirstSeen { get; set; }

        public DateTime? LastSeen { get; set; }

        public string? LongestName { get; private set; }

        public void Offer(string name)
        {
            if (LongestName is null || name.Length > LongestName.Length)
            {
                LongestName = name;
            }
        }
    }
}
