using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Platform.Cli.Output;

/// <summary>A progress column showing items per second ("12.3 articles/s").</summary>
internal sealed class RateColumn(string unit) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        => new Text(task.Speed is { } speed ? $"{speed.ToString("0.0", CultureInfo.InvariantCulture)} {unit}/s" : $"- {unit}/s",
            new Style(Color.Grey));
}
