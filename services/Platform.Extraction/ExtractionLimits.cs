using System.ComponentModel.DataAnnotations;

namespace Platform.Extraction;

/// <summary>Limits on submitted articles (configuration section "Extraction:Limits").</summary>
public sealed class ExtractionLimits
{
    /// <summary>Maximum UTF-8 size of <c>article.text</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Maximum UTF-8 size of <c>article.html</c>. Larger than the text limit: a page carries markup, scripts and
    /// styles around its story.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxHtmlBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Maximum length of an article id.</summary>
    [Range(1, 10_000)]
    public int MaxIdLength { get; set; } = 200;

    /// <summary>Responses computed ahead of the one being written, per stream.</summary>
    [Range(1, 100_000)]
    public int StreamWindow { get; set; } = 64;
}
