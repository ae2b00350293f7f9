using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

/// <summary>Per-client call rate limits (configuration section "RateLimit").</summary>
public sealed class RateLimitOptions
{
    /// <summary>Calls per second each client may make on average; 0 turns the limit off.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Calls a client may make at once after a quiet period.</summary>
    public int Burst { get; set; } = 400;
}

/// <summary>
/// Limits the calls each client makes to the public-facing methods with a token bucket per client: the client's
/// name when it authenticated, else its IP address. Over the limit, calls fail at once with RESOURCE_EXHAUSTED.
/// A stream counts as one call.
/// </summary>
public sealed class RateLimitInterceptor : CallGateInterceptor, IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PublicMethods _public;
    private readonly PartitionedRateLimiter<string> _limiter;

    public RateLimitInterceptor(IOptions<RateLimitOptions> options, PublicMethods publicMethods)
    {
        _options = options.Value;
        _public = publicMethods;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(
            client,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(_options.Burst, 1),
                TokensPerPeriod = Math.Max(_options.PermitsPerSecond, 1),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public void Dispose() => _limiter.Dispose();

    protected override void Admit(ServerCallContext context)
    {
        if (_options.PermitsPerSecond <= 0 || !_public.Contains(context.Method))
        {
            return;
        }

        var client = context.UserState.TryGetValue(ScopeAuthorizationInterceptor.ClientKey, out var name) && name is string s
            ? s
            : PeerAddress(context.Peer);
        using var lease = _limiter.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"rate limit: client '{client}' exceeded {_options.PermitsPerSecond} calls per second (burst {_options.Burst}); retry later"));
        }
    }

    // "ipv4:127.0.0.1:5301" → "127.0.0.1"; "ipv6:[::1]:5301" → "[::1]"
    private static string PeerAddress(string peer)
    {
        var colon = peer.IndexOf(':', StringComparison.Ordinal);
        var address = colon >= 0 ? peer[(colon + 1)..] : peer;
        var port = address.LastIndexOf(':');
        return port > 0 ? address[..port] : address;
    }
}

/// <summary>The methods that face clients and are rate limited (the internal Ingest backbone is not).</summary>
public sealed class PublicMethods(IEnumerable<string> methods)
{
    private readonly HashSet<string> _methods = [.. methods];

    public bool Contains(string method) => _methods.Contains(method);
}
