namespace Platform.Html.Tests;

/// <summary>Whole pages written to look like real news sites: the exact clean text and the metadata.</summary>
public class PageTests
{
    private static HtmlArticle ExtractPage(string relativePath)
        => HtmlArticleExtractor.Extract(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", relativePath)));

    [Fact]
    public void Newspaper_page_with_article_element_yields_only_the_story_one_paragraph_per_line()
    {
        var article = ExtractPage("samples/tram-extension.html");

        Assert.Equal(
            """
            Valmora’s city council voted 31 to 12 on Tuesday night to extend tram line 3 from Eastgate to the university district, ending two years of argument over the route.
            The 4.2 km extension will add six stops and is expected to cost €118 million, of which the regional government has promised to cover ½.
            “This is the line students and nurses have been asking for since I was a student myself,” said deputy mayor Farid Oyelaran, who steered the plan through the council. “Construction starts in September.”
            Shops fear two years of roadworks
            Traders on Mill Street, where the tracks will run, are less enthusiastic. Hanna Brezina, who runs a bakery near the planned Mill Street stop, said that the works would "empty the street for two summers".
            The council set aside €2 million for compensation. Opposition leader Gustav Lindqvist told the Courier that the sum was “a plaster on a broken leg”.
            Trams are scheduled to run on the new section from the autumn of 2028.
            """.ReplaceLineEndings("\n"),
            article.Text);
        Assert.Equal("Tram line to reach university district by 2028", article.Title);
        Assert.Equal("Ines Kowalczyk", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 7, 45, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Equal("https://courier.example/city/2026/03/tram-line-3-extension", article.CanonicalUrl);
        Assert.Equal("The Valmora Courier", article.SiteName);
    }

    [Theory]
    [InlineData("samples/tram-extension.html")]
    [InlineData("samples/library-reopening.html")]
    [InlineData("blog-layout.html")]
    public void Page_furniture_never_reaches_the_text(string page)
    {
        var text = ExtractPage(page).Text;

        string[] furniture =
        [
            "Share", "Facebook", "WhatsApp", "Copy link", "Advertisement", "Sponsored", "Related", "You may also like",
            "Most read", "Popular", "Comments", "thoughts on", "Photo", "Picture", "Credit", "Mill Street, where six shops",
            "reading room on the first floor", "cookies", "All rights reserved", "Subscribe", "Search", "Posted", "By ",
            "Topics", "Home", "Tel.", "window.", "display:", "{",
        ];
        Assert.All(furniture, f => Assert.DoesNotContain(f, text, StringComparison.Ordinal));
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.Equal(line.Trim(), line));
    }

    [Fact]
    public void Div_layout_with_json_ld_graph_resolves_author_reference_and_names_the_site()
    {
        var article = ExtractPage("samples/library-reopening.html");

        Assert.Equal(
            """
            Kessling's public library opened its doors again on Thursday, fourteen months after the river Orm poured through the reading room and ruined some 9,000 books.
            The ground floor is now a hall of tiled floors and raised sockets that can be hosed down after a flood. The books have moved upstairs.
            “We stopped pretending the river would not come back,” said head librarian Margit Oduya. “So we gave it a floor of its own.”
            The rebuild cost £1.6 million, most of it raised by the county council and a public appeal that collected £212,000 in small donations.
            Children’s corner first
            Parents queued before the opening for the children’s corner, the first part of the library to be rebuilt. Councillor Dev Anand said the council would publish a flood plan for every public building in Kessling by the summer.
            Volunteers are still cleaning about 400 damaged books by hand. Oduya said that anyone who wanted to help could come on Saturday mornings.
            """.ReplaceLineEndings("\n"),
            article.Text);
        Assert.Equal("Flooded library reopens with a floor for the river", article.Title);
        Assert.Equal("Tobias Achterberg", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 2, 19, 16, 20, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("https://gazette.example/news/library-reopens-after-flood", article.CanonicalUrl);
        Assert.Equal("Orm Valley Gazette", article.SiteName);
    }

    [Fact]
    public void Blog_layout_without_json_ld_falls_back_to_opengraph_and_html_metadata()
    {
        var article = ExtractPage("blog-layout.html");

        Assert.Equal(
            """
            The Saltmarsh ferry will run on electricity from May, the island cooperative that owns it announced at its spring meeting.
            “Our diesel bill was bigger than our wage bill last winter,” said cooperative chair Oskar Vendelbo.
            Islanders voted 212 to 40 for the change.
            Charging points will be built on both slipways.
            Skipper Lotte Brandt said the crew had tested the new boat in gales and that it handled “like a dream”.
            """.ReplaceLineEndings("\n"),
            article.Text);
        Assert.Equal("Island ferry goes electric", article.Title);
        Assert.Equal("Mette Lund", article.Byline);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(2)), article.PublishedAt);
        Assert.Equal("https://islandpost.example/2026/04/ferry-electric", article.CanonicalUrl);
        Assert.Equal("The Island Post", article.SiteName);
    }
}
