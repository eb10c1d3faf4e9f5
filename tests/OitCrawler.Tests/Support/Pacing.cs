namespace OitCrawler.Tests.Support;

/// <summary>
/// Asserts that request starts, as the server saw them, keep an interval. The server stamps a
/// request when it arrives, which is the crawler's start plus an in-process delay (scheduling on a
/// busy 2-core machine, GC) of a few ms, now and then tens of ms. Such a delay shortens only the gap
/// after the late request, so: no gap may fall below half the interval (a burst of starts, the
/// failure that matters, shows as gaps near zero), and the median gap must hold the interval
/// (a wrong rate moves every gap). The exact spacing is pinned with a fake clock in HostPacerTests.
/// </summary>
internal static class Pacing
{
    private static readonly TimeSpan MedianTolerance = TimeSpan.FromMilliseconds(10);

    public static void AssertSpaced(IReadOnlyList<RecordedRequest> requests, TimeSpan interval)
    {
        var gaps = TestSite.Gaps(requests);
        Assert.NotEmpty(gaps);
        var log = TestSite.Describe(requests);
        Assert.All(gaps, gap => Assert.True(gap >= interval / 2, $"a gap under half of {interval.TotalMilliseconds} ms: {log}"));
        var median = gaps.Order().ElementAt(gaps.Count / 2);
        Assert.True(median >= interval - MedianTolerance, $"median gap {median.TotalMilliseconds:0} ms < {interval.TotalMilliseconds} ms: {log}");
    }
}
