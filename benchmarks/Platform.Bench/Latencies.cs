using System.Collections.Concurrent;

namespace Platform.Bench;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double Percentile(double fraction)
    {
        var sorted = _samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
