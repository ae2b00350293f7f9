using Platform.Nlp.Analysis;
using Platform.Nlp.Tokens;

namespace Platform.Nlp.Entities.Model;

/// <summary>Single-word lists a token can belong to.</summary>
[Flags]
public enum WordLists : byte
{
    None = 0,
    FemaleFirstName = 1,
    MaleFirstName = 2,
    NamePart = 4,
    CompanyWord = 8,
}

/// <summary>Multi-word gazetteers matched longest-first over token sequences.</summary>
public enum PhraseList
{
    Country = 0,
    City = 1,
    Nationality = 2,
    Currency = 3,
}

/// <summary>
/// Word-level knowledge the model uses besides its weights: Brown clusters (two sets) and gazetteers. Lookups
/// take spans so that tagging does not allocate per token.
/// </summary>
public sealed class Lexicon
{
    /// <summary>Bit-string prefix lengths used as cluster features (Turian et al. 2010).</summary>
    internal static readonly int[] ClusterPrefixes = [4, 6, 10, 20];

    internal const int MaxPhraseTokens = 6;
    private const uint PrefixBit = 1u << 31;
    private const ulong PhraseSeed = 0x5bd1e9955bd1e995UL;

    private readonly Dictionary<string, WordEntry> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly List<string>[] _clusterPaths = [[], []];
    private readonly Dictionary<string, short>[] _clusterIds = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private readonly Dictionary<ulong, uint> _phrases = [];
    private ulong[][] _prefixHashes = [[], []];

    /// <summary>Creates an empty lexicon.</summary>
    public Lexicon()
    {
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct words with an entry.</summary>
    public int WordCount => _words.Count;

    /// <summary>Number of phrase entries (including prefixes of longer phrases).</summary>
    public int PhraseCount => _phrases.Count;

    /// <summary>Assigns a word its cluster (bit-string path) in cluster set 0 or 1.</summary>
    public void AddCluster(int set, string word, string path)
    {
        if (!_clusterIds[set].TryGetValue(path, out var id))
        {
            id = checked((short)_clusterPaths[set].Count);
            _clusterIds[set].Add(path, id);
            _clusterPaths[set].Add(path);
        }

        var entry = _words.GetValueOrDefault(word, WordEntry.Empty);
        _words[word] = set == 0 ? entry with { Cluster0 = id } : entry with { Cluster1 = id };
    }

    /// <summary>Marks a word as a member of single-word lists.</summary>
    public void AddWord(string word, WordLists lists)
    {
        var entry = _words.GetValueOrDefault(word, WordEntry.Empty);
        _words[word] = entry with { Lists = entry.Lists | lists };
    }

    /// <summary>Adds a phrase (tokenized like news text, matched case-insensitively) to a gazetteer.</summary>
    public void AddPhrase(string phrase, PhraseList list)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0 || tokens.Count > MaxPhraseTokens)
        {
            return;
        }

        var h = PhraseSeed;
        for (var i = 0; i < tokens.Count; i++)
        {
            h = FeatureHash.Combine(h, FeatureHash.Lower(phrase.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start)));
            var bits = i + 1 == tokens.Count ? 1u << (int)list : PrefixBit;
            _phrases[h] = _phrases.GetValueOrDefault(h) | bits;
        }
    }

    /// <summary>Precomputes cluster prefix hashes; call after the last <see cref="AddCluster"/>.</summary>
    public void Freeze()
    {
        _prefixHashes = new ulong[2][];
        for (var set = 0; set < 2; set++)
        {
            var paths = _clusterPaths[set];
            var hashes = new ulong[paths.Count * ClusterPrefixes.Length];
            for (var c = 0; c < paths.Count; c++)
            {
                for (var p = 0; p < ClusterPrefixes.Length; p++)
                {
                    var length = Math.Min(ClusterPrefixes[p], paths[c].Length);
                    hashes[(c * ClusterPrefixes.Length) + p] = FeatureHash.Text(paths[c].AsSpan(0, length));
                }
            }

            _prefixHashes[set] = hashes;
        }
    }

    /// <summary>Whether the word is in the company-name word list.</summary>
    public bool IsCompanyWord(ReadOnlySpan<char> word) => _wordLookup.TryGetValue(word, out var e) && (e.Lists & WordLists.CompanyWord) != 0;

    internal bool TryGetWord(ReadOnlySpan<char> word, out WordEntry entry) => _wordLookup.TryGetValue(word, out entry);

    /// <summary>Hash of the cluster prefix number <paramref name="prefix"/> of cluster <paramref name="cluster"/>.</summary>
    internal ulong ClusterPrefixHash(int set, int cluster, int prefix)
        => _prefixHashes[set][(cluster * ClusterPrefixes.Length) + prefix];

    /// <summary>
    /// The lists of the phrase made of the given tokens, and whether a longer phrase starts with them.
    /// <paramref name="hash"/> is the running hash; start it with <see cref="PhraseStart"/>.
    /// </summary>
    internal uint ExtendPhrase(ref ulong hash, ReadOnlySpan<char> token)
    {
        hash = FeatureHash.Combine(hash, FeatureHash.Lower(token));
        return _phrases.GetValueOrDefault(hash);
    }

    internal static ulong PhraseStart => PhraseSeed;

    internal static bool IsPrefix(uint bits) => (bits & PrefixBit) != 0;

    /// <summary>Whether the tokens of a span in a text form an entry of a phrase list.</summary>
    public bool IsPhrase(string text, IReadOnlyList<TextSpan> tokens, PhraseList list)
    {
        var h = PhraseStart;
        uint bits = 0;
        foreach (var token in tokens)
        {
            bits = ExtendPhrase(ref h, text.AsSpan(token.Start, token.Length));
            if (bits == 0)
            {
                return false;
            }
        }

        return (bits & (1u << (int)list)) != 0;
    }

    internal void Write(BinaryWriter writer)
    {
        for (var set = 0; set < 2; set++)
        {
            writer.Write(_clusterPaths[set].Count);
            foreach (var path in _clusterPaths[set])
            {
                writer.Write(path);
            }
        }

        writer.Write(_words.Count);
        foreach (var (word, entry) in _words.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(entry.Cluster0);
            writer.Write(entry.Cluster1);
            writer.Write((byte)entry.Lists);
        }

        writer.Write(_phrases.Count);
        foreach (var (hash, bits) in _phrases.OrderBy(p => p.Key))
        {
            writer.Write(hash);
            writer.Write(bits);
        }
    }

    internal static Lexicon Read(BinaryReader reader)
    {
        var lexicon = new Lexicon();
        for (var set = 0; set < 2; set++)
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                lexicon._clusterIds[set][path] = (short)i;
                lexicon._clusterPaths[set].Add(path);
            }
        }

        var words = reader.ReadInt32();
        lexicon._words.EnsureCapacity(words);
        for (var i = 0; i < words; i++)
        {
            var word = reader.ReadString();
            lexicon._words[word] = new WordEntry(reader.ReadInt16(), reader.ReadInt16(), (WordLists)reader.ReadByte());
        }

        var phrases = reader.ReadInt32();
        lexicon._phrases.EnsureCapacity(phrases);
        for (var i = 0; i < phrases; i++)
        {
            lexicon._phrases[reader.ReadUInt64()] = reader.ReadUInt32();
        }

        lexicon.Freeze();
        return lexicon;
    }
}

/// <summary>What the lexicon knows about one word: its clusters (-1 = none) and single-word lists.</summary>
internal readonly record struct WordEntry(short Cluster0, short Cluster1, WordLists Lists)
{
    public static WordEntry Empty { get; } = new(-1, -1, WordLists.None);
}
