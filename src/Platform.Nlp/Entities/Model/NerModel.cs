using System.IO.Compression;
using System.Text;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// The trained named-entity model: lexicon (clusters and gazetteers) and the weights of one or two passes.
/// Stored as one gzip-compressed binary file with sparse quantized weights. Immutable and thread-safe.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "PNER";
    // Version 1: base features; version 2 adds the feature set after the description. Base models are still
    // written as version 1 so that their files stay byte-identical.
    private const int FormatVersion = 2;
    private const string ResourceName = "Platform.Nlp.Resources.ner-model.bin.gz";

    private static readonly Lazy<NerModel?> Embedded = new(LoadEmbedded);

    internal NerModel(Lexicon lexicon, WeightTable first, WeightTable? second, string description, FeatureSet features = FeatureSet.Base)
    {
        Lexicon = lexicon;
        First = first;
        Second = second;
        Description = description;
        Features = features;
    }

    /// <summary>The model embedded in this assembly, loaded once per process; null if the build has none.</summary>
    public static NerModel? Default => Embedded.Value;

    /// <summary>Free text stored with the model: training data, command, scores.</summary>
    public string Description { get; }

    /// <summary>The clusters and gazetteers used by the features.</summary>
    public Lexicon Lexicon { get; }

    internal FeatureSet Features { get; }

    internal WeightTable First { get; }

    internal WeightTable? Second { get; }

    /// <summary>BILOU label indices (see <see cref="NerLabels"/>) for every token of a document.</summary>
    public int[] Tag(TokenizedText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Tagger(Lexicon, Features).Tag(document, First, Second);
    }

    /// <summary>Writes the model (gzip).</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Features == FeatureSet.Base ? 1 : FormatVersion);
        writer.Write(Description);
        if (Features != FeatureSet.Base)
        {
            writer.Write((int)Features);
        }

        writer.Write(NerLabels.Count);
        Lexicon.Write(writer);
        First.Write(writer);
        writer.Write(Second is not null);
        Second?.Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        // Decompress in one go: millions of small reads are much cheaper from memory than through the gzip stream.
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            gzip.CopyTo(memory);
        }

        memory.Position = 0;
        using var reader = new BinaryReader(memory, Encoding.UTF8);
        var magic = reader.ReadString();
        var version = magic == Magic ? reader.ReadInt32() : 0;
        if (version is < 1 or > FormatVersion)
        {
            throw new InvalidDataException("Not a named-entity model of this format version.");
        }

        var description = reader.ReadString();
        var features = version >= 2 ? (FeatureSet)reader.ReadInt32() : FeatureSet.Base;
        if ((features & ~FeatureSets.Known) != 0)
        {
            throw new InvalidDataException("The model's feature set is unknown to this engine.");
        }

        if (reader.ReadInt32() != NerLabels.Count)
        {
            throw new InvalidDataException("The model's label set does not match this engine.");
        }

        var lexicon = Lexicon.Read(reader);
        var first = WeightTable.Read(reader);
        var second = reader.ReadBoolean() ? WeightTable.Read(reader) : null;
        return new NerModel(lexicon, first, second, description, features);
    }

    private static NerModel? LoadEmbedded()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
