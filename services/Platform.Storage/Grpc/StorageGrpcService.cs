using System.Diagnostics;
using Grpc.Core;
using Platform.Hosting;
using Platform.Storage.Data;
using Platform.Storage.Ingest;
using Platform.Storage.Queries;
using Platform.V1;

namespace Platform.Storage.Grpc;

/// <summary>The StorageService RPCs: validate, map, call the store, map back.</summary>
internal sealed class StorageGrpcService(
    ArticleIngestor ingestor,
    ArticleStore store,
    StorageLimits limits,
    StorageMetrics metrics,
    IHostApplicationLifetime lifetime) : StorageService.StorageServiceBase
{
    private const int DefaultPageSize = 50;

    public override async Task Ingest(
        IAsyncStreamReader<IngestRequest> requestStream,
        IServerStreamWriter<IngestResponse> responseStream,
        ServerCallContext context)
    {
        // Several articles of one stream are stored at once (each in its own transaction), so that one stream can
        // keep the database busy; acknowledgements go out as each commits and carry the request's sequence.
        using var slots = new SemaphoreSlim(limits.IngestParallelism);
        using var writeLock = new SemaphoreSlim(1);
        var inFlight = new List<Task>();

        // Shutdown stops the reading of new articles; articles already being stored finish and are acknowledged.
        using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(
            context.CancellationToken, lifetime.ApplicationStopping);
        while (await MoveNextOrStopAsync(requestStream, readCancellation.Token))
        {
            await slots.WaitAsync(context.CancellationToken);
            var request = requestStream.Current;
            inFlight.Add(StoreAndAcknowledgeAsync(request));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);

        async Task StoreAndAcknowledgeAsync(IngestRequest request)
        {
            try
            {
                using var activity = StorageTelemetry.StartIngestArticle(request);
                var started = Stopwatch.GetTimestamp();
                var response = await ingestor.IngestAsync(request, context.CancellationToken);
                metrics.Ingested(response, Stopwatch.GetElapsedTime(started), activity);
                await writeLock.WaitAsync(context.CancellationToken);
                try
                {
                    await responseStream.WriteAsync(response, context.CancellationToken);
                }
                finally
                {
                    writeLock.Release();
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }

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

    public override async Task<SearchQuotesResponse> SearchQuotes(SearchQuotesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        long? afterSeq = null;
        var afterIndex = 0;
        if (request.PageToken.Length > 0)
        {
            var parts = PageToken.Decode("quotes", request.PageToken, 2);
            if (parts is null || !PageToken.TryNumber(parts[0], out var seq) || !PageToken.TryNumber(parts[1], out var index))
            {
                throw Invalid("page_token: malformed; pass the next_page_token of a previous SearchQuotes response");
            }

            (afterSeq, afterIndex) = (seq, (int)index);
        }

        var filter = new QuoteFilter(
            NullIfBlank(request.Speaker),
            NullIfBlank(request.Entity),
            NullIfBlank(request.Text),
            NullIfBlank(request.ArticleId),
            request.PublishedAfter?.ToDateTime(),
            request.PublishedBefore?.ToDateTime());
        // One extra row tells whether another page follows.
        var rows = await store.SearchQuotesAsync(filter, afterSeq, afterIndex, pageSize + 1, context.CancellationToken);
        var response = new SearchQuotesResponse();
        response.Quotes.AddRange(rows.Take(pageSize).Select(RecordMapper.ToHit));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = PageToken.Encode("quotes", PageToken.Number(last.ArticleSeq), PageToken.Number(last.QuoteIndex));
        }

        return response;
    }

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        EntitySummaryRow? after = null;
        if (request.PageToken.Length > 0)
        {
            var parts = PageToken.Decode("entities", request.PageToken, 3);
            if (parts is null || !PageToken.TryNumber(parts[0], out var count))
            {
                throw Invalid("page_token: malformed; pass the next_page_token of a previous ListEntities response");
            }

            after = new EntitySummaryRow { Name = parts[1], Type = parts[2], MentionCount = count };
        }

        var type = request.Type == EntityType.Unspecified ? null : RecordMapper.TypeName(request.Type);
        var rows = await store.ListEntitiesAsync(type, NullIfBlank(request.Name), after, pageSize + 1, context.CancellationToken);
        var response = new ListEntitiesResponse();
        response.Entities.AddRange(rows.Take(pageSize).Select(RecordMapper.ToSummary));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = PageToken.Encode("entities", PageToken.Number(last.MentionCount), last.Name, last.Type);
        }

        return response;
    }

    private int PageSize(int requested)
    {
        if (requested < 0 || requested > limits.MaxPageSize)
        {
            throw Invalid($"page_size: {requested} is outside 1 to {limits.MaxPageSize} (0 means {DefaultPageSize})");
        }

        return requested == 0 ? DefaultPageSize : requested;
    }

    private static async Task<bool> MoveNextOrStopAsync(IAsyncStreamReader<IngestRequest> stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.MoveNext(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            return false;
        }
    }

    private static RpcException Invalid(string message) => RpcErrors.InvalidArgument(message);

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
