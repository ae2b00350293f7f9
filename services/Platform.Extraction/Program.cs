namespace Platform.Extraction;

/// <summary>Entry point of the extraction service.</summary>
public static class Program
{
    public static Task Main(string[] args) => ExtractionApp.Build(args).RunAsync();
}
