using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>PostgreSQL, the storage service and the extraction service, started once for a test class.</summary>
public class StackFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public RunningService Storage { get; private set; } = null!;

    public RunningService Extraction { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Storage = await StartStorageAsync(Database.ConnectionString);
        Extraction = await StartExtractionAsync(Storage.Address);
    }

    /// <summary>Starts the storage service on the test database; fixtures that need other settings override it.</summary>
    protected virtual Task<RunningService> StartStorageAsync(string connectionString) => RunningService.StartStorageAsync(connectionString);

    /// <summary>Starts the extraction service in front of storage; fixtures that need other settings override it.</summary>
    protected virtual Task<RunningService> StartExtractionAsync(Uri storageAddress) => RunningService.StartExtractionAsync(storageAddress);

    public async Task DisposeAsync()
    {
        if (Extraction is not null)
        {
            await Extraction.DisposeAsync();
        }

        if (Storage is not null)
        {
            await Storage.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
