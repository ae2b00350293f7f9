using System.Collections;
using System.Runtime.CompilerServices;

namespace Platform.Nlp.Quotes;

/// <summary>
/// The features of one candidate for the speaker ranker or the report tagger: each a 64-bit key, the FNV-1a hash of
/// its name ("d=L3-5|k=per"), so that scoring looks up numbers instead of building strings. The names themselves are
/// kept only where they are needed (training, which writes them to the model file, and tests); enumerating the
/// vector gives them.
/// </summary>
[CollectionBuilder(typeof(FeatureVector), nameof(Create))]
internal sealed class FeatureVector(ulong[] keys, string[]? names) : IEnumerable<string>
{
    /// <summary>One key per feature, in the order the features were written.</summary>
    public ulong[] Keys { get; } = keys;

    /// <summary>The feature names, or null when they were not kept.</summary>
    public string[]? Names { get; } = names;

    /// <summary>A vector from names (tests, and the collection expression <c>["bias", "cue=said"]</c>).</summary>
    public static FeatureVector Create(ReadOnlySpan<string> names)
    {
        var keys = new ulong[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            keys[i] = FeatureKey.Of(names[i]);
        }

        return new FeatureVector(keys, names.ToArray());
    }

    /// <summary>The names, which training needs to write a model file.</summary>
    public string[] RequireNames()
        => Names ?? throw new InvalidOperationException("these features were written without their names; write them with names kept to train on them");

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)(Names ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The 64-bit FNV-1a hash of a feature name over its UTF-16 code units: a model file's names map to it at load.</summary>
internal static class FeatureKey
{
    public const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> name) => Append(Offset, name);

    public static ulong Append(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>The weights of a model keyed by their names' hashes; two names with one key would be a broken model.</summary>
    public static Dictionary<ulong, float> ByKey(IReadOnlyDictionary<string, float> weights)
    {
        var byKey = new Dictionary<ulong, float>(weights.Count);
        foreach (var (name, weight) in weights)
        {
            if (!byKey.TryAdd(Of(name), weight))
            {
                throw new InvalidDataException($"two feature names share one 64-bit key, the second is '{name}'");
            }
        }

        return byKey;
    }
}
