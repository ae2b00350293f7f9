using Google.Protobuf;
using Platform.V1;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Writes analyses in one of the output formats: table (people), json (one array), jsonl (one line each).</summary>
internal abstract class AnalysisWriter : IAsyncDisposable
{
    public static AnalysisWriter Create(string format, CliContext context) => format switch
    {
        "jsonl" => new JsonLinesWriter(context.Output),
        "json" => new JsonArrayWriter(context.Output),
        _ => new TableWriter(context.Console),
    };

    public abstract Task WriteAsync(Article article, ArticleAnalysis analysis);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The contract evaluation tools read: protobuf JSON with default settings, one line per article.</summary>
    private sealed class JsonLinesWriter(TextWriter output) : AnalysisWriter
    {
        public override Task WriteAsync(Article article, ArticleAnalysis analysis)
            => output.WriteLineAsync(JsonFormatter.Default.Format(analysis));
    }

    private sealed class JsonArrayWriter(TextWriter output) : AnalysisWriter
    {
        private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());
        private bool _first = true;

        public override async Task WriteAsync(Article article, ArticleAnalysis analysis)
        {
            await output.WriteAsync(_first ? "[\n" : ",\n");
            _first = false;
            await output.WriteAsync(Formatter.Format(analysis));
        }

        public override async ValueTask DisposeAsync()
        {
            await output.WriteLineAsync(_first ? "[]" : "\n]");
            await base.DisposeAsync();
        }
    }

    private sealed class TableWriter(IAnsiConsole console) : AnalysisWriter
    {
        public override Task WriteAsync(Article article, ArticleAnalysis analysis)
        {
            Tables.WriteAnalysis(console, article.Id, article.Title, analysis);
            return Task.CompletedTask;
        }
    }
}
