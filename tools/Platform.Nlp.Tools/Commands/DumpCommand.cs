using System.CommandLine;
using System.Text.Json;

namespace Platform.Nlp.Tools.Commands;

/// <summary><c>dump</c>: the quotes the shipped engine finds, for error analysis outside the scorer.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo?>("FILE") { Description = "A text file (standard input when absent)", Arity = ArgumentArity.ZeroOrOne };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "FILE holds one {\"id\",\"text\"} document per line; write one JSON line per document with its quotes' offsets",
        };
        var command = new Command("dump", "The quotes the engine finds: one line per quote, or one JSON line per document") { input, jsonl };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(input);
            var engine = NewsAnalyzer.CreateDefault();
            if (parse.GetValue(jsonl))
            {
                if (file is null)
                {
                    Console.Error.WriteLine("--jsonl needs FILE");
                    return 2;
                }

                foreach (var line in File.ReadLines(file.FullName))
                {
                    Console.WriteLine(DocumentLine(engine, line));
                }

                return 0;
            }

            var text = file is null ? Console.In.ReadToEnd() : File.ReadAllText(file.FullName);
            foreach (var q in engine.Analyze(text).Quotes)
            {
                var mention = q.Speaker?.Mention is { } m ? m.Of(text) : null;
                Console.WriteLine($"{q.Kind} {q.Span} cue={q.Cue} speaker={q.Speaker?.Name} mention={mention} channel={q.Channel} | {q.Text}");
            }

            return 0;
        });
        return command;
    }

    private static string DocumentLine(NewsAnalyzer engine, string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        var text = root.GetProperty("text").GetString() ?? "";
        var quotes = engine.Analyze(text).Quotes.Select(q => new
        {
            start = q.Span.Start,
            end = q.Span.End,
            kind = q.Kind.ToString(),
            cue = q.Cue,
            speaker = q.Speaker?.Name,
            mention = q.Speaker?.Mention is { } m ? new[] { m.Start, m.End } : null,
        });
        return JsonSerializer.Serialize(new { id = root.GetProperty("id").GetString(), quotes });
    }
}
