namespace Platform.Nlp.Tools.Commands;

/// <summary>Where the tool looks by default, relative to the repository root it is run from.</summary>
internal static class ToolPaths
{
    public static readonly string SharedData = Path.Combine("..", "shared", "data");

    public static readonly string NerData = Path.Combine(SharedData, "ner");

    public static readonly string SeedDirectory = Path.Combine(SharedData, "seed");

    public static readonly string PolnearDirectory = Path.Combine(SharedData, "quotes", "polnear");

    /// <summary>The engine's embedded resources: a trained model written here ships with the next build.</summary>
    public static readonly string EngineResources = Path.Combine("src", "Platform.Nlp", "Resources");
}
