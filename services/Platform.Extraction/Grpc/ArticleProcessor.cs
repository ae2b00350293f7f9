using System.Security.Cryptography;
using System.Text;
using Platform.Extraction.Forwarding;
using Platform.Mapping;
using Platform.Nlp;
using Platform.V1;

namespace Platform.Extraction.Grpc;

/// <summary>
/// Validates one article, runs the engine on it and, when asked, has the result stored. Shared by the unary and the
/// streaming RPC so that both behave the same.
/// </summary>
internal sealed class ArticleProcessor(NewsAnalyzer engine, StorageForwarder forwarder, ExtractionLimits limits)
{
    /// <summary>Checks the article; returns an error naming the field and the limit, or null.</summary>
    public string? Validate(Article? article)
    {
        if (article is null)
        {
            return "article: required";
        }

        if (article.Id.Length > limits.MaxIdLength)
        {
            return $"article.id: {article.Id.Length} characters exceeds the limit of {limits.MaxIdLength}";
        }

        if (article.Text.Length == 0)
        {
            return "article.text: required";
        }

        var bytes = Encoding.UTF8.GetByteCount(article.Text);
        return bytes > limits.MaxTextBytes
            ? $"article.text: {bytes} bytes exceeds the limit of {limits.MaxTextBytes} bytes"
            : null;
    }

    /// <summary>The analysis of a valid article; an article without id gets one derived from its text.</summary>
    public ArticleAnalysis Analyze(Article article)
    {
        if (article.Id.Length == 0)
        {
            article.Id = DeriveId(article.Text);
        }

        return AnalysisMapper.ToMessage(article.Id, article.Text, engine.Analyze(article.Text), NewsAnalyzer.Version);
    }

    public Task<IngestResponse> StoreAsync(Article article, ArticleAnalysis analysis, CancellationToken cancellationToken)
        => forwarder.StoreAsync(article, analysis, cancellationToken);

    /// <summary>"sha256-" and the first 16 hex digits of the text's SHA-256: the same text always gets the same id.</summary>
    public static string DeriveId(string text)
        => "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
