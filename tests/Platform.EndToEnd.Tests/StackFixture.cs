using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>PostgreSQL, the storage service and the extraction service, started once for a test class.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public RunningService Storage { get; private set; } = null!;

    public RunningService Extraction { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Storage = await RunningService.StartStorageAsync(Database.ConnectionString);
        Extraction = await RunningService.StartExtractionAsync(Storage.Address);
    }

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
