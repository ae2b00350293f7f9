using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.Hosting;

/// <summary>
/// How one gRPC service is exposed: the scope each of its methods needs and which methods face the public (and are
/// rate limited). Both are decided per method from the generated descriptor, so a method added to the proto is
/// covered without writing its name anywhere.
/// </summary>
/// <param name="Service">The generated descriptor, e.g. <c>StorageService.Descriptor</c>.</param>
/// <param name="Scope">The scope a method needs (one of <see cref="Scopes"/>).</param>
/// <param name="IsPublic">Whether callers outside the deployment call it; those calls are rate limited per client.</param>
public sealed record ServiceExposure(ServiceDescriptor Service, Func<MethodDescriptor, string> Scope, Func<MethodDescriptor, bool> IsPublic)
{
    /// <summary>The HTTP/2 path of a method, as interceptors see it: "/platform.v1.StorageService/Ingest".</summary>
    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>Each method's scope; methods of other services (reflection, health) need the read scope.</summary>
    public MethodScopes ScopesByMethod() => new(Service.Methods.ToDictionary(PathOf, Scope), fallback: Scopes.Read);

    /// <summary>The methods that are rate limited.</summary>
    public PublicMethods RateLimited() => new(Service.Methods.Where(IsPublic).Select(PathOf));
}

/// <summary>
/// What both services set up the same way (in the spirit of .NET Aspire's service defaults): gRPC with token scopes
/// and rate limits, reflection, telemetry and the health service; and options validated when the host starts.
/// </summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Registers gRPC (<paramref name="grpc"/> adds to its options), scope authorization and rate limits for
    /// <paramref name="exposure"/>, server reflection, telemetry under <paramref name="serviceName"/> and
    /// <paramref name="sourceName"/>, and the gRPC health service, whose checks the caller adds to the returned builder.
    /// </summary>
    public static IHealthChecksBuilder AddPlatformServiceDefaults(
        this WebApplicationBuilder builder,
        ServiceExposure exposure,
        string serviceName,
        string sourceName,
        Action<GrpcServiceOptions>? grpc = null,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        builder.Services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            grpc?.Invoke(o);
        });
        builder.AddScopeAuthorization(exposure.ScopesByMethod());
        builder.AddRateLimits(exposure.RateLimited());
        builder.Services.AddGrpcReflection();
        builder.AddPlatformTelemetry(serviceName, sourceName, tracing, metrics);
        return builder.Services.AddGrpcHealthChecks();
    }

    /// <summary>Maps the health and reflection services and logs whether calls are authenticated.</summary>
    public static WebApplication MapPlatformDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.LogAuthenticationMode();
        return app;
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> to the configuration section <paramref name="section"/>, checks its data
    /// annotations when the host starts (a bad setting stops the start with a message that names it, instead of
    /// failing the first call that uses it), and registers the validated value itself for injection.
    /// </summary>
    public static void AddValidatedOptions<T>(this WebApplicationBuilder builder, string section)
        where T : class
    {
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(s => s.GetRequiredService<IOptions<T>>().Value);
    }
}
