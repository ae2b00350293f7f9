namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Decides whether a document reads like web or forum text rather than news, from its <see cref="DocumentStyle"/>:
/// a linear score over the style features, and a threshold. The threshold is set so high that no news document
/// of the router's held-out data crosses it, so news keeps the news model and only clearly informal text (first
/// and second person, contractions, lower-case sentence starts, no reporting verbs) is tagged by the web fold.
/// Immutable and thread-safe.
/// </summary>
public sealed class DomainRouter
{
    /// <summary>Creates a router from one weight per style feature and a threshold on the score.</summary>
    public DomainRouter(float[] weights, float threshold)
        : this(weights, threshold, threshold, 0)
    {
    }

    /// <summary>
    /// Creates a router whose documents scoring between <paramref name="blendFrom"/> and the
    /// <paramref name="threshold"/> are tagged by a mix of both folds, <paramref name="blendWeight"/> of it web.
    /// </summary>
    public DomainRouter(float[] weights, float threshold, float blendFrom, float blendWeight)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != DocumentStyle.FeatureCount)
        {
            throw new ArgumentException($"a router needs {DocumentStyle.FeatureCount} weights, got {weights.Length}", nameof(weights));
        }

        if (blendFrom > threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(blendFrom), blendFrom, $"the blend band starts at or below the threshold {threshold}");
        }

        if (blendWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blendWeight), blendWeight, "the web share of the blend is between 0 and 1");
        }

        Weights = weights;
        Threshold = threshold;
        BlendFrom = blendFrom;
        BlendWeight = blendWeight;
    }

    /// <summary>One weight per <see cref="DocumentStyle"/> feature; positive is web, negative news.</summary>
    public IReadOnlyList<float> Weights { get; }

    /// <summary>Documents scoring above this are web text.</summary>
    public float Threshold { get; }

    /// <summary>
    /// Documents scoring above this and up to <see cref="Threshold"/> are tagged by the blend of both folds; equal to
    /// the threshold when the router has no blend band.
    /// </summary>
    public float BlendFrom { get; }

    /// <summary>The web fold's share of the blend (0 to 1).</summary>
    public float BlendWeight { get; }

    /// <summary>Whether some scores are tagged by the blend.</summary>
    public bool HasBlendBand => BlendFrom < Threshold && BlendWeight > 0;

    /// <summary>The document's score: the sum of its active style features' weights.</summary>
    public float Score(TokenizedText document) => Score(DocumentStyle.Features(document));

    /// <summary>The score of a document whose <see cref="DocumentStyle.Features"/> are already known.</summary>
    public float Score(ReadOnlySpan<int> features)
    {
        var score = 0f;
        foreach (var feature in features)
        {
            score += Weights[feature];
        }

        return score;
    }

    /// <summary>Whether the document is tagged as web text.</summary>
    public bool IsWeb(TokenizedText document) => Route(document) == DomainRoute.Web;

    /// <summary>Which passes tag the document.</summary>
    public DomainRoute Route(TokenizedText document)
    {
        if (document.Tokens.Length == 0)
        {
            return DomainRoute.News;
        }

        var score = Score(document);
        return score > Threshold ? DomainRoute.Web : HasBlendBand && score > BlendFrom ? DomainRoute.Blend : DomainRoute.News;
    }

    /// <summary>The same weights with another threshold (and no blend band).</summary>
    public DomainRouter WithThreshold(float threshold) => new([.. Weights], threshold);

    /// <summary>The same weights and threshold with a blend band from <paramref name="from"/> at web share <paramref name="weight"/>.</summary>
    public DomainRouter WithBlend(float from, float weight) => new([.. Weights], Threshold, from, weight);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Weights.Count);
        foreach (var w in Weights)
        {
            writer.Write(w);
        }

        writer.Write(Threshold);
    }

    // The blend band comes after the web passes' router in format 4 only, so that routers without one are written
    // as before.
    internal void WriteBlend(BinaryWriter writer)
    {
        writer.Write(BlendFrom);
        writer.Write(BlendWeight);
    }

    internal DomainRouter ReadBlend(BinaryReader reader) => WithBlend(reader.ReadSingle(), reader.ReadSingle());

    internal static DomainRouter Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count != DocumentStyle.FeatureCount)
        {
            throw new InvalidDataException("The model's domain router does not match this engine's style features.");
        }

        var weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        return new DomainRouter(weights, reader.ReadSingle());
    }
}

/// <summary>Which of a model's passes tag a document.</summary>
public enum DomainRoute
{
    /// <summary>The news fold: newswire and everything that reads like it.</summary>
    News,

    /// <summary>A mix of both folds, for documents the router cannot place with confidence.</summary>
    Blend,

    /// <summary>The web fold: forum posts, reviews, e-mail.</summary>
    Web,
}
