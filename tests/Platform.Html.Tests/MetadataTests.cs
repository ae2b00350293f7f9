namespace Platform.Html.Tests;

/// <summary>Each metadata source alone, and which wins when several disagree.</summary>
public class MetadataTests
{
    private const string Body = "<body><article><p>The museum opened a new wing for maritime history on Friday.</p></article></body>";

    private static HtmlArticle WithHead(string head) => HtmlArticleExtractor.Extract($"<html><head>{head}</head>{Body}</html>");

    [Fact]
    public void OpenGraph_alone_gives_title_site_url_and_time()
    {
        var article = WithHead(
            """
            <meta property="og:title" content="Museum opens maritime wing">
            <meta property="og:site_name" content="Harbour Times">
            <meta property="og:url" content="https://times.example/museum">
            <meta property="article:published_time" content="2026-05-01T10:30:00Z">
            <meta property="article:author" content="https://times.example/staff/ruiz">
            """);

        Assert.Equal("Museum opens maritime wing", article.Title);
        Assert.Equal("Harbour Times", article.SiteName);
        Assert.Equal("https://times.example/museum", article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Null(article.Byline); // a profile URL is not a name
    }

    [Fact]
    public void Json_ld_article_wins_over_opengraph_and_joins_several_authors()
    {
        var article = WithHead(
            """
            <meta property="og:title" content="OG title">
            <meta name="author" content="Desk">
            <script type="application/ld+json">
            [{"@type": "BreadcrumbList"},
             {"@type": "NewsArticle", "headline": "JSON-LD title", "datePublished": "2026-05-02",
              "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Li Wei", {"name": "Sam Okoro"}],
              "mainEntityOfPage": {"@id": "https://times.example/jsonld"}}]
            </script>
            """);

        Assert.Equal("JSON-LD title", article.Title);
        Assert.Equal("Ana Ruiz, Li Wei and Sam Okoro", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("https://times.example/jsonld", article.CanonicalUrl);
    }

    [Fact]
    public void Json_ld_graph_with_type_array_and_publisher_reference()
    {
        var article = WithHead(
            """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "Organization", "@id": "#org", "name": "Harbour Times Group"},
              {"@type": ["Article", "NewsArticle"], "headline": "Graph title", "author": {"@id": "#p1"},
               "publisher": {"@id": "#org"}, "datePublished": "2026-05-03T08:00:00+02:00"},
              {"@type": "Person", "@id": "#p1", "name": "Ana  Ruiz"}]}
            </script>
            """);

        Assert.Equal("Graph title", article.Title);
        Assert.Equal("Ana Ruiz", article.Byline);
        Assert.Equal("Harbour Times Group", article.SiteName);
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), article.PublishedAt);
    }

    [Fact]
    public void Broken_json_ld_is_skipped_and_the_meta_tags_are_used()
    {
        var article = WithHead(
            """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "never read",</script>
            <meta property="og:title" content="From OpenGraph">
            <meta name="author" content="Ana Ruiz">
            """);

        Assert.Equal("From OpenGraph", article.Title);
        Assert.Equal("Ana Ruiz", article.Byline);
    }

    [Fact]
    public void Plain_html_fallbacks_time_element_canonical_link_rel_author_and_title_without_site_suffix()
    {
        var html =
            """
            <html><head><title>Museum opens maritime wing | Harbour Times</title>
            <meta property="og:site_name" content="Harbour Times">
            <link rel="canonical" href="https://times.example/canonical">
            <meta property="og:url" content="https://times.example/og-url"></head>
            <body><article><p class="byline">By <a rel="author">Ana Ruiz</a></p>
            <time datetime="2026-05-04T12:00:00+01:00">4 May</time>
            <p>The museum opened a new wing for maritime history on Friday.</p></article></body></html>
            """;

        var article = HtmlArticleExtractor.Extract(html);

        Assert.Equal("Museum opens maritime wing", article.Title);
        Assert.Equal("Ana Ruiz", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Equal("https://times.example/canonical", article.CanonicalUrl);
        Assert.Equal("The museum opened a new wing for maritime history on Friday.", article.Text);
    }

    [Fact]
    public void Headline_element_is_the_title_when_the_head_has_none_and_bad_values_are_ignored()
    {
        var html =
            """
            <html><head><link rel="canonical" href="/relative/only"><meta property="article:published_time" content="soon"></head>
            <body><h1> Museum   opens </h1><article><p>The museum opened a new wing for maritime history on Friday.</p></article></body></html>
            """;

        var article = HtmlArticleExtractor.Extract(html);

        Assert.Equal("Museum opens", article.Title);
        Assert.Null(article.CanonicalUrl);
        Assert.Null(article.PublishedAt);
        Assert.Null(article.Byline);
        Assert.Null(article.SiteName);
    }
}
