namespace Platform.Storage.Ingest;

/// <summary>Limits on what one ingested article may contain (configuration section "Storage:Limits").</summary>
public sealed class StorageLimits
{
    /// <summary>Maximum UTF-8 size of <c>article.text</c>.</summary>
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    /// <summary>Maximum length of an article id.</summary>
    public int MaxIdLength { get; set; } = 200;

    /// <summary>Maximum length of short strings: url, title, source, names, cues, channels, engine version.</summary>
    public int MaxShortStringLength { get; set; } = 2000;

    /// <summary>Maximum number of quotes per analysis.</summary>
    public int MaxQuotes { get; set; } = 10_000;

    /// <summary>Maximum number of entities per analysis.</summary>
    public int MaxEntities { get; set; } = 10_000;

    /// <summary>Maximum number of mentions per analysis, over all entities.</summary>
    public int MaxMentions { get; set; } = 100_000;

    /// <summary>
    /// How long an article waits for an unreachable database (retrying with backoff) before it is reported FAILED.
    /// </summary>
    public TimeSpan DatabaseRetryTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Batches of one Ingest stream stored at the same time, each in its own transaction.</summary>
    public int IngestParallelism { get; set; } = 4;

    /// <summary>
    /// Most articles stored in one transaction. Batches form from what is waiting, so a lone article is stored at
    /// once and a busy stream gets large, cheap transactions.
    /// </summary>
    public int MaxBatchArticles { get; set; } = 32;

    /// <summary>Largest page a query may ask for.</summary>
    public int MaxPageSize { get; set; } = 500;
}
