using System.Diagnostics;

namespace Platform.Html.Tests;

/// <summary>How the body text is written: entities, whitespace, line structure, broken and hostile input.</summary>
public class TextTests
{
    private static string TextOf(string body) => HtmlArticleExtractor.Extract($"<html><body><article>{body}</article></body></html>").Text;

    [Fact]
    public void Entities_are_decoded_and_whitespace_including_no_break_spaces_is_collapsed()
    {
        var text = TextOf("<p>  Caf&eacute; &amp; bar&nbsp;&nbsp;opened &#8220;today&#x201D;,\n\t said   &lt;owner&gt; Ana&#160;Ruiz. </p>");

        Assert.Equal("Café & bar opened “today”, said <owner> Ana Ruiz.", text);
    }

    [Fact]
    public void Headings_paragraphs_list_items_and_double_breaks_become_lines_in_order()
    {
        var text = TextOf(
            "<h2>First</h2><p>One <b>bold</b> <i>word</i>.</p><ul><li>Item a</li><li>Item b</li></ul>" +
            "<div>Line one<br>continues<br><br>Second paragraph</div><h3>Last</h3><p>End.</p>");

        Assert.Equal("First\nOne bold word.\nItem a\nItem b\nLine one continues\nSecond paragraph\nLast\nEnd.", text);
    }

    [Fact]
    public void Malformed_html_is_repaired_by_the_parser_and_keeps_its_text()
    {
        var html = "<html><body><article><p>Unclosed first paragraph <b>bold <i>both</b> italic?</i>" +
                   "<p>Second paragraph</div></span> after stray end tags<p>Third &amp unterminated entity &copy" +
                   "<table><tr><td>cell without end</article>";

        var text = HtmlArticleExtractor.Extract(html).Text;

        Assert.Equal(
            "Unclosed first paragraph bold both italic?\nSecond paragraph after stray end tags\nThird & unterminated entity ©\ncell without end",
            text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html></html>")]
    [InlineData("<html><head><title>Only a title</title></head><body></body></html>")]
    [InlineData("<body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><footer>© 2026 Example</footer><script>var x = 1;</script></body>")]
    [InlineData("<body><div class='comments'><p>A reader wrote a long comment that is not the article.</p></div></body>")]
    public void Page_without_article_text_gives_empty_text(string html)
    {
        Assert.Equal(string.Empty, HtmlArticleExtractor.Extract(html).Text);
    }

    [Fact]
    public void Plain_text_without_tags_is_read_as_one_paragraph()
    {
        Assert.Equal("Just words, no markup.", HtmlArticleExtractor.Extract("Just words, no markup.").Text);
    }

    [Fact]
    public void Huge_inline_script_and_style_are_dropped_quickly()
    {
        var script = "<script>var data = [" + string.Concat(Enumerable.Repeat("\"<p>not text</p>\",", 250_000)) + "];</script>";
        var style = "<style>" + string.Concat(Enumerable.Repeat(".x{color:red}", 100_000)) + "</style>";
        var html = $"<html><head>{style}</head><body>{script}<article><p>“The dam holds,” said engineer Bo Lindgren.</p></article>{script}</body></html>";
        var watch = Stopwatch.StartNew();

        var article = HtmlArticleExtractor.Extract(html);

        Assert.Equal("“The dam holds,” said engineer Bo Lindgren.", article.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_deeper_pages_are_refused_without_parsing()
    {
        static string Nested(int depth, string tag)
            => string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "<p>Deep text.</p>" + string.Concat(Enumerable.Repeat($"</{tag}>", depth));

        Assert.Equal("Deep text.", HtmlArticleExtractor.Extract(Nested(HtmlArticleExtractor.MaxNestingDepth - 10, "div")).Text);

        // "<div/>" opens a div in HTML, so it nests like "<div>".
        Assert.True(HtmlArticleExtractor.IsTooDeeplyNested(string.Concat(Enumerable.Repeat("<div/>", 2_000))));

        // Four megabytes of unclosed elements: refused at once instead of minutes of parsing.
        var hostile = string.Concat(Enumerable.Repeat("<div><span>", 400_000));
        var watch = Stopwatch.StartNew();
        Assert.True(HtmlArticleExtractor.IsTooDeeplyNested(hostile));
        Assert.Equal(new HtmlArticle(string.Empty, null, null, null, null, null), HtmlArticleExtractor.Extract(hostile));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(5_000, "<p>")] // paragraphs and list items close themselves
    [InlineData(5_000, "<li>")]
    [InlineData(5_000, "<br>")]
    [InlineData(5_000, "<img src=x>")]
    [InlineData(5_000, "<svg><path d='M0 0'/><circle r='1'/></svg>")] // "/>" closes inside svg
    [InlineData(5_000, "<!-- <div> -->")]
    [InlineData(5_000, "<div></div>")]
    public void Long_flat_pages_are_not_mistaken_for_deep_ones(int count, string unit)
    {
        var html = "<article>" + string.Concat(Enumerable.Repeat(unit, count)) + "<script>var s = '" +
                   string.Concat(Enumerable.Repeat("<div>", 5_000)) + "';</script></article>";

        Assert.False(HtmlArticleExtractor.IsTooDeeplyNested(html));
    }

    [Fact]
    public void Captions_credits_and_ad_labels_written_as_plain_paragraphs_are_dropped()
    {
        var text = TextOf(
            "<p>The pier reopened on Monday after a winter of repairs by the town.</p><p>Photo: Jan Berg</p>" +
            "<p>Advertisement</p><figure><img src='a.jpg'><figcaption>The pier at dawn</figcaption></figure>" +
            "<div class='image-credit'>Reuters</div><p>Boats returned the same day to the pier.</p>");

        Assert.Equal("The pier reopened on Monday after a winter of repairs by the town.\nBoats returned the same day to the pier.", text);
    }
}
