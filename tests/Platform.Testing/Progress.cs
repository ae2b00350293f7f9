using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Waits on a counter that another task advances, such as the number of messages a sender has written.</summary>
public static class Progress
{
    /// <summary>
    /// True once <paramref name="count"/> is above zero and has not changed for <paramref name="still"/>: the task
    /// advancing it is waiting, or done. False if it kept changing (or stayed zero) until <paramref name="limit"/>.
    /// </summary>
    public static async Task<bool> StallsAsync(Func<int> count, TimeSpan still, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var last = count();
        var since = clock.Elapsed;
        while (clock.Elapsed < limit)
        {
            await Task.Delay(100);
            var now = count();
            if (now != last)
            {
                (last, since) = (now, clock.Elapsed);
            }
            else if (now > 0 && clock.Elapsed - since >= still)
            {
                return true;
            }
        }

        return false;
    }
}
