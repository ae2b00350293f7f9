using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.Client;

/// <summary>
/// Gives unary calls that have no deadline a default one, so that a hung server cannot hang its callers forever.
/// Streaming calls are left alone: they are meant to live long.
/// </summary>
public sealed class DefaultDeadlineInterceptor(TimeSpan timeout) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow.Add(timeout)));
        }

        return continuation(request, context);
    }
}
