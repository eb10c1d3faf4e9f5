using Microsoft.Extensions.Time.Testing;
using OitCrawler.Crawling;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class HostPacerTests
{
    private const string Host = "agency.test";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // The pacer's awaits run inline inside FakeTimeProvider.Advance only without xunit's
    // synchronization context, so each test body runs on the thread pool.
    [Fact]
    public Task AcquireAsync_WaitersWakeLateTogether_StillOneStartPerInterval() => Task.Run(async () =>
    {
        // Regression: slots were reserved ahead, so workers whose timers fired late (a stalled
        // thread pool) all started at once: four requests within a few ms at a 10/s host.
        var time = new FakeTimeProvider();
        var pacer = new HostPacer(time, ratePerSecond: 10, concurrency: 4);
        using var first = await pacer.AcquireAsync(Host, CancellationToken.None);
        var waiting = Enumerable.Range(0, 3).Select(_ => pacer.AcquireAsync(Host, CancellationToken.None)).ToList();

        time.Advance(TimeSpan.FromSeconds(1)); // every waiter's timer fires late, at the same moment

        Assert.Equal(1, waiting.Count(t => t.IsCompletedSuccessfully));
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, waiting.Count(t => t.IsCompletedSuccessfully));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, waiting.Count(t => t.IsCompletedSuccessfully));
        time.Advance(Interval);
        Assert.Equal(3, waiting.Count(t => t.IsCompletedSuccessfully));
    });

    [Fact]
    public Task AcquireAsync_RateLimit_StartsSpacedByInterval() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var pacer = new HostPacer(time, ratePerSecond: 10, concurrency: 4);
        using var first = await pacer.AcquireAsync(Host, CancellationToken.None);

        var second = pacer.AcquireAsync(Host, CancellationToken.None);
        Assert.False(second.IsCompleted);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
    });

    [Fact]
    public Task AcquireAsync_CrawlDelaySetAfterFirstStart_NextStartWaitsDelayAfterIt() => Task.Run(async () =>
    {
        // Regression: the request that fetched robots.txt did not count, so the first page followed
        // it at once although robots.txt asked for a delay between requests.
        var time = new FakeTimeProvider();
        var pacer = new HostPacer(time, ratePerSecond: 0, concurrency: 4);
        using (await pacer.AcquireAsync(Host, CancellationToken.None))
        {
            pacer.SetCrawlDelay(Host, TimeSpan.FromSeconds(2));
        }

        var next = pacer.AcquireAsync(Host, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    });

    [Fact]
    public Task AcquireAsync_Concurrency2_ThirdWaitsForARelease() => Task.Run(async () =>
    {
        var pacer = new HostPacer(new FakeTimeProvider(), ratePerSecond: 0, concurrency: 2);
        var a = await pacer.AcquireAsync(Host, CancellationToken.None);
        using var b = await pacer.AcquireAsync(Host, CancellationToken.None);

        var c = pacer.AcquireAsync(Host, CancellationToken.None);
        Assert.False(c.IsCompleted);
        a.Dispose();
        (await c).Dispose();
    });

    [Fact]
    public Task AcquireAsync_OtherHost_NotPacedByFirst() => Task.Run(async () =>
    {
        var pacer = new HostPacer(new FakeTimeProvider(), ratePerSecond: 1, concurrency: 1);
        using var a = await pacer.AcquireAsync(Host, CancellationToken.None);

        var other = pacer.AcquireAsync("other.go.th", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    });
}
