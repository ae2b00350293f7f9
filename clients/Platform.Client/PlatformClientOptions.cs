namespace Platform.Client;

/// <summary>Where the Platform services are and how to call them.</summary>
public sealed class PlatformClientOptions
{
    /// <summary>Default address of the extraction service.</summary>
    public static readonly Uri DefaultExtractionAddress = new("http://127.0.0.1:5101");

    /// <summary>Default address of the storage service.</summary>
    public static readonly Uri DefaultStorageAddress = new("http://127.0.0.1:5102");

    /// <summary>Address of the extraction service (http:// for plaintext HTTP/2, https:// for TLS).</summary>
    public Uri ExtractionAddress { get; set; } = DefaultExtractionAddress;

    /// <summary>Address of the storage service.</summary>
    public Uri StorageAddress { get; set; } = DefaultStorageAddress;

    /// <summary>Bearer token sent with every call, when the services require authentication; null otherwise.</summary>
    public string? Token { get; set; }

    /// <summary>Deadline of unary calls that set none (streaming calls have none by default).</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a call that failed with UNAVAILABLE is tried in all (1 disables retries).</summary>
    public int MaxAttempts { get; set; } = 4;
}
