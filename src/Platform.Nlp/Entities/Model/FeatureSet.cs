namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Which token features a model was trained with; stored in the model file so that the engine extracts the same.
/// </summary>
internal enum FeatureSet
{
    /// <summary>The features listed in docs/quality.md (prefixes and suffixes 1–4).</summary>
    Base = 0,

    /// <summary>
    /// Base plus prefixes and suffixes of 5 characters, a word-length bucket with the capitalization, and the word's
    /// cluster prefixes combined with its shape.
    /// </summary>
    Extended = 1,
}
