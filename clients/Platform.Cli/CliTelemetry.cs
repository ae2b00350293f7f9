using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Cli;

/// <summary>
/// Tracing for the console client. A command's span is the root of the trace that continues through both services
/// (the gRPC client sends its W3C trace context). Exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise
/// nothing listens and the spans are never created.
/// </summary>
public static class CliTelemetry
{
    public const string SourceName = "Platform.Cli";

    /// <summary>One <c>platform ingest</c> run: all its articles, through extraction and storage.</summary>
    public const string IngestSpan = "platform.ingest";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts exporting the client's spans over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the
    /// other standard OTEL_EXPORTER_OTLP_* variables itself). Dispose the result before exiting: that flushes the spans.
    /// </summary>
    public static IDisposable? StartFromEnvironment()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            return null;
        }

        var serviceName = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name : "platform-cli";
        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .AddSource(SourceName)
            .AddGrpcClientInstrumentation()
            .AddOtlpExporter()
            .Build();
    }
}
