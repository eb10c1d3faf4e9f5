using OitCrawler.Crawling;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class FrontierTests
{
    [Fact]
    public async Task TakeAsync_MixedEntries_HighestPriorityThenShallowestThenFirstFound()
    {
        var frontier = new Frontier();
        frontier.TryAdd(Entry("/deep-plain", depth: 3));
        frontier.TryAdd(Entry("/shallow-plain-1", depth: 1));
        frontier.TryAdd(Entry("/ita", depth: 5, priority: 10));
        frontier.TryAdd(Entry("/shallow-plain-2", depth: 1));

        var order = new List<string>();
        while (await frontier.TakeAsync(CancellationToken.None) is { } entry)
        {
            order.Add(entry.Url.AbsolutePath);
            frontier.Complete();
        }

        Assert.Equal(["/ita", "/shallow-plain-1", "/shallow-plain-2", "/deep-plain"], order);
    }

    [Fact]
    public void TryAdd_SeenUrl_NotQueuedAgain()
    {
        var frontier = new Frontier();

        Assert.True(frontier.TryAdd(Entry("/a")));
        Assert.False(frontier.TryAdd(Entry("/a", priority: 99)));
        Assert.True(frontier.MarkSeen(new Uri("http://agency.test/b")));
        Assert.False(frontier.TryAdd(Entry("/b")));
        Assert.Equal(1, frontier.Queued);
    }

    [Fact]
    public async Task TakeAsync_NothingQueuedButOneInFlight_WaitsForItsLinks()
    {
        var frontier = new Frontier();
        frontier.TryAdd(Entry("/"));
        _ = await frontier.TakeAsync(CancellationToken.None);

        var waiting = frontier.TakeAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        frontier.TryAdd(Entry("/found-later"));

        Assert.Equal("/found-later", (await waiting)?.Url.AbsolutePath);
    }

    [Fact]
    public async Task TakeAsync_LastInFlightCompletes_CrawlOverForEveryWaiter()
    {
        var frontier = new Frontier();
        frontier.TryAdd(Entry("/"));
        _ = await frontier.TakeAsync(CancellationToken.None);
        var first = frontier.TakeAsync(CancellationToken.None);
        var second = frontier.TakeAsync(CancellationToken.None);

        frontier.Complete();

        Assert.Null(await first);
        Assert.Null(await second);
    }

    [Fact]
    public async Task Close_Queued_ReturnsLeftoversAndEndsTakes()
    {
        var frontier = new Frontier();
        frontier.TryAdd(Entry("/a"));
        frontier.TryAdd(Entry("/b"));

        var left = frontier.Close();

        Assert.Equal(2, left.Count);
        Assert.Null(await frontier.TakeAsync(CancellationToken.None));
        Assert.False(frontier.TryAdd(Entry("/c")));
    }

    [Fact]
    public async Task TakeAsync_Cancelled_Throws()
    {
        var frontier = new Frontier();
        frontier.TryAdd(Entry("/"));
        _ = await frontier.TakeAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = frontier.TakeAsync(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static FrontierEntry Entry(string path, int depth = 1, int priority = 0) =>
        new(new Uri("http://agency.test/" + path.TrimStart('/')), depth, null, null, priority, false);

    [Fact]
    public void TryAdd_QueueAtItsCap_RefusesMore()
    {
        // A site linking millions of URLs must not grow the queue past what the budget can fetch.
        var frontier = new OitCrawler.Crawling.Frontier(maxQueued: 2);
        bool Add(int i) => frontier.TryAdd(new OitCrawler.Crawling.FrontierEntry(new Uri($"http://agency.test/{i}"), 1, null, null, 0, false));

        Assert.True(Add(1));
        Assert.True(Add(2));
        Assert.False(Add(3));
        Assert.Equal(2, frontier.Queued);
    }
}
