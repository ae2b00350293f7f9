using System.Globalization;
using Grpc.Core;
using Platform.Hosting;
using Platform.Storage.Data;
using Platform.Storage.Ingest;
using Platform.Storage.Queries;
using Platform.Storage.Registry;
using Platform.Storage.Store;
using Platform.V1;

namespace Platform.Storage.Grpc;

/// <summary>The StorageService RPCs: validate, map, call the store, map back.</summary>
internal sealed class StorageGrpcService(
    IngestPipeline ingest,
    ArticleStore store,
    StorageLimits limits) : StorageService.StorageServiceBase
{
    private const int DefaultPageSize = 50;

    private const int DefaultGroupPageSize = 100;

    public override Task Ingest(
        IAsyncStreamReader<IngestRequest> requestStream,
        IServerStreamWriter<IngestResponse> responseStream,
        ServerCallContext context)
        => ingest.RunAsync(requestStream, responseStream, context.CancellationToken);

    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidArgument("id: required");
        }

        var record = await store.GetAsync(request.Id, context.CancellationToken)
                     ?? throw new RpcException(new Status(StatusCode.NotFound, $"article '{request.Id}' is not stored"));
        return new GetArticleResponse
        {
            Article = RecordMapper.ToArticle(record.Article),
            Analysis = RecordMapper.ToAnalysis(record),
        };
    }

    public override async Task<GetQuoteResponse> GetQuote(GetQuoteRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.ArticleId))
        {
            throw Invalid("article_id: required");
        }

        if (request.QuoteIndex < 0)
        {
            throw Invalid($"quote_index: {request.QuoteIndex} is negative; quotes are numbered from 0");
        }

        var row = await store.GetQuoteAsync(request.ArticleId, request.QuoteIndex, context.CancellationToken)
                  ?? throw new RpcException(new Status(StatusCode.NotFound,
                      $"article '{request.ArticleId}' has no stored quote {request.QuoteIndex} (or is not stored)"));
        (int, int)? mention = row is { SpeakerStart: { } mentionStart, SpeakerEnd: { } mentionEnd } ? (mentionStart, mentionEnd) : null;
        return new GetQuoteResponse
        {
            Hit = RecordMapper.ToHit(row),
            Context = QuoteContextBuilder.Build(row.ArticleText, row.StartOffset, row.EndOffset, mention, row.Cue, row.Channel),
        };
    }

    public override async Task<SearchQuotesResponse> SearchQuotes(SearchQuotesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        var text = NullIfBlank(request.Text);
        var byRelevance = request.Order == QuoteOrder.Relevance || (request.Order == QuoteOrder.Unspecified && text is not null);
        if (request.Order == QuoteOrder.Relevance && text is null)
        {
            throw Invalid("order: QUOTE_ORDER_RELEVANCE needs text to rank by");
        }

        QuoteKeyset? after = null;
        if (request.PageToken.Length > 0)
        {
            var parts = PageToken.Decode(QuotesTokenKind(byRelevance, request.CollapseGroups), request.PageToken, 3);
            if (parts is null
                || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
                || !PageToken.TryNumber(parts[1], out var seq)
                || !PageToken.TryNumber(parts[2], out var index) || index > int.MaxValue)
            {
                throw Invalid("page_token: malformed; pass the next_page_token of a previous SearchQuotes response with the same order and collapse_groups");
            }

            after = new QuoteKeyset(rank, seq, (int)index);
        }

        var filter = new QuoteFilter
        {
            Speaker = RegistryName(request.Speaker, request.SpeakerId),
            Entity = RegistryName(request.Entity, request.EntityId),
            Text = text,
            ArticleId = NullIfBlank(request.ArticleId),
            Source = NullIfBlank(request.Source),
            PublishedAfter = request.PublishedAfter?.ToDateTime(),
            PublishedBefore = request.PublishedBefore?.ToDateTime(),
            ByRelevance = byRelevance,
        };
        // One extra row tells whether another page follows.
        var response = new SearchQuotesResponse();
        IReadOnlyList<QuoteHitRow> rows;
        if (request.CollapseGroups)
        {
            var groups = await store.SearchQuoteGroupsAsync(filter, after, pageSize + 1, context.CancellationToken);
            rows = groups.Select(g => g.Hit).ToList();
            response.Quotes.AddRange(groups.Take(pageSize).Select(g =>
            {
                var hit = RecordMapper.ToHit(g.Hit);
                hit.GroupArticleCount = g.ArticleCount;
                return hit;
            }));
        }
        else
        {
            rows = await store.SearchQuotesAsync(filter, after, pageSize + 1, context.CancellationToken);
            response.Quotes.AddRange(rows.Take(pageSize).Select(RecordMapper.ToHit));
        }

        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = PageToken.Encode(
                QuotesTokenKind(byRelevance, request.CollapseGroups),
                last.Rank.ToString("R", CultureInfo.InvariantCulture),
                PageToken.Number(last.ArticleSeq),
                PageToken.Number(last.QuoteIndex));
        }

        return response;
    }

    public override async Task<GetQuoteGroupResponse> GetQuoteGroup(GetQuoteGroupRequest request, ServerCallContext context)
    {
        if (request.GroupId <= 0)
        {
            throw Invalid($"group_id: {request.GroupId} is not a group id; pass a QuoteHit.group_id (1 or more)");
        }

        if (request.PageSize < 0 || request.PageSize > limits.MaxPageSize)
        {
            throw Invalid($"page_size: {request.PageSize} is outside 1 to {limits.MaxPageSize} (0 means {DefaultGroupPageSize})");
        }

        var found = await store.GetQuoteGroupAsync(request.GroupId, request.PageSize == 0 ? DefaultGroupPageSize : request.PageSize, context.CancellationToken)
                    ?? throw new RpcException(new Status(StatusCode.NotFound, $"group_id: no quote group {request.GroupId} is stored"));
        var response = new GetQuoteGroupResponse { Group = RecordMapper.ToGroup(found.Group, found.Quotes) };
        response.Quotes.AddRange(found.Quotes.Select(RecordMapper.ToHit));
        return response;
    }

    // Collapsed and plain searches page differently: a token of one is refused by the other.
    private static string QuotesTokenKind(bool byRelevance, bool collapsed)
        => (byRelevance ? "quotes-by-relevance" : "quotes") + (collapsed ? "-by-group" : string.Empty);

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        var after = DecodeRegistryToken("entities", request.PageToken, "ListEntities");
        var type = request.Type == EntityType.Unspecified ? null : EntityTypeNames.Name(request.Type);
        var rows = await store.ListKnownEntitiesAsync(speakers: false, type, NullIfBlank(request.Name), after, pageSize + 1, context.CancellationToken);
        var response = new ListEntitiesResponse();
        response.Entities.AddRange(rows.Take(pageSize).Select(RecordMapper.ToSummary));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = EncodeRegistryToken("entities", rows[pageSize - 1].MentionCount, rows[pageSize - 1]);
        }

        return response;
    }

    public override async Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        var after = DecodeRegistryToken("speakers", request.PageToken, "ListSpeakers");
        var rows = await store.ListKnownEntitiesAsync(speakers: true, null, NullIfBlank(request.Name), after, pageSize + 1, context.CancellationToken);
        var response = new ListSpeakersResponse();
        response.Speakers.AddRange(rows.Take(pageSize).Select(RecordMapper.ToSummary));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = EncodeRegistryToken("speakers", rows[pageSize - 1].QuoteCount, rows[pageSize - 1]);
        }

        return response;
    }

    public override async Task<GetQuoteStatsResponse> GetQuoteStats(GetQuoteStatsRequest request, ServerCallContext context)
    {
        var by = request.By switch
        {
            QuoteStatsDimension.Outlet => StatsDimension.Outlet,
            QuoteStatsDimension.Week => StatsDimension.Week,
            QuoteStatsDimension.Gender => StatsDimension.Gender,
            QuoteStatsDimension.SpeakerType => StatsDimension.SpeakerType,
            _ => throw Invalid("by: required; one of QUOTE_STATS_DIMENSION_OUTLET, _WEEK, _GENDER, _SPEAKER_TYPE"),
        };
        if (request.SpeakerId < 0)
        {
            throw Invalid($"speaker_id: {request.SpeakerId} is negative");
        }

        var after = request.PublishedAfter?.ToDateTime();
        var before = request.PublishedBefore?.ToDateTime();
        if (after is not null && before is not null && after >= before)
        {
            throw Invalid("published_before: must be later than published_after");
        }

        var filter = new QuoteStatsFilter { Outlet = NullIfBlank(request.Source), After = after, Before = before };
        var rows = await store.QuoteStatsAsync(by, filter, RegistryName(request.Speaker, request.SpeakerId), context.CancellationToken);
        var response = new GetQuoteStatsResponse();
        response.Rows.AddRange(rows.Select(r => new V1.QuoteStatsRow { Key = r.Key, Quotes = r.Quotes, Speakers = r.Speakers }));
        return response;
    }

    public override async Task<GetQuoteTimelineResponse> GetQuoteTimeline(GetQuoteTimelineRequest request, ServerCallContext context)
    {
        var speaker = RegistryName(request.Speaker, request.SpeakerId);
        var about = RegistryName(request.About, request.AboutId);
        if (speaker is null || request.SpeakerId < 0)
        {
            throw Invalid("speaker: required (a name, or speaker_id: a registry id)");
        }

        if (about is null || request.AboutId < 0)
        {
            throw Invalid("about: required (a name, or about_id: a registry id)");
        }

        var timeline = await store.TimelineAsync(speaker, about, context.CancellationToken);
        var response = new GetQuoteTimelineResponse();
        if (timeline is null)
        {
            return response;
        }

        response.First = timeline.First is { } first ? RecordMapper.ToHit(first) : null;
        response.Last = timeline.Last is { } last ? RecordMapper.ToHit(last) : null;
        response.Weeks.AddRange(timeline.Weeks.Select(w => new TimelineWeek
        {
            Week = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(w.Week, DateTimeKind.Utc)),
            Quotes = w.Quotes,
        }));
        response.Quotes = timeline.Weeks.Sum(w => w.Quotes);
        return response;
    }

    private static string EncodeRegistryToken(string kind, long count, KnownEntityRow last)
        => PageToken.Encode(kind, PageToken.Number(count), PageToken.Number(last.Id), last.Name);

    // A speaker or entity filter from a name and/or a registry id; null when the request gives neither.
    private static RegistryName? RegistryName(string name, long id)
        => NullIfBlank(name) is { } given ? new RegistryName(given, NameKey.Normalize(given), id)
            : id != 0 ? new RegistryName(null, null, id)
            : null;

    private static RegistryKeyset? DecodeRegistryToken(string kind, string token, string method)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var parts = PageToken.Decode(kind, token, 3);
        if (parts is null || !PageToken.TryNumber(parts[0], out var count) || !PageToken.TryNumber(parts[1], out var id))
        {
            throw Invalid($"page_token: malformed; pass the next_page_token of a previous {method} response");
        }

        return new RegistryKeyset(count, parts[2], id);
    }

    private int PageSize(int requested)
    {
        if (requested < 0 || requested > limits.MaxPageSize)
        {
            throw Invalid($"page_size: {requested} is outside 1 to {limits.MaxPageSize} (0 means {DefaultPageSize})");
        }

        return requested == 0 ? DefaultPageSize : requested;
    }

    private static RpcException Invalid(string message) => RpcErrors.InvalidArgument(message);

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
