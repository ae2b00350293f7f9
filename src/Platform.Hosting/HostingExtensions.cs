using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
    /// Adds an HTTP/1.1 endpoint at <paramref name="url"/> beside the HTTP/2 ones of "Urls", for browsers and scripts
    /// (JSON transcoding). A separate port rather than HTTP/1.1 and HTTP/2 on one: without TLS there is no protocol
    /// negotiation, so a plaintext endpoint that offered both would answer gRPC's prior-knowledge HTTP/2 as HTTP/1.1.
    /// Call after <see cref="UseHttp2Endpoints"/> and after "Urls" is configured; it replaces the endpoint defaults.
    /// </summary>
    public static void UseHttp1Endpoint(this WebApplicationBuilder builder, string url)
    {
        var http1 = BindingAddress.Parse(url);
        if (http1.Port == 0)
        {
            throw new InvalidOperationException($"the HTTP/1.1 endpoint '{url}' needs an explicit port, to tell it from the HTTP/2 endpoints");
        }

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var http2 = string.IsNullOrWhiteSpace(urls) ? [] : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (http2.Any(u => BindingAddress.Parse(u).Port == http1.Port))
        {
            throw new InvalidOperationException($"the HTTP/1.1 endpoint '{url}' uses the port of one of Urls '{urls}'");
        }

        builder.WebHost.UseUrls([.. http2, url]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
            endpoint.Protocols = endpoint.IPEndPoint?.Port == http1.Port ? HttpProtocols.Http1 : HttpProtocols.Http2));
    }

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
