using Dapper;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Hosting;
using Platform.Storage.Data;
using Platform.Storage.Grpc;
using Platform.Storage.Health;
using Platform.Storage.Ingest;
using Platform.Storage.Store;
using Platform.V1;

namespace Platform.Storage;

/// <summary>Builds the storage service host. Used by <see cref="Program"/> and by tests that host it on loopback.</summary>
public static class StorageApp
{
    /// <summary>Name of the connection string (configuration "ConnectionStrings:Platform").</summary>
    public const string ConnectionStringName = "Platform";

    /// <summary>
    /// Name of the optional connection string of a streaming replica that the query RPCs read from
    /// ("ConnectionStrings:PlatformRead"); without it they read the primary.
    /// </summary>
    public const string ReadConnectionStringName = "PlatformRead";

    /// <summary>Where the HTTP/1.1 JSON endpoint listens (configuration "Storage:JsonUrl"); empty for none.</summary>
    public const string JsonUrlSetting = "Storage:JsonUrl";

    private const string IngestMethod = nameof(StorageService.StorageServiceBase.Ingest);

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
        // The read methods as JSON over HTTP/1.1 (google.api.http options of storage.proto) on a port of their own.
        if (builder.Configuration[JsonUrlSetting] is { Length: > 0 } jsonUrl)
        {
            builder.UseHttp1Endpoint(jsonUrl);
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured (environment variable ConnectionStrings__{ConnectionStringName}).");
        builder.Services.AddSingleton(_ => BuildDataSource(connectionString));
        // Queries may read from a streaming replica; everything that writes (ingest, registry folding, partitions,
        // migrations) keeps the primary.
        var readConnectionString = builder.Configuration.GetConnectionString(ReadConnectionStringName);
        builder.Services.AddSingleton(s => string.IsNullOrWhiteSpace(readConnectionString)
            ? new ReadDatabase(s.GetRequiredService<NpgsqlDataSource>(), isReplica: false)
            : new ReadDatabase(BuildDataSource(readConnectionString), isReplica: true));
        builder.AddValidatedOptions<StorageLimits>("Storage:Limits");
        builder.AddValidatedOptions<SearchOptions>("Storage:Search");
        builder.Services.AddSingleton<IngestValidator>();
        builder.Services.AddSingleton<QuoteSearchPartitions>();
        builder.Services.AddSingleton<SharedRowWrites>();
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<ArticleIngestor>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddHostedService<Platform.Storage.Registry.RegistryCounterFolder>();
        builder.Services.AddSingleton<StorageMetrics>();
        // Migrations may run as a more privileged owner than the service itself (see MigrationRunner).
        var migrationConnectionString = builder.Configuration.GetConnectionString("Migrations") ?? connectionString;
        var runtimeRole = builder.Configuration["Storage:RuntimeRole"];
        builder.Services.AddSingleton(s => new MigrationRunner(
            new NpgsqlDataSourceBuilder(migrationConnectionString).Build(), runtimeRole, s.GetRequiredService<ILogger<MigrationRunner>>()));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        // Every method but Ingest answers queries: it needs the read scope and is rate limited per caller. Ingest is
        // called by the extraction service inside the deployment and needs the ingest scope.
        var exposure = new ServiceExposure(StorageService.Descriptor,
            Scope: method => method.Name == IngestMethod ? Scopes.Ingest : Scopes.Read,
            IsPublic: method => method.Name != IngestMethod);
        // Npgsql reports each command as a span (source "Npgsql") under the current one: the article's span.
        var health = builder.AddPlatformServiceDefaults(exposure, "platform-storage", StorageTelemetry.SourceName,
            tracing: tracing => tracing.AddNpgsql(), metrics: metrics => metrics.AddNpgsqlInstrumentation());
        // The overall status ("" service) is SERVING only while every database answers. "ingest" follows the primary
        // alone and "query" the database the queries read (the replica when there is one), so that a balancer can
        // keep sending queries to a storage whose primary is away, or ingest to one whose replica is.
        var hasReplica = !string.IsNullOrWhiteSpace(readConnectionString);
        builder.Services.Configure<global::Grpc.AspNetCore.HealthChecks.GrpcHealthChecksOptions>(o =>
        {
            o.Services.Map("ingest", c => c.Name == DatabaseHealthCheck.Name);
            o.Services.Map("query", c => c.Name == (hasReplica ? ReadDatabaseHealthCheck.Name : DatabaseHealthCheck.Name));
        });
        health.AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        if (hasReplica)
        {
            health.AddCheck<ReadDatabaseHealthCheck>(ReadDatabaseHealthCheck.Name);
        }

        // The read methods also answer JSON (the google.api.http options of storage.proto) through the same interceptors.
        builder.Services.AddGrpc().AddJsonTranscoding(json =>
        {
            // The protobuf JSON that JsonFormatter writes (and `platform --format json` prints): 64-bit integers as
            // strings, which JavaScript reads without loss, and zero values left out.
            json.JsonSettings.WriteInt64sAsStrings = true;
            json.JsonSettings.IgnoreDefaultValues = true;
            // Errors carry their google.rpc.BadRequest detail (the field at fault), which JSON can only name by type.
            json.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor);
        });

        var app = builder.Build();
        app.MapGrpcService<StorageGrpcService>();
        app.MapPlatformDefaultEndpoints();
        return app;
    }

    private static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var data = new NpgsqlDataSourceBuilder(connectionString);
        // Planner settings for the service's sessions; options in the connection string come after and win.
        // The statements are short and many run at once: a parallel plan's workers read ahead of a LIMIT
        // (measured: a page of an outlet's quotes read 6 times the rows it kept) and take the cores of other
        // calls, so plans have no parallel workers. And a random read is priced as on SSD or memory (1.1) rather
        // than on a spinning disk (4, the default): at 4 a page of an outlet's quotes walked all quotes newest
        // first, five rows read for each kept, instead of the outlet's own index (67-95 ms vs 12-28 ms).
        data.ConnectionStringBuilder.Options =
            $"-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1 {data.ConnectionStringBuilder.Options}".TrimEnd();
        return data.ConfigureTracing(StorageTelemetry.ConfigureSqlTracing).Build();
    }

    /// <summary>Applies pending migrations, then starts serving.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var migrations = app.Services.GetRequiredService<MigrationRunner>();
        await migrations.ApplyAsync(cancellationToken);
        app.Services.GetRequiredService<SearchOptions>().OneScanForAllIds = migrations.OnCitus;
        app.Services.GetRequiredService<SharedRowWrites>().TakeTurns = migrations.OnCitus;
        await app.StartAsync(cancellationToken);
    }

    static StorageApp() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
