using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Html;
using Platform.V1;

namespace Platform.Cli.Input;

/// <summary>
/// Reads articles from the paths given on the command line: a .txt file is one article (its id is the file name
/// without extension), a .html or .htm file is one article given as its page (<c>html</c> set, id the file name
/// without extension; the extraction service, or the offline mode, derives its text), a .jsonl file has one JSON
/// object per line ({"id", "text" or "html", "title", "url", "source", "published_at"}), a folder is every .txt,
/// .html, .htm and .jsonl file under it, and "-" is standard input as one plain-text article.
/// A line that cannot be parsed still yields an item (with an error), so that outputs stay line-aligned.
/// </summary>
public sealed class ArticleReader(TextReader standardInput)
{
    private static readonly string[] Extensions = [".txt", ".jsonl", ".html", ".htm"];

    /// <summary>Checks that every path exists; returns the first that does not, or null.</summary>
    public static string? FindMissing(IEnumerable<string> paths)
        => paths.FirstOrDefault(p => p != "-" && !File.Exists(p) && !Directory.Exists(p));

    /// <summary>Number of articles the paths hold, without parsing them (for progress bars).</summary>
    public static int Count(IEnumerable<string> paths)
        => ExpandFiles(paths).Sum(f => f == "-" ? 1 : IsJsonl(f) ? File.ReadLines(f).Count(l => l.Length > 0) : 1);

    public IEnumerable<InputArticle> Read(IEnumerable<string> paths)
    {
        foreach (var file in ExpandFiles(paths))
        {
            if (file == "-")
            {
                yield return new InputArticle(new Article { Id = "stdin", Text = standardInput.ReadToEnd() }, null, "stdin");
            }
            else if (IsJsonl(file))
            {
                var lineNumber = 0;
                foreach (var line in File.ReadLines(file))
                {
                    lineNumber++;
                    yield return ParseLine(line, $"{file}:{lineNumber}", lineNumber);
                }
            }
            else if (IsHtml(file))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                // Saved pages keep the encoding they were served in; their declaration says which.
                yield return new InputArticle(new Article { Id = id, Html = HtmlEncoding.Decode(File.ReadAllBytes(file)) }, null, file);
            }
            else
            {
                var id = Path.GetFileNameWithoutExtension(file);
                yield return new InputArticle(new Article { Id = id, Text = File.ReadAllText(file) }, null, file);
            }
        }
    }

    /// <summary>Parses one JSON line; on failure, an article with id "line-N" (or the id, if it could be read).</summary>
    public static InputArticle ParseLine(string line, string origin, int lineNumber)
    {
        var fallbackId = "line-" + lineNumber.ToString(CultureInfo.InvariantCulture);
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(fallbackId, "not a JSON object");
            }

            var article = new Article
            {
                Id = StringOf(root, "id") ?? fallbackId,
                Text = StringOf(root, "text") ?? string.Empty,
                Html = StringOf(root, "html") ?? string.Empty,
                Title = StringOf(root, "title") ?? string.Empty,
                Url = StringOf(root, "url") ?? string.Empty,
                Source = StringOf(root, "source") ?? StringOf(root, "publisher") ?? string.Empty,
            };
            var published = StringOf(root, "published_at") ?? StringOf(root, "publishedAt");
            if (published is not null && DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var time))
            {
                article.PublishedAt = Timestamp.FromDateTimeOffset(time);
            }

            return article.Text.Length == 0 && article.Html.Length == 0
                ? new InputArticle(article, "no \"text\" or \"html\" field", origin)
                : new InputArticle(article, null, origin);
        }
        catch (JsonException e)
        {
            return Failed(fallbackId, "invalid JSON: " + e.Message);
        }

        InputArticle Failed(string id, string error) => new(new Article { Id = id }, error, origin);
    }

    private static string? StringOf(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
            : root.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText()
            : null;

    private static bool IsJsonl(string file) => file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtml(string file)
        => file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> ExpandFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
