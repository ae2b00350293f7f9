using System.CommandLine;
using Platform.Client;

namespace Platform.Cli.Commands;

/// <summary>Options several commands share, with their defaults from the environment.</summary>
internal static class CommonOptions
{
    /// <summary>The bearer token, on every command (added once to the root as a recursive option).</summary>
    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token for services that require authentication [env PLATFORM_TOKEN]",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PLATFORM_TOKEN") is { Length: > 0 } token ? token : null,
    };

    public static Option<Uri> Extraction() => new("--extraction")
    {
        Description = "Address of the extraction service [env PLATFORM_EXTRACTION_URL]",
        HelpName = "URL",
        DefaultValueFactory = _ => FromEnvironment("PLATFORM_EXTRACTION_URL", PlatformClientOptions.DefaultExtractionAddress),
        CustomParser = ParseUrl,
    };

    public static Option<Uri> Storage() => new("--storage")
    {
        Description = "Address of the storage service [env PLATFORM_STORAGE_URL]",
        HelpName = "URL",
        DefaultValueFactory = _ => FromEnvironment("PLATFORM_STORAGE_URL", PlatformClientOptions.DefaultStorageAddress),
        CustomParser = ParseUrl,
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Argument<string[]> Paths() => new("PATH")
    {
        Description = "A .txt file, a .jsonl file of {\"id\",\"text\",...} lines, a folder of them, or - for standard input",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Uri? ParseUrl(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"'{text}' is not an http:// or https:// URL");
        return null;
    }

    private static Uri FromEnvironment(string variable, Uri fallback)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? new Uri(value) : fallback;
}
