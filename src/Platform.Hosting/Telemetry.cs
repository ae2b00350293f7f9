using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics for a service. Off unless an OTLP endpoint is configured (standard
/// OTEL_EXPORTER_OTLP_ENDPOINT, or "Telemetry:OtlpEndpoint") or "Telemetry:Enabled" is true: without a provider no
/// listener is attached, so the services' activity sources and meters cost next to nothing.
/// </summary>
public static class Telemetry
{
    /// <summary>The standard variable that switches the OTLP exporter on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Configuration key for the OTLP endpoint, for those who prefer settings files to the standard variable.</summary>
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";

    /// <summary>
    /// Configuration key that turns collection on without an exporter, for hosts that add their own exporter
    /// through ConfigureOpenTelemetryTracerProvider / ConfigureOpenTelemetryMeterProvider (tests do).
    /// </summary>
    public const string EnabledKey = "Telemetry:Enabled";

    /// <summary>
    /// A protobuf enum value as a short lower-case tag value ("stored" for StoreStatus.Stored), or "unspecified" for a
    /// value this build does not know. The services each generate their own copy of the wire types, hence generic.
    /// </summary>
    public static string TagValue<T>(T value)
        where T : struct, Enum
        => LowerCaseNames<T>.Of.TryGetValue(value, out var name) ? name : "unspecified";

    // Built once per enum type: tag values are taken for every article, so they should not allocate.
    private static class LowerCaseNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Of = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Registers tracing and metrics for the service when switched on by configuration; returns whether it did.
    /// <paramref name="sourceName"/> names both the service's ActivitySource and its Meter.
    /// </summary>
    public static bool AddPlatformTelemetry(
        this WebApplicationBuilder builder,
        string defaultServiceName,
        string sourceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var configuration = builder.Configuration;
        var endpoint = OtlpEndpoint(configuration);
        // From the standard variables the exporter configures itself (OTEL_EXPORTER_OTLP_PROTOCOL, per-signal paths for
        // http/protobuf); an endpoint given only as a setting is set by hand and is an OTLP/gRPC endpoint.
        Action<OpenTelemetry.Exporter.OtlpExporterOptions> otlp = string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey])
            ? _ => { }
            : o => o.Endpoint = endpoint!;
        if (endpoint is null && !configuration.GetValue<bool>(EnabledKey))
        {
            return false;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(configuration, defaultServiceName)))
            .WithTracing(tracer =>
            {
                tracer.AddSource(sourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthProbe(context.Request.Path))
                    .AddGrpcClientInstrumentation();
                tracing?.Invoke(tracer);
                if (endpoint is not null)
                {
                    tracer.AddOtlpExporter(otlp);
                }
            })
            .WithMetrics(meter =>
            {
                meter.AddMeter(sourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                metrics?.Invoke(meter);
                if (endpoint is not null)
                {
                    meter.AddOtlpExporter(otlp);
                }
            });
        return true;
    }

    /// <summary>The OTLP endpoint from "Telemetry:OtlpEndpoint" or OTEL_EXPORTER_OTLP_ENDPOINT; null when neither is set.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration[OtlpEndpointVariable];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{OtlpEndpointVariable} / {OtlpEndpointKey}: '{value}' is not an absolute URL");
    }

    /// <summary>OTEL_SERVICE_NAME when set, else the service's own default.</summary>
    public static string ServiceName(IConfiguration configuration, string defaultServiceName)
        => configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : defaultServiceName;

    // Probes poll every few seconds; a span for each would drown the traces that matter.
    private static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path)
        => path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal);
}
