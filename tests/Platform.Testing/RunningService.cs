using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Client;
using Platform.Extraction;
using Platform.Storage;

namespace Platform.Testing;

/// <summary>A service hosted in the test process on a real Kestrel loopback port, reached through a real gRPC channel.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningService(WebApplication app)
    {
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).ToList();
        // Only the storage service listens there (the extraction service may see the setting in a shared appsettings.json).
        var jsonUrl = app.Configuration[StorageApp.JsonUrlSetting];
        JsonAddress = string.IsNullOrEmpty(jsonUrl) ? null : addresses.FirstOrDefault(a => a.Port == new Uri(jsonUrl).Port);
        Address = addresses.First(a => a != JsonAddress);
        Channel = PlatformChannels.Create(Address, maxAttempts: 1);
    }

    /// <summary>The gRPC (HTTP/2) endpoint.</summary>
    public Uri Address { get; }

    /// <summary>The storage service's HTTP/1.1 JSON endpoint, when it was started with one (see <see cref="JsonSettings"/>).</summary>
    public Uri? JsonAddress { get; }

    /// <summary>Settings that give the storage service an HTTP/1.1 JSON endpoint on a free loopback port.</summary>
    public static Dictionary<string, string?> JsonSettings(IDictionary<string, string?>? settings = null)
        => new(settings ?? new Dictionary<string, string?>()) { [StorageApp.JsonUrlSetting] = $"http://127.0.0.1:{FreePort()}" };

    /// <summary>The service's container, for tests that look at its internals (its meters, for one).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A channel to the service (no retries, so that tests see failures as they happen).</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// Starts the storage service on the database (port 0 picks a free port), with migrations applied.
    /// <paramref name="configure"/> may add to the builder, e.g. a telemetry exporter.
    /// </summary>
    public static async Task<RunningService> StartStorageAsync(
        string connectionString, int port = 0, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = StorageApp.Build([], builder =>
        {
            Configure(builder, port, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["ConnectionStrings:" + StorageApp.ConnectionStringName] = connectionString,
            }.WithDefault(StorageApp.JsonUrlSetting, string.Empty));
            configure?.Invoke(builder);
        });
        await StorageApp.StartAsync(app);
        return new RunningService(app);
    }

    /// <summary>Starts the extraction service, forwarding to storage at <paramref name="storageAddress"/>.</summary>
    public static async Task<RunningService> StartExtractionAsync(
        Uri storageAddress, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ExtractionApp.Build([], builder =>
        {
            Configure(builder, 0, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Storage:Address"] = storageAddress.ToString(),
            });
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new RunningService(app);
    }

    /// <summary>A free TCP port on loopback, for a service that is to start later at a known address.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Configure(WebApplicationBuilder builder, int port, Dictionary<string, string?> settings)
    {
        settings.TryAdd("Urls", $"http://127.0.0.1:{port}");
        settings["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration.AddInMemoryCollection(settings);
    }
}

internal static class SettingsDefaults
{
    /// <summary>Sets <paramref name="key"/> unless the caller did: test hosts get no fixed ports from appsettings.json.</summary>
    public static Dictionary<string, string?> WithDefault(this Dictionary<string, string?> settings, string key, string value)
    {
        settings.TryAdd(key, value);
        return settings;
    }
}
