using System.Diagnostics;

namespace Platform.Hosting;

/// <summary>
/// W3C trace context ("traceparent") carried inside messages, for work that travels on a long-lived stream whose
/// own span is not the work's parent.
/// </summary>
public static class TraceParent
{
    /// <summary>The traceparent of <paramref name="activity"/>; empty when there is none or it is not W3C.</summary>
    public static string Of(Activity? activity)
        => activity is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : string.Empty;

    /// <summary>The parent context a traceparent names; default (no parent: use the current activity) when invalid.</summary>
    public static ActivityContext Parse(string? traceparent)
        => !string.IsNullOrEmpty(traceparent) && ActivityContext.TryParse(traceparent, null, isRemote: true, out var context)
            ? context
            : default;
}
