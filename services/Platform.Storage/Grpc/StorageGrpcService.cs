using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
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
        // Valid articles wait in a bounded queue from which several workers take batches, each stored in one
        // transaction; acknowledgements go out as each batch commits and carry the requests' sequence numbers.
        // A full queue stops the reading of the stream, so a slow database slows the sender (HTTP/2 flow control)
        // and memory stays bounded whatever the stream's length.
        var queue = Channel.CreateBounded<IngestRequest>(new BoundedChannelOptions(limits.IngestParallelism * limits.MaxBatchArticles)
        {
            SingleWriter = true,
        });
        var takeLock = new Lock();
        using var writeLock = new SemaphoreSlim(1);
        var workers = Enumerable.Range(0, limits.IngestParallelism).Select(_ => Task.Run(StoreBatchesAsync)).ToList();

        // Shutdown stops the reading of new articles; articles already read are stored and acknowledged.
        using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(
            context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            while (await MoveNextOrStopAsync(requestStream, readCancellation.Token))
            {
                var request = requestStream.Current;
                if (ingestor.Reject(request) is { } rejection)
                {
                    using var span = StorageTelemetry.StartIngestArticle(request);
                    metrics.Ingested(rejection, TimeSpan.Zero, span);
                    await WriteAsync([rejection]);
                }
                else
                {
                    await queue.Writer.WriteAsync(request, context.CancellationToken);
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(workers);

        async Task StoreBatchesAsync()
        {
            try
            {
                while (await queue.Reader.WaitToReadAsync(context.CancellationToken))
                {
                    var batch = TakeBatch();
                    if (batch.Count > 0)
                    {
                        await WriteAsync(await StoreBatchAsync(batch));
                    }
                }
            }
            catch (Exception e)
            {
                // The reader must not wait forever for room in a queue nobody empties.
                queue.Writer.TryComplete(e);
                throw;
            }
        }

        // Each article keeps its own span (in its sender's trace); the batch's SQL runs under the article's span when
        // the batch is that one article, else under a batch span linked to every article.
        async Task<IReadOnlyList<IngestResponse>> StoreBatchAsync(List<IngestRequest> batch)
        {
            var spans = StorageTelemetry.StartIngestArticles(batch);
            try
            {
                var started = Stopwatch.GetTimestamp();
                IReadOnlyList<IngestResponse> responses;
                using (StorageTelemetry.StartBatch(spans))
                {
                    responses = await ingestor.StoreAsync(batch, context.CancellationToken);
                }

                var duration = Stopwatch.GetElapsedTime(started);
                for (var i = 0; i < responses.Count; i++)
                {
                    metrics.Ingested(responses[i], duration, spans[i]);
                }

                return responses;
            }
            finally
            {
                foreach (var span in spans)
                {
                    span?.Dispose();
                }
            }
        }

        // Whatever is queued, up to the batch size; an id already in the batch ends it (one transaction cannot
        // both store and re-store an article).
        List<IngestRequest> TakeBatch()
        {
            var batch = new List<IngestRequest>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            lock (takeLock)
            {
                while (batch.Count < limits.MaxBatchArticles && queue.Reader.TryPeek(out var next) && ids.Add(next.Article.Id))
                {
                    queue.Reader.TryRead(out _);
                    batch.Add(next);
                }
            }

            return batch;
        }

        async Task WriteAsync(IEnumerable<IngestResponse> responses)
        {
            await writeLock.WaitAsync(context.CancellationToken);
            try
            {
                foreach (var response in responses)
                {
                    await responseStream.WriteAsync(response, context.CancellationToken);
                }
            }
            finally
            {
                writeLock.Release();
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
            var parts = PageToken.Decode(byRelevance ? "quotes-by-relevance" : "quotes", request.PageToken, 3);
            if (parts is null
                || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
                || !PageToken.TryNumber(parts[1], out var seq)
                || !PageToken.TryNumber(parts[2], out var index) || index > int.MaxValue)
            {
                throw Invalid("page_token: malformed; pass the next_page_token of a previous SearchQuotes response with the same order");
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
        var rows = await store.SearchQuotesAsync(filter, after, pageSize + 1, context.CancellationToken);
        var response = new SearchQuotesResponse();
        response.Quotes.AddRange(rows.Take(pageSize).Select(RecordMapper.ToHit));
        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.NextPageToken = PageToken.Encode(
                byRelevance ? "quotes-by-relevance" : "quotes",
                last.Rank.ToString("R", CultureInfo.InvariantCulture),
                PageToken.Number(last.ArticleSeq),
                PageToken.Number(last.QuoteIndex));
        }

        return response;
    }

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize(request.PageSize);
        var after = DecodeRegistryToken("entities", request.PageToken, "ListEntities");
        var type = request.Type == EntityType.Unspecified ? null : RecordMapper.TypeName(request.Type);
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

    private static string EncodeRegistryToken(string kind, long count, KnownEntityRow last)
        => PageToken.Encode(kind, PageToken.Number(count), PageToken.Number(last.Id), last.Name);

    // A speaker or entity filter from a name and/or a registry id; null when the request gives neither.
    private static RegistryName? RegistryName(string name, long id)
        => NullIfBlank(name) is { } given ? new RegistryName(given, id) : id != 0 ? new RegistryName(null, id) : null;

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
