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
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != DocumentStyle.FeatureCount)
        {
            throw new ArgumentException($"a router needs {DocumentStyle.FeatureCount} weights, got {weights.Length}", nameof(weights));
        }

        Weights = weights;
        Threshold = threshold;
    }

    /// <summary>One weight per <see cref="DocumentStyle"/> feature; positive is web, negative news.</summary>
    public IReadOnlyList<float> Weights { get; }

    /// <summary>Documents scoring above this are web text.</summary>
    public float Threshold { get; }

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
    public bool IsWeb(TokenizedText document) => document.Tokens.Length > 0 && Score(document) > Threshold;

    /// <summary>The same weights with another threshold.</summary>
    public DomainRouter WithThreshold(float threshold) => new([.. Weights], threshold);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Weights.Count);
        foreach (var w in Weights)
        {
            writer.Write(w);
        }

        writer.Write(Threshold);
    }

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
