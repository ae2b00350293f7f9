using Microsoft.Extensions.DependencyInjection;
using Platform.V1;

namespace Platform.Client;

/// <summary>Registers the Platform gRPC clients with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExtractionService.ExtractionServiceClient"/> and <see cref="StorageService.StorageServiceClient"/>
    /// (through the gRPC client factory) with the library's channel defaults: retries on UNAVAILABLE, and a default
    /// deadline for unary calls.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddPlatformClients(o => o.StorageAddress = new Uri("http://storage:8080"));
    /// // later: inject StorageService.StorageServiceClient
    /// </code>
    /// </example>
    public static IServiceCollection AddPlatformClients(this IServiceCollection services, Action<PlatformClientOptions>? configure = null)
    {
        var options = new PlatformClientOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = options.ExtractionAddress)
            .ConfigureChannel(c => Configure(c, options, options.ExtractionAddress))
            .AddInterceptor(() => new DefaultDeadlineInterceptor(options.DefaultDeadline));
        services.AddGrpcClient<StorageService.StorageServiceClient>(o => o.Address = options.StorageAddress)
            .ConfigureChannel(c => Configure(c, options, options.StorageAddress))
            .AddInterceptor(() => new DefaultDeadlineInterceptor(options.DefaultDeadline));
        return services;
    }

    private static void Configure(Grpc.Net.Client.GrpcChannelOptions channel, PlatformClientOptions options, Uri address)
    {
        channel.ServiceConfig = PlatformChannels.RetryOnUnavailable(options.MaxAttempts);
        if (!string.IsNullOrEmpty(options.Token))
        {
            var secure = address.Scheme == Uri.UriSchemeHttps;
            channel.Credentials = Grpc.Core.ChannelCredentials.Create(
                secure ? Grpc.Core.ChannelCredentials.SecureSsl : Grpc.Core.ChannelCredentials.Insecure,
                PlatformChannels.BearerToken(options.Token));
            channel.UnsafeUseInsecureChannelCallCredentials = !secure;
        }
    }
}
