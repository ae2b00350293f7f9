using System.Text;
using Platform.V1;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>
/// A quote in its paragraph with the quote, cue, speaker's mention and channel marked: by colour on a terminal, by
/// brackets where there is no colour (a pipe, a file), so that the marks survive either way.
/// </summary>
internal static class QuoteContextView
{
    // What each mark is, in order of precedence where spans overlap (a speaker named inside the quote stays a speaker).
    private enum Mark { None, Quote, Channel, Cue, Speaker }

    public static void Write(IAnsiConsole console, GetQuoteResponse response)
    {
        var hit = response.Hit;
        var colour = console.Profile.Capabilities.Ansi;
        console.Write(new Rule($"[bold]{Markup.Escape(QuoteId(hit))}[/]{(hit.ArticleTitle.Length > 0 ? " " + Markup.Escape(hit.ArticleTitle) : string.Empty)}")
            .LeftJustified());
        console.MarkupLine(Paragraph(response.Context, colour));
        console.WriteLine();
        console.MarkupLine(colour
            ? "[bold yellow]quote[/]  [underline green]cue[/]  [bold cyan]speaker[/]  [magenta]channel[/]"
            : "[dim]«quote»  _cue_  {speaker}  <channel>[/]");
        var details = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        details.AddRow("[bold]Speaker[/]", Markup.Escape(hit.Quote.Speaker?.Name is { Length: > 0 } name ? name : "unknown"));
        details.AddRow("[bold]Cue[/]", Markup.Escape(hit.Quote.Cue));
        details.AddRow("[bold]Channel[/]", Markup.Escape(hit.Quote.Channel));
        details.AddRow("[bold]Kind[/]", Tables.KindName(hit.Quote.Kind));
        details.AddRow("[bold]Article[/]", Markup.Escape(hit.ArticleId));
        details.AddRow("[bold]Source[/]", Markup.Escape(hit.ArticleSource));
        details.AddRow("[bold]Published[/]", hit.PublishedAt is { } published ? published.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        console.Write(details);
        console.WriteLine();
    }

    /// <summary>The id <c>platform quote</c> takes: the article id, '#', the quote's index in the article.</summary>
    public static string QuoteId(QuoteHit hit) => $"{hit.ArticleId}#{hit.QuoteIndex}";

    /// <summary>The paragraph as Spectre markup with every located span marked.</summary>
    internal static string Paragraph(QuoteContext context, bool colour)
    {
        var text = context.Paragraph.EnumerateRunes().ToArray();
        var marks = new Mark[text.Length];
        Paint(marks, context.Quote, Mark.Quote);
        Paint(marks, context.Channel, Mark.Channel);
        Paint(marks, context.Cue, Mark.Cue);
        Paint(marks, context.SpeakerMention, Mark.Speaker);

        var markup = new StringBuilder();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && marks[end] == marks[start])
            {
                end++;
            }

            var run = Markup.Escape(string.Concat(text[start..end].Select(r => r.ToString())));
            markup.Append(colour ? Coloured(marks[start], run) : Bracketed(marks[start], run));
            start = end;
        }

        return markup.ToString();
    }

    private static void Paint(Mark[] marks, TextSpan? span, Mark mark)
    {
        if (span is null)
        {
            return;
        }

        for (var i = Math.Max(span.Start, 0); i < Math.Min(span.End, marks.Length); i++)
        {
            marks[i] = mark;
        }
    }

    private static string Coloured(Mark mark, string run) => mark switch
    {
        Mark.Quote => $"[bold yellow]{run}[/]",
        Mark.Cue => $"[underline green]{run}[/]",
        Mark.Speaker => $"[bold cyan]{run}[/]",
        Mark.Channel => $"[magenta]{run}[/]",
        _ => run,
    };

    private static string Bracketed(Mark mark, string run) => mark switch
    {
        Mark.Quote => $"«{run}»",
        Mark.Cue => $"_{run}_",
        Mark.Speaker => $"{{{run}}}",
        Mark.Channel => $"<{run}>",
        _ => run,
    };
}
