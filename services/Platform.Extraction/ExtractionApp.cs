using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Extraction.Forwarding;
using Platform.Extraction.Grpc;
using Platform.Hosting;
using Platform.Nlp;
using Platform.V1;

namespace Platform.Extraction;

/// <summary>Builds the extraction service host. Used by <see cref="Program"/> and by tests that host it on loopback.</summary>
public static class ExtractionApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files sit next to the assembly, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.UseHttp2Endpoints();
        configure?.Invoke(builder);

        var forwarding = builder.Configuration.GetSection("Storage");
        builder.Services.AddOptions<StorageForwarderOptions>().Bind(forwarding).ValidateDataAnnotations().ValidateOnStart();
        var storageAddress = forwarding.Get<StorageForwarderOptions>()?.Address
            ?? throw new InvalidOperationException("Storage:Address is not configured (environment variable Storage__Address).");
        // "dns:///storage:8080" resolves every storage replica and spreads calls over them (round robin).
        var balanced = storageAddress.Scheme == "dns";
        builder.Services.AddSingleton(_ => GrpcChannel.ForAddress(storageAddress, new GrpcChannelOptions
        {
            Credentials = balanced ? ChannelCredentials.Insecure : null,
            ServiceConfig = balanced ? new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } } : null,
            HttpHandler = new SocketsHttpHandler
            {
                // Notice a dead storage connection within seconds rather than at the next TCP timeout.
                KeepAlivePingDelay = TimeSpan.FromSeconds(10),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
                EnableMultipleHttp2Connections = true,
            },
        }));
        builder.Services.AddSingleton(s => new StorageService.StorageServiceClient(s.GetRequiredService<GrpcChannel>()));
        builder.Services.AddSingleton<ExtractionMetrics>();
        builder.Services.AddSingleton<StorageForwarder>();
        builder.Services.AddHostedService(s => s.GetRequiredService<StorageForwarder>());

        builder.AddValidatedOptions<ExtractionLimits>("Extraction:Limits");
        builder.Services.AddSingleton(_ => NewsAnalyzer.CreateDefault());
        builder.Services.AddSingleton<ArticleProcessor>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        // Both methods are for callers outside the deployment: the extract scope, rate limited per caller.
        var exposure = new ServiceExposure(ExtractionService.Descriptor, Scope: _ => Scopes.Extract, IsPublic: _ => true);
        builder.AddPlatformServiceDefaults(exposure, "platform-extraction", ExtractionTelemetry.SourceName,
                grpc: o => o.MaxReceiveMessageSize = 16 * 1024 * 1024)
            // The engine is loaded at start-up, so a running process can serve; storage outages are reported per article.
            .AddCheck("engine", () => HealthCheckResult.Healthy());

        var app = builder.Build();
        app.MapGrpcService<ExtractionGrpcService>();
        app.MapPlatformDefaultEndpoints();
        return app;
    }
}
