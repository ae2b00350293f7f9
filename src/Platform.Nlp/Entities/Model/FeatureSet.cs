namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Which token features a model was trained with; stored in the model file so that the engine extracts the same.
/// Flags: a model file records the combination it was trained with, and every older file (Base or Extended) loads
/// and tags as before because a flag it does not carry adds no feature.
/// </summary>
[Flags]
internal enum FeatureSet
{
    /// <summary>The features listed in docs/quality.md (prefixes and suffixes 1–4).</summary>
    Base = 0,

    /// <summary>
    /// Base plus prefixes and suffixes of 5 characters, a word-length bucket with the capitalization, and the word's
    /// cluster prefixes combined with its shape.
    /// </summary>
    Extended = 1,

    /// <summary>
    /// Context aggregation (Ratinov and Roth 2009): a capitalized word also sees the words around its other
    /// occurrences in the document (<see cref="ContextAggregation"/>), in both passes.
    /// </summary>
    OtherContexts = 2,

    /// <summary>
    /// Second pass: besides the types the first pass gave the word's other occurrences, whether those occurrences
    /// were one-word or multi-word entities, and the type of the nearest earlier occurrence.
    /// </summary>
    LabelHistory = 4,

    /// <summary>
    /// As <see cref="OtherContexts"/>, but a neighbour with a Brown cluster lends its cluster's 10-bit prefix instead
    /// of its word, so that "Mr." and "Mrs.", "said" and "told" lend the same feature.
    /// </summary>
    OtherContextClusters = 8,

    /// <summary>
    /// With <see cref="OtherContexts"/> or <see cref="OtherContextClusters"/>: a word the country or city gazetteer
    /// knows gets its lent contexts conjoined with that place class, so that a capital named as the actor for its
    /// government ("said", "by" around it) learns those contexts apart from people's.
    /// </summary>
    OtherContextPlaceClass = 16,

    /// <summary>
    /// With <see cref="OtherContexts"/> or <see cref="OtherContextClusters"/>: only the word before each other
    /// occurrence is lent (titles such as "Mr." stand there; the verbs after a name are shared by people and places
    /// standing for governments).
    /// </summary>
    OtherContextLeftOnly = 32,

    /// <summary>
    /// With <see cref="OtherContexts"/> or <see cref="OtherContextClusters"/>: a word the country or city gazetteer
    /// knows is lent no context at all (it keeps only its own neighbours, as without the document-level features).
    /// </summary>
    OtherContextNotPlaces = 64,
}

/// <summary>Names of the feature sets on the command line and in model descriptions.</summary>
internal static class FeatureSets
{
    /// <summary>Every flag this engine knows; a model file with any other bit set is refused.</summary>
    public const FeatureSet Known = FeatureSet.Extended | FeatureSet.OtherContexts | FeatureSet.LabelHistory | FeatureSet.OtherContextClusters
        | FeatureSet.OtherContextPlaceClass | FeatureSet.OtherContextLeftOnly | FeatureSet.OtherContextNotPlaces;

    /// <summary>Parses "base", "extended" or a '+'-separated list such as "extended+contexts+history".</summary>
    public static FeatureSet Parse(string text)
    {
        var set = FeatureSet.Base;
        foreach (var name in text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            set |= name switch
            {
                "base" => FeatureSet.Base,
                "extended" => FeatureSet.Extended,
                "contexts" => FeatureSet.OtherContexts,
                "history" => FeatureSet.LabelHistory,
                "context-clusters" => FeatureSet.OtherContextClusters,
                "context-places" => FeatureSet.OtherContextPlaceClass,
                "context-left" => FeatureSet.OtherContextLeftOnly,
                "context-not-places" => FeatureSet.OtherContextNotPlaces,
                _ => throw new ArgumentException(
                    $"unknown feature set '{name}' (base, extended, contexts, context-clusters, context-places, context-left, context-not-places, history)", nameof(text)),
            };
        }

        return set;
    }
}
