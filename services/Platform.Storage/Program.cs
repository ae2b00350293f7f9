namespace Platform.Storage;

/// <summary>Entry point of the storage service.</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var app = StorageApp.Build(args);
        await StorageApp.StartAsync(app);
        await app.WaitForShutdownAsync();
    }
}
