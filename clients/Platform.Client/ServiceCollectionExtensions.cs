using Microsoft.Extensions.DependencyInjection;
using Platform.V1;

namespace Platform.Client;

/// <summary>Registers the Platform gRPC clients with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExtractionService.ExtractionServiceClient"/> and <see cref="StorageService.StorageServiceClient"/>
    /// (through the gRPC client factory) with the library's channel defaults: retries on UNAVAILABLE.
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
            .ConfigureChannel(c => c.ServiceConfig = PlatformChannels.RetryOnUnavailable(options.MaxAttempts));
        services.AddGrpcClient<StorageService.StorageServiceClient>(o => o.Address = options.StorageAddress)
            .ConfigureChannel(c => c.ServiceConfig = PlatformChannels.RetryOnUnavailable(options.MaxAttempts));
        return services;
    }
}
