using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Cli.Output;
using Platform.V1;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform quotes</c>, <c>platform speakers</c>, <c>platform entities</c> and <c>platform article</c>: queries to
/// the storage service.
/// </summary>
internal static class QueryCommands
{
    private const int MaxPageSize = 500;

    public static Command Quotes(CliContext context)
    {
        var speaker = new Option<string?>("--speaker", "-s") { Description = "The speaker: a name, an alias (\"Zakharova\") or part of a name" };
        var entity = new Option<string?>("--entity", "-e", "--about")
        {
            Description = "An entity mentioned in the quote, matched like --speaker: \"what did X say about Y\" is --speaker X --about Y",
        };
        var text = new Option<string?>("--text", "-t") { Description = "Words in the quote (full-text search: \"exact phrase\", or, -not)" };
        var source = new Option<string?>("--source") { Description = "Only articles of this outlet (whole name, case-insensitive)" };
        var order = new Option<string?>("--order") { Description = "newest, or relevance (the default when --text is given)" };
        order.AcceptOnlyFromAmong("newest", "relevance");
        var article = new Option<string?>("--article", "-a") { Description = "Only quotes of this article id" };
        var after = new Option<DateTimeOffset?>("--after") { Description = "Only articles published at or after this time (ISO 8601)" };
        var before = new Option<DateTimeOffset?>("--before") { Description = "Only articles published before this time (ISO 8601)" };
        var group = new Option<bool>("--group", "-g")
        {
            Description = "One row per group of near-identical quotes (the same statement in several articles), with the group's article count and id",
        };
        var limit = Limit();
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var command = new Command("quotes", "Search stored quotes") { speaker, entity, text, source, order, article, after, before, group, limit, storage, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new SearchQuotesRequest
            {
                Speaker = parse.GetValue(speaker) ?? string.Empty,
                Entity = parse.GetValue(entity) ?? string.Empty,
                Text = parse.GetValue(text) ?? string.Empty,
                Source = parse.GetValue(source) ?? string.Empty,
                Order = parse.GetValue(order) switch
                {
                    "newest" => QuoteOrder.Newest,
                    "relevance" => QuoteOrder.Relevance,
                    _ => QuoteOrder.Unspecified,
                },
                ArticleId = parse.GetValue(article) ?? string.Empty,
                PublishedAfter = parse.GetValue(after) is { } a ? Timestamp.FromDateTimeOffset(a) : null,
                PublishedBefore = parse.GetValue(before) is { } b ? Timestamp.FromDateTimeOffset(b) : null,
                CollapseGroups = parse.GetValue(group),
            };
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var hits = await CollectAsync<QuoteHit>(parse.GetValue(limit), async (pageSize, token) =>
            {
                request.PageSize = pageSize;
                request.PageToken = token;
                var page = await client.SearchQuotesAsync(request, cancellationToken: cancellationToken);
                return ((IEnumerable<QuoteHit>)page.Quotes, page.NextPageToken);
            });

            await WriteAsync(context, parse.GetRequiredValue(format), hits, () => context.Console.Write(request.CollapseGroups
                ? Tables.QuoteGroupHitTable(hits)
                : Tables.QuoteTable(hits.Select(h => (h.Quote, (string?)QuoteContextView.QuoteId(h))))));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Entities(CliContext context)
    {
        var type = new Option<string?>("--type") { Description = "Only entities of this type" };
        type.AcceptOnlyFromAmong([.. EntityTypeNames.All, .. EntityTypeNames.All.Select(n => n.ToLowerInvariant())]);
        var name = new Option<string?>("--name", "-n") { Description = "Part of the entity's name (case-insensitive)" };
        var limit = Limit();
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var command = new Command("entities", "List stored entities, most mentioned first") { type, name, limit, storage, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ListEntitiesRequest
            {
                Type = parse.GetValue(type) is { } t ? EntityTypeNames.Parse(t) : EntityType.Unspecified,
                Name = parse.GetValue(name) ?? string.Empty,
            };
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var entities = await CollectAsync<EntitySummary>(parse.GetValue(limit), async (pageSize, token) =>
            {
                request.PageSize = pageSize;
                request.PageToken = token;
                var page = await client.ListEntitiesAsync(request, cancellationToken: cancellationToken);
                return ((IEnumerable<EntitySummary>)page.Entities, page.NextPageToken);
            });

            await WriteAsync(context, parse.GetRequiredValue(format), entities, () => context.Console.Write(Tables.EntityTable(entities)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Speakers(CliContext context)
    {
        var name = new Option<string?>("--name", "-n") { Description = "A name, an alias (\"Zakharova\") or part of a name" };
        var limit = Limit();
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var command = new Command("speakers", "List the people and organizations quoted, one per real speaker, most quoted first")
        {
            name, limit, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ListSpeakersRequest { Name = parse.GetValue(name) ?? string.Empty };
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var speakers = await CollectAsync<EntitySummary>(parse.GetValue(limit), async (pageSize, token) =>
            {
                request.PageSize = pageSize;
                request.PageToken = token;
                var page = await client.ListSpeakersAsync(request, cancellationToken: cancellationToken);
                return ((IEnumerable<EntitySummary>)page.Speakers, page.NextPageToken);
            });

            await WriteAsync(context, parse.GetRequiredValue(format), speakers, () => context.Console.Write(Tables.SpeakerTable(speakers)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Article(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The article id" };
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json", "jsonl");
        var command = new Command("article", "Show one stored article with its quotes and entities") { id, storage, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var response = await client.GetArticleAsync(new GetArticleRequest { Id = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
            await WriteAsync(context, parse.GetRequiredValue(format), [response],
                () => Tables.WriteAnalysis(context.Console, response.Article.Id, response.Article.Title, response.Analysis));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Quote(CliContext context)
    {
        var id = new Argument<string>("ID")
        {
            Description = "The quote: ARTICLE_ID#N as `platform quotes` shows it (N numbers the article's quotes from 0)",
        };
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("quote", "Show one stored quote in its paragraph, with the quote, cue, speaker and channel marked")
        {
            id, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetRequiredValue(id);
            if (!TryParseQuoteId(given, out var articleId, out var quoteIndex))
            {
                await context.Error.WriteLineAsync($"error: '{given}' is not a quote id: write ARTICLE_ID#N, for example harbour-reopening#0");
                return ExitCodes.Usage;
            }

            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var response = await client.GetQuoteAsync(
                new GetQuoteRequest { ArticleId = articleId, QuoteIndex = quoteIndex }, cancellationToken: cancellationToken);
            if (parse.GetRequiredValue(format) == "json")
            {
                await context.Output.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response));
            }
            else
            {
                QuoteContextView.Write(context.Console, response);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command QuoteGroup(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The group id: the \"Group\" column of `platform quotes --group`" };
        var limit = Limit();
        limit.Description = "Maximum number of the group's quotes (first appearance first)";
        var storage = CommonOptions.Storage();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("quote-group", "Show one group of near-identical quotes: every article carrying it, the first appearance first")
        {
            id, limit, storage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetRequiredValue(id);
            if (!long.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var groupId) || groupId < 1)
            {
                await context.Error.WriteLineAsync($"error: '{given}' is not a group id: write the number of the Group column of `platform quotes --group`");
                return ExitCodes.Usage;
            }

            using var channel = CliContext.Channel(parse.GetRequiredValue(storage), parse);
            var client = new StorageService.StorageServiceClient(channel);
            var response = await client.GetQuoteGroupAsync(
                new GetQuoteGroupRequest { GroupId = groupId, PageSize = Math.Min(parse.GetValue(limit), MaxPageSize) }, cancellationToken: cancellationToken);
            if (parse.GetRequiredValue(format) == "json")
            {
                await context.Output.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response));
            }
            else
            {
                Tables.WriteQuoteGroup(context.Console, response);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"ARTICLE#N" → (article id, quote index); the article id may itself contain '#'.</summary>
    internal static bool TryParseQuoteId(string id, out string articleId, out int quoteIndex)
    {
        var hash = id.LastIndexOf('#');
        articleId = hash > 0 ? id[..hash] : string.Empty;
        quoteIndex = 0;
        return hash > 0 && int.TryParse(id.AsSpan(hash + 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out quoteIndex);
    }

    /// <summary>Follows page tokens until <paramref name="wanted"/> items are collected or the last page is read.</summary>
    private static async Task<List<T>> CollectAsync<T>(
        int wanted, Func<int, string, Task<(IEnumerable<T> Items, string NextPageToken)>> fetchPage)
    {
        var items = new List<T>();
        var token = string.Empty;
        do
        {
            var (page, next) = await fetchPage(Math.Min(wanted - items.Count, MaxPageSize), token);
            items.AddRange(page);
            token = next;
        }
        while (token.Length > 0 && items.Count < wanted);

        return items;
    }

    private static Option<int> Limit()
    {
        var option = new Option<int>("--limit", "-l") { Description = "Maximum number of results", DefaultValueFactory = _ => 50 };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be at least 1");
            }
        });
        return option;
    }

    private static async Task WriteAsync<T>(CliContext context, string format, IReadOnlyList<T> items, Action table)
        where T : IMessage
    {
        switch (format)
        {
            case "jsonl":
                foreach (var item in items)
                {
                    await context.Output.WriteLineAsync(JsonFormatter.Default.Format(item));
                }

                break;
            case "json":
                var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation());
                await context.Output.WriteLineAsync("[" + string.Join(",\n", items.Select(i => formatter.Format(i))) + "]");
                break;
            default:
                table();
                break;
        }
    }
}
