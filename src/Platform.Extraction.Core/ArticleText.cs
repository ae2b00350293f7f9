using Google.Protobuf.WellKnownTypes;
using Platform.Html;
using Platform.V1;

namespace Platform.Extraction.Core;

/// <summary>
/// The article as the engine sees it: its text, derived from its HTML page when it came as HTML. The extraction service
/// and the console client's offline mode both derive it here, so that both analyse the same text.
/// </summary>
public static class ArticleText
{
    /// <summary>
    /// A copy of <paramref name="article"/> without HTML whose text is what the analysis' offsets will refer to. An
    /// article with text is taken as it is; one with only HTML gets the page's article body as text and the page's
    /// title, canonical URL, publication time and site name where its own fields are empty. Null when the page
    /// holds no article text.
    /// </summary>
    public static Article? ToAnalysed(Article article)
    {
        var analysed = article.Clone();
        analysed.Html = string.Empty;
        if (article.Text.Length > 0 || article.Html.Length == 0)
        {
            return analysed;
        }

        var page = HtmlArticleExtractor.Extract(article.Html);
        if (page.Text.Length == 0)
        {
            return null;
        }

        analysed.Text = page.Text;
        analysed.Title = Either(analysed.Title, page.Title);
        analysed.Url = Either(analysed.Url, page.CanonicalUrl);
        analysed.Source = Either(analysed.Source, page.SiteName);
        if (analysed.PublishedAt is null && page.PublishedAt is { } published)
        {
            analysed.PublishedAt = Timestamp.FromDateTimeOffset(published);
        }

        return analysed;
    }

    private static string Either(string given, string? fromPage) => given.Length > 0 ? given : fromPage ?? string.Empty;
}
