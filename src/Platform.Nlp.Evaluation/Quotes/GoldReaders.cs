using System.Text.Json;
using Platform.Nlp.Analysis;
using Platform.Nlp.Text;

namespace Platform.Nlp.Evaluation.Quotes;

/// <summary>Reads the gold formats: the seed article's gold.json and PolNeAR JSONL. Offsets in files are code points.</summary>
public static class GoldReaders
{
    /// <summary>The seed article: <c>gold.json</c> with <c>article.txt</c> next to it.</summary>
    public static GoldDocument ReadSeed(string goldPath, string? articlePath = null)
    {
        articlePath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath)) ?? ".", "article.txt");
        var text = File.ReadAllText(articlePath);
        using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
        var root = json.RootElement;
        var index = new CodePointIndex(text);
        var quotes = new List<GoldQuote>();
        foreach (var q in root.GetProperty("quotes").EnumerateArray())
        {
            TextSpan? mention = q.TryGetProperty("speaker_mention", out var m) && m.ValueKind == JsonValueKind.Object
                ? Span(index, m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32())
                : null;
            quotes.Add(new GoldQuote(
                Span(index, q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32()),
                ParseKind(q.GetProperty("kind").GetString()),
                StringOrNull(q, "speaker"),
                mention,
                StringOrNull(q, "cue")));
        }

        var nonQuotes = root.TryGetProperty("non_quotes", out var nq)
            ? nq.EnumerateArray().Select(n => Span(index, n.GetProperty("start").GetInt32(), n.GetProperty("end").GetInt32())).ToList()
            : [];
        var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? "seed" : "seed";
        return new GoldDocument(id, text, quotes, nonQuotes, SpeakersResolved: true);
    }

    /// <summary>
    /// PolNeAR JSONL, one document per line (see the data set's README). A line may carry
    /// <c>"speakers_resolved": true</c>: its <c>speaker</c> fields are then canonical names, as in the seed gold,
    /// and resolved-speaker accuracy is scored for it (the project's own invented articles use this).
    /// </summary>
    /// <param name="twoApostropheMarks">
    /// Re-derive the kind of items the distributed file calls indirect although they sit in two-apostrophe marks
    /// (''…'', the New York Times wire style, which the file's mark-based derivation did not count): all inside
    /// the marks is direct, part inside is mixed. Off by default: the file as distributed.
    /// </param>
    public static IEnumerable<GoldDocument> ReadPolnear(string path, bool twoApostropheMarks = false)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = root.GetProperty("text").GetString() ?? "";
            var index = new CodePointIndex(text);
            var quotes = new List<GoldQuote>();
            foreach (var q in root.GetProperty("quotes").EnumerateArray())
            {
                TextSpan? mention = q.TryGetProperty("speaker_start", out var s) && s.ValueKind == JsonValueKind.Number
                    ? Span(index, s.GetInt32(), q.GetProperty("speaker_end").GetInt32())
                    : null;
                List<TextSpan>? fragments = q.TryGetProperty("fragments", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(p => Span(index, p[0].GetInt32(), p[1].GetInt32())).ToList()
                    : null;
                var span = Span(index, q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32());
                var kind = ParseKind(q.GetProperty("kind").GetString());
                if (twoApostropheMarks && kind == QuoteKind.Indirect)
                {
                    kind = KindFromTwoApostropheMarks(span.Of(text));
                }

                quotes.Add(new GoldQuote(span, kind, StringOrNull(q, "speaker"), mention, StringOrNull(q, "cue"), fragments));
            }

            var resolved = root.TryGetProperty("speakers_resolved", out var r) && r.ValueKind == JsonValueKind.True;
            yield return new GoldDocument(root.GetProperty("id").GetString() ?? "", text, quotes, [], SpeakersResolved: resolved);
        }
    }

    private static QuoteKind KindFromTwoApostropheMarks(string content)
    {
        var marks = content.Split("''").Length - 1;
        if (marks == 0)
        {
            return QuoteKind.Indirect;
        }

        var trimmed = content.Trim().TrimEnd('.', ',', ';');
        return trimmed.StartsWith("''", StringComparison.Ordinal) && trimmed.EndsWith("''", StringComparison.Ordinal)
            ? QuoteKind.Direct
            : QuoteKind.Mixed;
    }

    private static TextSpan Span(CodePointIndex index, int start, int end)
    {
        start = Math.Clamp(start, 0, index.CodePointLength);
        end = Math.Clamp(end, start, index.CodePointLength);
        return new TextSpan(index.ToUtf16(start), index.ToUtf16(end));
    }

    private static string? StringOrNull(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static QuoteKind ParseKind(string? kind) => kind switch
    {
        "direct" => QuoteKind.Direct,
        "mixed" => QuoteKind.Mixed,
        _ => QuoteKind.Indirect,
    };
}
