using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Platform.Hosting;
using Platform.V1;

namespace Platform.Extraction.Grpc;

/// <summary>The ExtractionService RPCs: validate, analyse, optionally store, answer.</summary>
internal sealed class ExtractionGrpcService(
    ArticleProcessor processor,
    ExtractionLimits limits,
    ExtractionMetrics metrics,
    IHostApplicationLifetime lifetime) : ExtractionService.ExtractionServiceBase
{
    public override async Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context)
    {
        using var activity = ExtractionTelemetry.StartAnalyze(request.Article);
        var (article, error) = processor.Prepare(request.Article);
        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
            throw RpcErrors.InvalidArgument(error);
        }

        var response = new ExtractResponse { Analysis = processor.Analyze(article!), Article = article };
        metrics.Analyzed(response.Analysis, activity);
        if (request.Store)
        {
            response.Storage = await processor.StoreAsync(article!, response.Analysis, context.CancellationToken);
            if (response.Storage.Status == StoreStatus.Failed)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, response.Storage.Reason));
            }
        }

        return response;
    }

    public override async Task ExtractStream(
        IAsyncStreamReader<ExtractStreamRequest> requestStream,
        IServerStreamWriter<ExtractStreamResponse> responseStream,
        ServerCallContext context)
    {
        // Articles are analysed as they arrive while earlier ones wait for storage; responses keep request order.
        // The bounded window applies backpressure: a slow storage slows the reading of requests.
        var window = Channel.CreateBounded<Task<ExtractStreamResponse>>(limits.StreamWindow);
        var cancellation = context.CancellationToken;
        var produce = ProduceAsync(requestStream, window.Writer, cancellation);
        await foreach (var next in window.Reader.ReadAllAsync(cancellation))
        {
            await responseStream.WriteAsync(await next, cancellation);
        }

        await produce;
    }

    private async Task ProduceAsync(
        IAsyncStreamReader<ExtractStreamRequest> requests,
        ChannelWriter<Task<ExtractStreamResponse>> window,
        CancellationToken cancellation)
    {
        // Shutdown stops the reading of new articles; articles already read are finished and answered.
        using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
        try
        {
            while (await requests.MoveNext(readCancellation.Token))
            {
                await window.WriteAsync(ProcessAsync(requests.Current, cancellation), cancellation);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        finally
        {
            window.TryComplete();
        }
    }

    private async Task<ExtractStreamResponse> ProcessAsync(ExtractStreamRequest request, CancellationToken cancellation)
    {
        // Each article of the stream gets its own span, so that its storage work can be found under it.
        using var activity = ExtractionTelemetry.StartAnalyze(request.Article, request.Traceparent);
        var response = new ExtractStreamResponse { ArticleId = request.Article?.Id ?? string.Empty };
        var (article, error) = processor.Prepare(request.Article);
        if (error is not null)
        {
            response.Error = error;
            activity?.SetStatus(ActivityStatusCode.Error, error);
            return response;
        }

        response.Analysis = processor.Analyze(article!);
        metrics.Analyzed(response.Analysis, activity);
        response.ArticleId = article!.Id;
        response.Article = article;
        if (request.Store)
        {
            response.Storage = await processor.StoreAsync(article, response.Analysis, cancellation);
        }

        return response;
    }
}
