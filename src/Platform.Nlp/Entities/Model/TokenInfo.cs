namespace Platform.Nlp.Entities.Model;

/// <summary>Orthographic properties of a token, as bits of <see cref="TokenInfo.Flags"/>.</summary>
[Flags]
internal enum TokenFlags
{
    None = 0,
    InitCap = 1,
    AllCaps = 2,
    AllLower = 4,
    HasDigit = 8,
    AllDigits = 16,
    HasHyphen = 32,
    HasPeriod = 64,
    NoAlnum = 128,
    SentenceStart = 256,
    MixedCaps = 512,
    Headline = 1024,
    SingleChar = 2048,
}

/// <summary>
/// Everything the feature templates need about one token, computed once per token so that the window
/// features of its neighbours reuse it. A struct in a reused buffer: tagging allocates nothing per token.
/// </summary>
internal struct TokenInfo
{
    public int Start;
    public int Length;
    public ulong Word;
    public ulong Lower;
    public ulong Shape;
    public TokenFlags Flags;
    public short Cluster0;
    public short Cluster1;
    public WordLists Lists;

    /// <summary>Per phrase list, 3 bits: 0 = no match, else 1 + BILOU part of the longest match covering the token.</summary>
    public uint Phrases;

    /// <summary>Document-level evidence for the second pass (see <see cref="DocumentContext"/>).</summary>
    public int FirstPassLabel;
    public int DocumentMajority;
    public int DocumentSeen;

    /// <summary>Second pass, <see cref="FeatureSet.LabelHistory"/>: per type, whether other occurrences were tagged
    /// as a one-word entity (bit 2·type) or part of a longer one (bit 2·type + 1).</summary>
    public int DocumentParts;

    /// <summary>Second pass, <see cref="FeatureSet.LabelHistory"/>: the class (0 = O, else 1 + type) of the nearest
    /// earlier occurrence of the word, −1 if none.</summary>
    public int EarlierClass;

    /// <summary><see cref="FeatureSet.OtherContexts"/>: hashed words around the word's other occurrences.</summary>
    public OtherContextHashes OtherContexts;
    public int OtherContextCount;

    public readonly bool IsCapitalized => (Flags & (TokenFlags.InitCap | TokenFlags.AllCaps)) != 0;
}
