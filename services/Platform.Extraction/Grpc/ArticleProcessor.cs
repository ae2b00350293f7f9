using System.Security.Cryptography;
using System.Text;
using Platform.Extraction.Forwarding;
using Platform.Html;
using Platform.Extraction.Core;
using Platform.Nlp;
using Platform.V1;

namespace Platform.Extraction.Grpc;

/// <summary>
/// Validates one article, runs the engine on it and, when asked, has the result stored. Shared by the unary and the
/// streaming RPC so that both behave the same.
/// </summary>
internal sealed class ArticleProcessor(
    NewsAnalyzer engine,
    StorageForwarder forwarder,
    ExtractionLimits limits,
    ExtractionMetrics metrics,
    ILogger<ArticleProcessor> logger)
{
    /// <summary>
    /// Checks the article and, when it came as HTML, derives its text (<see cref="ArticleText"/>). Returns the article
    /// to analyse (never carrying HTML), or an error naming the field and the limit.
    /// </summary>
    public (Article? Article, string? Error) Prepare(Article? article)
    {
        if (article is null)
        {
            return (null, "article: required");
        }

        if (article.Id.Length > limits.MaxIdLength)
        {
            return (null, $"article.id: {article.Id.Length} characters exceeds the limit of {limits.MaxIdLength}");
        }

        if (ArticleStyle.Validate(article) is { } styleError)
        {
            return (null, styleError);
        }

        if (article.Text.Length == 0 && article.Html.Length == 0)
        {
            return (null, "article.text: required (or article.html)");
        }

        if (article.Text.Length == 0 && TooLarge("article.html", article.Html, limits.MaxHtmlBytes) is { } htmlError)
        {
            return (null, htmlError);
        }

        if (article.Text.Length == 0 && HtmlArticleExtractor.IsTooDeeplyNested(article.Html))
        {
            return (null, $"article.html: elements nested deeper than the limit of {HtmlArticleExtractor.MaxNestingDepth} levels");
        }

        var analysed = ArticleText.ToAnalysed(article);
        return analysed is null
            ? (null, "article.html: no article text found")
            : (analysed, TooLarge("article.text", analysed.Text, limits.MaxTextBytes));
    }

    private static string? TooLarge(string field, string value, int limit)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > limit ? $"{field}: {bytes} bytes exceeds the limit of {limit} bytes" : null;
    }

    /// <summary>The analysis of a valid article; an article without id gets one derived from its text.</summary>
    public ArticleAnalysis Analyze(Article article)
    {
        if (article.Id.Length == 0)
        {
            article.Id = DeriveId(article.Text);
        }

        var result = engine.Analyze(article.Text, ArticleStyle.ToEngine(article.Style) ?? Nlp.TextStyle.Auto);
        foreach (var failure in result.Failures)
        {
            // The article is still answered (and stored) with what the other stages found; a failed stage is a bug to
            // see in the logs and metrics, never silently missing data.
            logger.LogWarning(failure.Error, "Engine stage {Stage} failed on article {ArticleId}; the article has no output from it",
                failure.Stage, article.Id);
            metrics.EngineFailed(failure.Stage);
        }

        return AnalysisMapper.ToMessage(article.Id, article.Text, result, NewsAnalyzer.Version);
    }

    public Task<IngestResponse> StoreAsync(Article article, ArticleAnalysis analysis, CancellationToken cancellationToken)
        => forwarder.StoreAsync(article, analysis, cancellationToken);

    /// <summary>"sha256-" and the first 16 hex digits of the text's SHA-256: the same text always gets the same id.</summary>
    public static string DeriveId(string text)
        => "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
