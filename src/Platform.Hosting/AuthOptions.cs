namespace Platform.Hosting;

/// <summary>
/// Who may call a service (configuration section "Auth"). With no tokens configured, authentication is off: fine on
/// a developer machine or a private network, and announced by a warning at start-up.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The accepted bearer tokens with what each may do.</summary>
    public List<ClientToken> Tokens { get; set; } = [];
}

/// <summary>One client's credential.</summary>
public sealed class ClientToken
{
    /// <summary>Who the client is, for logs and rate limits ("extraction-service", "newsroom-app"). Never the secret.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The secret the client sends as "authorization: Bearer &lt;token&gt;".</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>What it may do: "ingest" (write to storage), "read" (queries), "extract" (extraction).</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>The scopes of the Platform services.</summary>
public static class Scopes
{
    /// <summary>Write analysed articles to storage.</summary>
    public const string Ingest = "ingest";

    /// <summary>Query stored articles, quotes and entities.</summary>
    public const string Read = "read";

    /// <summary>Analyse articles with the extraction service.</summary>
    public const string Extract = "extract";
}
