using System.Collections.Concurrent;

namespace OitCrawler.Crawling;

/// <summary>
/// Per-host politeness: at most <c>concurrency</c> requests in flight and request starts spaced
/// by the larger of 1/rate and the host's robots Crawl-delay. Slots are reserved under a lock so
/// that concurrent workers cannot start two requests inside one interval.
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
            TimeSpan wait;
            lock (state)
            {
                var interval = state.CrawlDelay > _baseInterval ? state.CrawlDelay : _baseInterval;
                var now = timeProvider.GetTimestamp();
                var slot = Math.Max(now, state.NextSlot);
                state.NextSlot = slot + (long)(interval.TotalSeconds * timeProvider.TimestampFrequency);
                wait = timeProvider.GetElapsedTime(now, slot);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            return new Lease(state.Gate);
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

        public long NextSlot { get; set; }

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
