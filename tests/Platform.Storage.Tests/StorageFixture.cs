using Grpc.Core;
using Platform.Testing;
using Platform.V1;

namespace Platform.Storage.Tests;

/// <summary>One empty database and one storage service for a test class.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public RunningService Service { get; private set; } = null!;

    public StorageService.StorageServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Service = await RunningService.StartStorageAsync(Database.ConnectionString);
        Client = new StorageService.StorageServiceClient(Service.Channel);
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Sends the requests on one Ingest stream and returns the acknowledgements by sequence.</summary>
    public async Task<Dictionary<ulong, IngestResponse>> IngestAsync(params IngestRequest[] requests)
    {
        using var call = Client.Ingest();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        var responses = new Dictionary<ulong, IngestResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response.Sequence, response);
        }

        return responses;
    }

    public async Task<long> CountAsync(string table, string articleId)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {(table == "articles" ? "id" : "article_id")} = @id", connection);
        command.Parameters.AddWithValue("id", articleId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
