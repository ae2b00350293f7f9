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
        var female = new HashSet<long>();
        var male = new HashSet<long>();
        foreach (var entity in record.Entities)
        {
            if (resolved.EntityIds.TryGetValue(entity.EntityKey, out var id))
            {
                var counter = Get(id);
                counter.Mentions += entity.MentionCount;
                counter.Offer(entity.Name);
                inArticle.Add(id);
                _ = entity.Gender switch
                {
                    "FEMALE" => female.Add(id),
                    "MALE" => male.Add(id),
                    _ => false,
                };
            }
        }

        // An article that calls one entry both (two spellings, two genders) is evidence for neither.
        foreach (var id in female.Except(male))
        {
            Get(id).FemaleArticles++;
        }

        foreach (var id in male.Except(female))
        {
            Get(id).MaleArticles++;
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
            counter.FemaleArticles -= contribution.FemaleArticles;
            counter.MaleArticles -= contribution.MaleArticles;
        }
    }

    public IReadOnlyList<RegistryDelta> ToDeltas()
        => counters.Select(c => new RegistryDelta
        {
            Id = c.Key,
            Mentions = c.Value.Mentions,
            Quotes = c.Value.Quotes,
            Articles = c.Value.Articles,
            FemaleArticles = c.Value.FemaleArticles,
            MaleArticles = c.Value.MaleArticles,
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

        public long FemaleArticles { get; set; }

        public long MaleArticles { get; set; }

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
