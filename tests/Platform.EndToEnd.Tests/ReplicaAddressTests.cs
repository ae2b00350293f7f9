using Platform.Client;
using Platform.Testing;
using Platform.V1;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// "dns:///host:port" addresses, with which clients and the extraction service spread calls over every replica a
/// name resolves to. Here the name is localhost and the one replica listens on 127.0.0.1.
/// </summary>
public sealed class ReplicaAddressTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningService _storage = null!;
    private RunningService _extraction = null!;

    private static Uri Dns(RunningService service) => new($"dns:///localhost:{service.Address.Port}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _storage = await RunningService.StartStorageAsync(_database.ConnectionString);
        _extraction = await RunningService.StartExtractionAsync(Dns(_storage));
    }

    public async Task DisposeAsync()
    {
        await _extraction.DisposeAsync();
        await _storage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Extraction_forwards_to_storage_and_clients_query_through_dns_addresses()
    {
        using var extractionChannel = PlatformChannels.Create(Dns(_extraction), maxAttempts: 1);
        var extraction = new ExtractionService.ExtractionServiceClient(extractionChannel);
        var response = await extraction.ExtractAsync(new ExtractRequest
        {
            Article = new Article { Id = "replicas", Text = "“The new pier opens in May,” said harbour master Lotte Brandvold." },
            Store = true,
        }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(StoreStatus.Stored, response.Storage.Status);

        using var storageChannel = PlatformChannels.Create(Dns(_storage), maxAttempts: 1);
        var storage = new StorageService.StorageServiceClient(storageChannel);
        var quotes = await storage.SearchQuotesAsync(new SearchQuotesRequest { Speaker = "Brandvold" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal("The new pier opens in May", Assert.Single(quotes.Quotes).Quote.Text);
    }
}
