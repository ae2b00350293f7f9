using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace Platform.Client;

/// <summary>Channel defaults shared by the DI registration and by code that creates channels by hand.</summary>
public static class PlatformChannels
{
    /// <summary>
    /// A service config that retries calls failing with UNAVAILABLE (server starting, restarting or briefly
    /// unreachable) with exponential backoff. Streaming calls are retried only until their first message is sent.
    /// </summary>
    public static ServiceConfig RetryOnUnavailable(int maxAttempts) => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = maxAttempts <= 1
                    ? null
                    : new RetryPolicy
                    {
                        MaxAttempts = maxAttempts,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(3),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
            },
        },
    };

    /// <summary>
    /// Creates a channel to one service with the library's defaults, sending <paramref name="token"/> as a bearer token
    /// with every call when given. Dispose it when done.
    /// </summary>
    /// <remarks>
    /// An address "dns:///host:port" spreads calls over every address the name resolves to (round robin, re-resolved
    /// as replicas come and go): the way to use several replicas of a service, such as compose's or Kubernetes'
    /// headless services. Such channels are plaintext HTTP/2, for private networks.
    /// </remarks>
    public static GrpcChannel Create(Uri address, int maxAttempts = 4, string? token = null)
    {
        var balanced = address.Scheme == "dns";
        var serviceConfig = RetryOnUnavailable(maxAttempts);
        if (balanced)
        {
            serviceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());
        }

        var options = new GrpcChannelOptions
        {
            ServiceConfig = serviceConfig,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            Credentials = balanced && string.IsNullOrEmpty(token) ? ChannelCredentials.Insecure : null,
        };
        if (!string.IsNullOrEmpty(token))
        {
            var secure = address.Scheme == Uri.UriSchemeHttps;
            options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, BearerToken(token));
            // Plaintext HTTP/2 is for private networks (compose, loopback); tokens travel in the clear there.
            options.UnsafeUseInsecureChannelCallCredentials = !secure;
        }

        return GrpcChannel.ForAddress(address, options);
    }

    /// <summary>Call credentials that send "authorization: Bearer <paramref name="token"/>".</summary>
    public static CallCredentials BearerToken(string token) => CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("authorization", "Bearer " + token);
        return Task.CompletedTask;
    });
}
