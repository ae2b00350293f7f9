using System.Globalization;
using Platform.V1;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Tables of <c>platform stats</c> and <c>platform timeline</c>.</summary>
internal static class StatsTables
{
    public static Table StatsTable(string by, IEnumerable<QuoteStatsRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn($"[bold]{Markup.Escape(by switch { "week" => "Week of", "type" => "Speaker type", _ => char.ToUpperInvariant(by[0]) + by[1..] })}[/]");
        table.AddColumn(new TableColumn("[bold]Quotes[/]").RightAligned());
        table.AddColumn(new TableColumn("[bold]Speakers[/]").RightAligned());
        long quotes = 0;
        foreach (var row in rows)
        {
            quotes += row.Quotes;
            table.AddRow(
                Markup.Escape(row.Key.Length == 0 ? "(none)" : by is "gender" or "type" ? row.Key.ToLowerInvariant() : row.Key),
                row.Quotes.ToString(CultureInfo.InvariantCulture),
                row.Speakers.ToString(CultureInfo.InvariantCulture));
        }

        table.Caption(quotes == 0 ? "[dim]no quotes[/]" : $"[dim]{quotes.ToString(CultureInfo.InvariantCulture)} quotes[/]");
        return table;
    }

    public static void WriteTimeline(IAnsiConsole console, GetQuoteTimelineResponse timeline)
    {
        if (timeline.Quotes == 0)
        {
            console.MarkupLine("[dim]no quotes of this speaker about this entity[/]");
            return;
        }

        console.MarkupLine($"[bold]First[/] {Edge(timeline.First)}");
        console.MarkupLine($"[bold]Last[/]  {Edge(timeline.Last)}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("[bold]Week of[/]");
        table.AddColumn(new TableColumn("[bold]Quotes[/]").RightAligned());
        foreach (var week in timeline.Weeks)
        {
            table.AddRow(
                week.Week.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                week.Quotes.ToString(CultureInfo.InvariantCulture));
        }

        table.Caption($"[dim]{timeline.Quotes.ToString(CultureInfo.InvariantCulture)} quotes in {timeline.Weeks.Count.ToString(CultureInfo.InvariantCulture)} weeks[/]");
        console.Write(table);
    }

    private static string Edge(QuoteHit? hit)
        => hit is null
            ? string.Empty
            : $"{(hit.PublishedAt is null ? "undated" : hit.PublishedAt.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} "
              + $"[dim]{Markup.Escape(QuoteContextView.QuoteId(hit))}[/] “{Markup.Escape(hit.Quote.Text)}”";
}
