using System.Collections.Concurrent;

namespace OitCrawler.Crawling;

/// <summary>
/// Per-host politeness: at most <c>concurrency</c> requests in flight and request starts spaced
/// by the larger of 1/rate and the host's robots Crawl-delay. A start is granted under a lock only
/// once the interval since the previous granted start has passed, so concurrent workers cannot
/// start two requests inside one interval, even when their timers fire late together (a stall of
/// the thread pool or the GC); a slot reserved ahead of time would let such workers start at once.
/// </summary>
internal sealed class HostPacer(TimeProvider timeProvider, double ratePerSecond, int concurrency)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _baseInterval = ratePerSecond > 0 ? TimeSpan.FromSeconds(1 / ratePerSecond) : TimeSpan.Zero;

    public void SetCrawlDelay(string host, TimeSpan delay) => Get(host).CrawlDelay = delay;

    public async Task<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var state = Get(host);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (state)
                {
                    var interval = state.CrawlDelay > _baseInterval ? state.CrawlDelay : _baseInterval;
                    var now = timeProvider.GetTimestamp();
                    wait = state.LastStart is { } last ? interval - timeProvider.GetElapsedTime(last, now) : TimeSpan.Zero;
                    if (wait <= TimeSpan.Zero)
                    {
                        state.LastStart = now;
                        return new Lease(state.Gate);
                    }
                }

                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
        catch
        {
            state.Gate.Release();
            throw;
        }
    }

    private HostState Get(string host) => _hosts.GetOrAdd(host, _ => new HostState(concurrency));

    private sealed class HostState(int concurrency)
    {
        public SemaphoreSlim Gate { get; } = new(concurrency, concurrency);

        public long? LastStart { get; set; }

        public TimeSpan CrawlDelay { get; set; }
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
