using Platform.Nlp.Entities.Model;

namespace Platform.Nlp.Tools.Training;

/// <summary>The kind of text a training document comes from.</summary>
internal enum TextDomain
{
    /// <summary>Newswire (CoNLL-2003): the domain the engine tags at run time.</summary>
    News = 0,

    /// <summary>Web and forum text (UNER English-EWT).</summary>
    Web = 1,

    /// <summary>Tweets (Broad Twitter Corpus, WNUT-17).</summary>
    Tweet = 2,
}

/// <summary>
/// Domain as a feature (Daumé III 2007, "frustratingly easy domain adaptation"): during training every feature of a
/// token fires twice, once shared by all domains and once conjoined with the document's domain, so that what the
/// domains agree on is learned once and their differing conventions (products as ORG on the web, MISC in
/// CoNLL) go to the domain copies. The conjoined copy of a hashed feature is another bucket of the same table.
/// At run time the engine always tags news, so the shipped table is folded: each bucket's row plus the row of its
/// news copy. A token's score from the folded table over its plain features equals its score from the training
/// table over the features and their news copies, so the engine extracts no extra features and the model
/// format does not change. Buckets no feature ever reached in training stay empty, and buckets that only other
/// domains' features reached keep their shared row: their news copy holds only the weights of unrelated features
/// that collide with it, and copying it would fill nearly every row of the table (a model file about 45 % larger
/// for the same dev score).
/// </summary>
internal static class DomainFeatures
{
    // Keeps the conjoined buckets apart from any template hash that the feature extractor combines.
    private const ulong Salt = 0xD0_3A_17_00UL;

    /// <summary>The bucket of <paramref name="feature"/> conjoined with <paramref name="domain"/>.</summary>
    public static int CopyOf(int feature, TextDomain domain, int bits)
        => (int)(FeatureHash.Combine(Salt + (ulong)domain, (ulong)feature) >> (64 - bits));

    /// <summary>
    /// Training weights (one row of <see cref="NerLabels.Count"/> per bucket) folded for one domain: every trained
    /// bucket's row plus <paramref name="domainWeight"/> times the row of its conjoined copy (1 is the model as
    /// trained, 0 the shared features alone).
    /// </summary>
    /// <param name="reached">When given, the buckets that features of this domain's documents reached in training:
    /// the others keep their shared row alone, because their copy holds only other features' weights.</param>
    public static float[] Fold(
        ReadOnlySpan<float> weights, int bits, TextDomain domain, float domainWeight = 1, ReadOnlySpan<bool> reached = default)
    {
        var labels = NerLabels.Count;
        var buckets = 1 << bits;
        if (weights.Length != buckets * labels)
        {
            throw new ArgumentException("weights do not match the table size", nameof(weights));
        }

        var folded = weights.ToArray();
        for (var f = 0; f < buckets; f++)
        {
            var row = folded.AsSpan(f * labels, labels);
            if (!row.ContainsAnyExcept(0f) || !reached.IsEmpty && !reached[f])
            {
                continue;
            }

            var copy = weights.Slice(CopyOf(f, domain, bits) * labels, labels);
            for (var y = 0; y < labels; y++)
            {
                row[y] += domainWeight * copy[y];
            }
        }

        return folded;
    }
}
