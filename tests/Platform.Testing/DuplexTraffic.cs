using Grpc.Core;

namespace Platform.Testing;

/// <summary>
/// Drives a bidirectional call in the background: writes the requests one after another, counting those the call
/// accepted, then completes the request stream; meanwhile collects every response. For tests that watch a sender
/// being held back.
/// </summary>
public sealed class DuplexTraffic<TRequest, TResponse>
{
    private readonly List<TResponse> _responses = [];
    private int _written;

    public DuplexTraffic(AsyncDuplexStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> requests, CancellationToken cancellationToken)
    {
        Sending = Task.Run(async () =>
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, cancellationToken);
                Interlocked.Increment(ref _written);
            }

            await call.RequestStream.CompleteAsync();
        }, cancellationToken);
        Receiving = Task.Run(async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                lock (_responses)
                {
                    _responses.Add(response);
                }
            }
        }, cancellationToken);
    }

    /// <summary>Ends once every request is written and the request stream completed.</summary>
    public Task Sending { get; }

    /// <summary>Ends with the response stream.</summary>
    public Task Receiving { get; }

    /// <summary>Requests written so far.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>A copy of the responses received so far, in arrival order.</summary>
    public IReadOnlyList<TResponse> Responses
    {
        get
        {
            lock (_responses)
            {
                return [.. _responses];
            }
        }
    }

    /// <summary>Waits until both directions have ended.</summary>
    public Task CompletionAsync() => Task.WhenAll(Sending, Receiving);
}
