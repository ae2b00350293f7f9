using System.ComponentModel.DataAnnotations;

namespace Platform.Extraction.Forwarding;

/// <summary>How the extraction service reaches the storage service (configuration section "Storage").</summary>
public sealed class StorageForwarderOptions
{
    /// <summary>Address of the storage service, for example http://127.0.0.1:5102.</summary>
    [Required]
    public Uri? Address { get; set; }

    /// <summary>The extraction service's own bearer token for storage (scope "ingest"); empty when storage is open.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>How long a caller waits for storage to acknowledge an article before it is reported as not stored.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Articles waiting to be sent; when full, callers wait (backpressure).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 256;
}
