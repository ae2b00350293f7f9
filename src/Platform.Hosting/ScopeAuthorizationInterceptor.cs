using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

/// <summary>
/// Checks the bearer token of every call against the configured clients and the scope the method needs:
/// no or unknown token → UNAUTHENTICATED, a known token without the scope → PERMISSION_DENIED. The health service
/// stays open so that probes work without secrets. Tokens are compared by hash in constant time and never logged.
/// </summary>
public sealed class ScopeAuthorizationInterceptor : CallGateInterceptor
{
    /// <summary>Key of the authenticated client's name in <see cref="ServerCallContext.UserState"/>.</summary>
    public const string ClientKey = "platform.client";

    private const string OpenPrefix = "/grpc.health.v1.";

    private readonly MethodScopes _scopes;
    private readonly ILogger<ScopeAuthorizationInterceptor> _logger;
    private readonly (byte[] Hash, ClientToken Client)[] _tokens;

    public ScopeAuthorizationInterceptor(IOptions<AuthOptions> options, MethodScopes scopes, ILogger<ScopeAuthorizationInterceptor> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _tokens = [.. options.Value.Tokens.Where(t => t.Token.Length > 0).Select(t => (Hash(t.Token), t))];
    }

    /// <summary>False when no tokens are configured: every call is let through.</summary>
    public bool Enabled => _tokens.Length > 0;

    protected override void Admit(ServerCallContext context)
    {
        if (!Enabled || context.Method.StartsWith(OpenPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var client = Identify(context.RequestHeaders.GetValue("authorization"))
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated,
                "missing or unknown bearer token: send the header 'authorization: Bearer <token>'"));
        context.UserState[ClientKey] = client.Name;
        var scope = _scopes.For(context.Method);
        if (scope is null || !client.Scopes.Contains(scope, StringComparer.Ordinal))
        {
            _logger.LogWarning("Client {Client} lacks scope {Scope} for {Method}", client.Name, scope ?? "(none)", context.Method);
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"client '{client.Name}' lacks the scope '{scope ?? "(none)"}' that {context.Method} needs"));
        }
    }

    private ClientToken? Identify(string? header)
    {
        const string prefix = "Bearer ";
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = Hash(header[prefix.Length..].Trim());
        ClientToken? found = null;
        foreach (var (known, client) in _tokens)
        {
            // Look at every token, so that the time taken does not tell which one nearly matched.
            if (CryptographicOperations.FixedTimeEquals(known, hash))
            {
                found = client;
            }
        }

        return found;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>Which scope each gRPC method needs ("/platform.v1.StorageService/Ingest" → "ingest").</summary>
public sealed class MethodScopes(IReadOnlyDictionary<string, string> byMethod, string? fallback)
{
    /// <summary>The scope the method needs; the fallback scope for methods not listed (such as reflection).</summary>
    public string? For(string method) => byMethod.TryGetValue(method, out var scope) ? scope : fallback;
}
