namespace Platform.Nlp.Entities.Model;

/// <summary>
/// Groups of features a training run may leave out. Runs trained on different groups and summed into one weight
/// table behave like an ensemble of differently-featured models, yet the engine still extracts and scores every
/// feature once: a feature missing from one run simply has that run's weight zero.
/// </summary>
[Flags]
internal enum FeatureGroups
{
    None = 0,

    /// <summary>Brown-cluster prefixes from the Turian RCV1 clusters.</summary>
    Turian = 1,

    /// <summary>Brown-cluster prefixes from the Koo BLLIP clusters.</summary>
    Koo = 2,

    /// <summary>Single-word lists and multi-word gazetteer matches.</summary>
    Gazetteers = 4,

    /// <summary>Prefixes and suffixes.</summary>
    Affixes = 8,
}
