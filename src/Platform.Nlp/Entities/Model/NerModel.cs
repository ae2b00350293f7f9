using System.IO.Compression;
using System.Text;

namespace Platform.Nlp.Entities.Model;

/// <summary>
/// The trained named-entity model: lexicon (clusters and gazetteers) and the weights of one or two passes.
/// Optionally a second set of passes for web and forum text, folded from the same training for that domain, and
/// the <see cref="DomainRouter"/> that picks it for documents that read like the web.
/// Stored as one gzip-compressed binary file with sparse quantized weights. Immutable and thread-safe.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "PNER";
    // Version 1: base features; version 2 adds the feature set after the description; version 3 adds the domain
    // router and the web passes at the end; version 4 adds the router's blend band after the router. Each model is
    // written in the oldest version that holds it, so that files of older models stay byte-identical.
    private const int FormatVersion = 4;
    private const string ResourceName = "Platform.Nlp.Resources.ner-model.bin.gz";

    private static readonly Lazy<NerModel?> Embedded = new(LoadEmbedded);

    internal NerModel(
        Lexicon lexicon, WeightTable first, WeightTable? second, string description, FeatureSet features = FeatureSet.Base,
        DomainRouter? router = null, Lazy<WebPasses>? web = null)
    {
        Lexicon = lexicon;
        First = first;
        Second = second;
        Description = description;
        Features = features;
        Router = router;
        _web = router is null ? null : web ?? throw new ArgumentNullException(nameof(web), "a router needs web passes");
        _blend = router is { HasBlendBand: true } ? new Lazy<(IScorer, IScorer?)>(() => Blend(router.BlendWeight)) : null;
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

    // Decoded on the first web-routed document: a service that only sees news never holds the web tables in memory.
    private readonly Lazy<WebPasses>? _web;

    internal WebPasses? Web => _web?.Value;

    // Built with the web tables, on the first document in the router's blend band.
    private readonly Lazy<(IScorer First, IScorer? Second)>? _blend;

    /// <summary>The router that sends web-like documents to the web passes; null for a news-only model.</summary>
    public DomainRouter? Router { get; }

    /// <summary>BILOU label indices (see <see cref="NerLabels"/>) for every token of a document.</summary>
    public int[] Tag(TokenizedText document) => Tag(document, out _);

    /// <summary>
    /// BILOU label indices for every token of a document as the router chooses; <paramref name="web"/> tells whether
    /// the web passes tagged it (the overload with a <see cref="DomainRoute"/> also tells the blend apart).
    /// </summary>
    public int[] Tag(TokenizedText document, out bool web)
    {
        var labels = Tag(document, TextStyle.Auto, out var route);
        web = route == DomainRoute.Web;
        return labels;
    }

    /// <summary>
    /// BILOU label indices for every token of a document whose style the caller may know: <see cref="TextStyle.Web"/>
    /// takes the web passes and <see cref="TextStyle.News"/> the news passes without asking the router, which
    /// otherwise chooses (news for a model without web passes); <paramref name="route"/> tells which passes tagged it.
    /// </summary>
    public int[] Tag(TokenizedText document, TextStyle style, out DomainRoute route)
    {
        ArgumentNullException.ThrowIfNull(document);
        route = Router is not { } router ? DomainRoute.News : style switch
        {
            TextStyle.News => DomainRoute.News,
            TextStyle.Web => DomainRoute.Web,
            _ => router.Route(document),
        };
        var tagger = new Tagger(Lexicon, Features);
        return route switch
        {
            DomainRoute.Web => tagger.Tag(document, Web!.First, Web.Second),
            DomainRoute.Blend => tagger.Tag(document, _blend!.Value.First, _blend.Value.Second),
            _ => tagger.Tag(document, First, Second),
        };
    }

    /// <summary>This model with another router (the same web passes), to try thresholds and blend bands.</summary>
    public NerModel WithRouter(DomainRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return _web is null
            ? throw new InvalidOperationException("a model without web passes has no router to replace")
            : new NerModel(Lexicon, First, Second, Description, Features, router, _web);
    }

    private (IScorer First, IScorer? Second) Blend(float webShare)
    {
        var web = Web!;
        return (new BlendedScorer(First, web.First, webShare), Second is null ? null : new BlendedScorer(Second, web.Second!, webShare));
    }

    /// <summary>
    /// This model with the passes of <paramref name="webFold"/> (the same training folded for web text, so the same
    /// lexicon and features) for the documents <paramref name="router"/> reads as web text. Weights of the web
    /// passes smaller than <paramref name="minWeight"/> (quantized units) are dropped to keep the file small.
    /// </summary>
    public NerModel WithWebPasses(NerModel webFold, DomainRouter router, short minWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(webFold);
        ArgumentNullException.ThrowIfNull(router);
        if (webFold.Features != Features || (webFold.Second is null) != (Second is null))
        {
            throw new ArgumentException("the web fold must come from the same training as this model", nameof(webFold));
        }

        var web = new WebPasses(webFold.First.Pruned(minWeight), webFold.Second?.Pruned(minWeight));
        return new NerModel(
            Lexicon, First, Second, $"{Description}; web passes: {webFold.Description}, weights below {minWeight} dropped", Features, router, new Lazy<WebPasses>(web));
    }

    /// <summary>Writes the model (gzip).</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        var version = Router is { HasBlendBand: true } ? 4 : Router is not null ? 3 : Features == FeatureSet.Base ? 1 : 2;
        writer.Write(Magic);
        writer.Write(version);
        writer.Write(Description);
        if (version >= 2)
        {
            writer.Write((int)Features);
        }

        writer.Write(NerLabels.Count);
        Lexicon.Write(writer);
        First.Write(writer);
        writer.Write(Second is not null);
        Second?.Write(writer);
        if (Router is not null && Web is { } web)
        {
            // The router first, so that a reader can keep the web tables encoded until a document needs them.
            Router.Write(writer);
            if (version >= 4)
            {
                Router.WriteBlend(writer);
            }

            web.First.Write(writer);
            writer.Write(web.Second is not null);
            web.Second?.Write(writer);
        }
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
        DomainRouter? router = null;
        Lazy<WebPasses>? web = null;
        if (version >= 3)
        {
            router = DomainRouter.Read(reader);
            if (version >= 4)
            {
                router = router.ReadBlend(reader);
            }

            // The web tables stay in their sparse encoding (a few MB) until the first web-routed document.
            var encoded = memory.GetBuffer().AsMemory((int)memory.Position, (int)(memory.Length - memory.Position)).ToArray();
            web = new Lazy<WebPasses>(() => ReadWebPasses(encoded));
        }

        return new NerModel(lexicon, first, second, description, features, router, web);
    }

    private static WebPasses ReadWebPasses(byte[] encoded)
    {
        using var reader = new BinaryReader(new MemoryStream(encoded), Encoding.UTF8);
        var first = WeightTable.Read(reader);
        var second = reader.ReadBoolean() ? WeightTable.Read(reader) : null;
        return new WebPasses(first, second);
    }

    private static NerModel? LoadEmbedded()
    {
        using var stream = typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}

/// <summary>The passes that tag the documents the <see cref="DomainRouter"/> reads as web text.</summary>
internal sealed record WebPasses(WeightTable First, WeightTable? Second);
