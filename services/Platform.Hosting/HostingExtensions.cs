using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

/// <summary>Registration of the shared conventions.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// Makes every endpoint speak HTTP/2 only: gRPC needs it, and a plaintext endpoint that also offered HTTP/1.1 would
    /// fall back to HTTP/1.1 and fail gRPC clients. Settings under "Kestrel" can still override it per endpoint.
    /// </summary>
    public static void UseHttp2Endpoints(this WebApplicationBuilder builder)
        => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));

    /// <summary>
    /// Adds token authentication with scopes (configuration section "Auth") to every gRPC method of the app.
    /// </summary>
    public static void AddScopeAuthorization(this WebApplicationBuilder builder, MethodScopes scopes)
    {
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        builder.Services.AddSingleton(scopes);
        builder.Services.AddSingleton<ScopeAuthorizationInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<ScopeAuthorizationInterceptor>());
    }

    /// <summary>
    /// Adds per-client rate limits (configuration section "RateLimit") to the public-facing methods. Register after
    /// <see cref="AddScopeAuthorization"/>, so that authenticated clients are limited by name.
    /// </summary>
    public static void AddRateLimits(this WebApplicationBuilder builder, PublicMethods methods)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("RateLimit"));
        builder.Services.AddSingleton(methods);
        builder.Services.AddSingleton<RateLimitInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<RateLimitInterceptor>());
    }

    /// <summary>Says at start-up whether calls are authenticated, so that an open service is never a surprise.</summary>
    public static void LogAuthenticationMode(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Auth");
        if (options.Tokens.Count == 0)
        {
            logger.LogWarning("Authentication is off: no Auth:Tokens are configured, every caller may use every method");
        }
        else
        {
            logger.LogInformation("Authentication is on for {Count} clients: {Clients}", options.Tokens.Count,
                string.Join(", ", options.Tokens.Select(t => $"{t.Name} [{string.Join(' ', t.Scopes)}]")));
        }
    }
}
