using Platform.V1;
using Spectre.Console;

namespace Platform.Cli.Output;

/// <summary>Tables for people reading a terminal.</summary>
internal static class Tables
{
    public static void WriteAnalysis(IAnsiConsole console, string articleId, string title, ArticleAnalysis analysis)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(articleId)}[/]{(title.Length > 0 ? " " + Markup.Escape(title) : string.Empty)}")
            .LeftJustified());
        console.Write(QuoteTable(analysis.Quotes.Select(q => (q, (string?)null))));
        var entities = analysis.Entities
            .OrderByDescending(e => e.Mentions.Count)
            .Select(e => $"{Markup.Escape(e.Name)} [dim]{TypeName(e.Type)}×{e.Mentions.Count}[/]");
        console.MarkupLine($"[bold]Entities[/] ({analysis.Entities.Count}): {string.Join(", ", entities)}");
        console.WriteLine();
    }

    public static Table QuoteTable(IEnumerable<(Quote Quote, string? QuoteId)> quotes)
    {
        var rows = quotes.ToList();
        var withArticle = rows.Exists(r => r.QuoteId is not null);
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("[bold]Speaker[/]").NoWrap());
        table.AddColumn("[bold]Quote[/]");
        table.AddColumn(new TableColumn("[bold]Cue[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]Channel[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]Kind[/]").NoWrap());
        if (withArticle)
        {
            table.AddColumn(new TableColumn("[bold]Quote id[/]").NoWrap());
        }

        foreach (var (quote, article) in rows)
        {
            var cells = new List<string>
            {
                quote.Speaker is { Name.Length: > 0 } s ? $"[cyan]{Markup.Escape(s.Name)}[/]" : "[dim]unknown[/]",
                Markup.Escape(Shorten(quote.Text, 300)),
                Markup.Escape(quote.Cue),
                Markup.Escape(quote.Channel),
                KindName(quote.Kind),
            };
            if (withArticle)
            {
                cells.Add(Markup.Escape(article ?? string.Empty));
            }

            table.AddRow(cells.ToArray());
        }

        if (rows.Count == 0)
        {
            table.Caption("[dim]no quotes[/]");
        }

        return table;
    }

    public static Table EntityTable(IEnumerable<EntitySummary> entities)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("[bold]Name[/]");
        table.AddColumn("[bold]Type[/]");
        table.AddColumn(new TableColumn("[bold]Mentions[/]").RightAligned());
        table.AddColumn(new TableColumn("[bold]Articles[/]").RightAligned());
        foreach (var entity in entities)
        {
            table.AddRow(
                Markup.Escape(entity.Name),
                TypeName(entity.Type),
                entity.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                entity.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }

    public static Table SpeakerTable(IEnumerable<EntitySummary> speakers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("[bold]Id[/]");
        table.AddColumn("[bold]Speaker[/]");
        table.AddColumn("[bold]Gender[/]");
        table.AddColumn(new TableColumn("[bold]Quotes[/]").RightAligned());
        table.AddColumn(new TableColumn("[bold]Articles[/]").RightAligned());
        table.AddColumn("[bold]First seen[/]");
        table.AddColumn("[bold]Last seen[/]");
        table.AddColumn("[bold]Also known as[/]");
        foreach (var speaker in speakers)
        {
            table.AddRow(
                speaker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(speaker.Name),
                GenderName(speaker),
                speaker.QuoteCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                speaker.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Day(speaker.FirstSeen),
                Day(speaker.LastSeen),
                Markup.Escape(string.Join(", ", speaker.Aliases)));
        }

        return table;
    }

    /// <summary>A collapsed search: one row per group of near-identical quotes, with its article count and group id.</summary>
    public static Table QuoteGroupHitTable(IEnumerable<QuoteHit> hits)
    {
        var rows = hits.ToList();
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("[bold]Speaker[/]").NoWrap());
        table.AddColumn("[bold]Quote[/]");
        table.AddColumn(new TableColumn("[bold]Articles[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]Group[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]Quote id[/]").NoWrap());
        foreach (var hit in rows)
        {
            table.AddRow(
                hit.Quote.Speaker is { Name.Length: > 0 } s ? $"[cyan]{Markup.Escape(s.Name)}[/]" : "[dim]unknown[/]",
                Markup.Escape(Shorten(hit.Quote.Text, 300)),
                hit.GroupArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                hit.GroupId == 0 ? "[dim]-[/]" : hit.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(QuoteContextView.QuoteId(hit)));
        }

        if (rows.Count == 0)
        {
            table.Caption("[dim]no quotes[/]");
        }

        return table;
    }

    /// <summary>One group of near-identical quotes: a heading with its counts, then its quotes, first appearance first.</summary>
    public static void WriteQuoteGroup(IAnsiConsole console, GetQuoteGroupResponse response)
    {
        var group = response.Group;
        var id = group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        console.Write(new Rule($"[bold]Quote group {id}[/]: {group.ArticleCount} article(s), {group.QuoteCount} quote(s)").LeftJustified());
        console.MarkupLine($"[bold]{Markup.Escape(Shorten(group.Representative, 300))}[/]");
        if (group.FirstArticleId.Length > 0)
        {
            var when = group.FirstPublishedAt is null ? string.Empty : $" on {Day(group.FirstPublishedAt)}";
            console.MarkupLine($"First appearance: {Markup.Escape($"{group.FirstArticleId}#{group.FirstQuoteIndex}")}{when}");
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("[bold]#[/]").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("[bold]Published[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]Outlet[/]").NoWrap());
        table.AddColumn(new TableColumn("[bold]Speaker[/]").NoWrap());
        table.AddColumn("[bold]Quote[/]");
        table.AddColumn(new TableColumn("[bold]Quote id[/]").NoWrap());
        foreach (var (hit, n) in response.Quotes.Select((h, i) => (h, i + 1)))
        {
            table.AddRow(
                n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Day(hit.PublishedAt),
                Markup.Escape(hit.ArticleSource),
                hit.Quote.Speaker is { Name.Length: > 0 } s ? $"[cyan]{Markup.Escape(s.Name)}[/]" : "[dim]unknown[/]",
                Markup.Escape(Shorten(hit.Quote.Text, 300)),
                Markup.Escape(QuoteContextView.QuoteId(hit)));
        }

        console.Write(table);
    }

    // Gender is a person's: other speakers show nothing rather than "unknown".
    private static string GenderName(EntitySummary speaker) => speaker.Type != EntityType.Person ? string.Empty : speaker.Gender switch
    {
        Gender.Female => "female",
        Gender.Male => "male",
        _ => "unknown",
    };

    private static string Day(Google.Protobuf.WellKnownTypes.Timestamp? time)
        => time is null ? string.Empty : time.ToDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string TypeName(EntityType type) => type == EntityType.Unspecified ? "?" : EntityTypeNames.Name(type);

    internal static string KindName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        QuoteKind.Mixed => "mixed",
        _ => "?",
    };

    private static string Shorten(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }
}
