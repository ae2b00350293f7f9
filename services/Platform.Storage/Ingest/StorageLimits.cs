using System.ComponentModel.DataAnnotations;

namespace Platform.Storage.Ingest;

/// <summary>Limits on what one ingested article may contain (configuration section "Storage:Limits").</summary>
public sealed class StorageLimits
{
    /// <summary>Maximum UTF-8 size of <c>article.text</c>.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    /// <summary>Maximum length of an article id.</summary>
    [Range(1, 10_000)]
    public int MaxIdLength { get; set; } = 200;

    /// <summary>Maximum length of short strings: url, title, source, names, cues, channels, engine version.</summary>
    [Range(1, int.MaxValue)]
    public int MaxShortStringLength { get; set; } = 2000;

    /// <summary>Maximum number of quotes per analysis.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQuotes { get; set; } = 10_000;

    /// <summary>Maximum number of entities per analysis.</summary>
    [Range(0, int.MaxValue)]
    public int MaxEntities { get; set; } = 10_000;

    /// <summary>Maximum number of mentions per analysis, over all entities.</summary>
    [Range(0, int.MaxValue)]
    public int MaxMentions { get; set; } = 100_000;

    /// <summary>
    /// How long an article waits for an unreachable database (retrying with backoff) before it is reported FAILED.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DatabaseRetryTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Batches of one Ingest stream stored at the same time, each in its own transaction.</summary>
    [Range(1, 256)]
    public int IngestParallelism { get; set; } = 4;

    /// <summary>
    /// Most articles stored in one transaction. Batches form from what is waiting, so a lone article is stored at
    /// once and a busy stream gets large, cheap transactions.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxBatchArticles { get; set; } = 32;

    /// <summary>Largest page a query may ask for.</summary>
    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = 500;
}
