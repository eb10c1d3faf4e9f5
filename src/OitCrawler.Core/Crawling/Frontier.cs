namespace OitCrawler.Crawling;

/// <summary>A URL waiting to be fetched, with how it was found.</summary>
internal sealed record FrontierEntry(Uri Url, int Depth, Uri? FoundOn, string? LinkText, int Priority, bool IsDocument);

/// <summary>
/// Best-first frontier: the highest priority first, then the shallowest, then first-found.
/// Knows when the crawl is over: nothing queued and nothing in flight.
/// </summary>
internal sealed class Frontier(int maxQueued = int.MaxValue)
{
    private readonly PriorityQueue<FrontierEntry, (int NegPriority, int Depth, long Seq)> _queue = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _seq;
    private int _inFlight;
    private bool _closed;

    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Marks a URL seen without queueing it (redirect targets, the start URL).</summary>
    public bool MarkSeen(Uri url)
    {
        lock (_lock)
        {
            return _seen.Add(url.AbsoluteUri);
        }
    }

    public bool IsSeen(Uri url)
    {
        lock (_lock)
        {
            return _seen.Contains(url.AbsoluteUri);
        }
    }

    /// <summary>Queues the entry unless its URL was seen before; true when queued.</summary>
    public bool TryAdd(FrontierEntry entry)
    {
        lock (_lock)
        {
            // A site that links millions of URLs must not grow the queue past what the budget can fetch.
            if (_closed || _queue.Count >= maxQueued || !_seen.Add(entry.Url.AbsoluteUri))
            {
                return false;
            }

            _queue.Enqueue(entry, (-entry.Priority, entry.Depth, _seq++));
            Signal();
            return true;
        }
    }

    /// <summary>The next entry, or null once the crawl is over or closed.</summary>
    public async Task<FrontierEntry?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_closed)
                {
                    return null;
                }

                if (_queue.TryDequeue(out var entry, out _))
                {
                    _inFlight++;
                    return entry;
                }

                if (_inFlight == 0)
                {
                    _closed = true;
                    Signal();
                    return null;
                }

                wait = _changed.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Reports that an entry taken earlier is done (its links already added).</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _inFlight--;
            Signal();
        }
    }

    /// <summary>Stops the crawl: the budget is spent or the host is gone. Returns what was left.</summary>
    public IReadOnlyList<FrontierEntry> Close()
    {
        lock (_lock)
        {
            _closed = true;
            var left = new List<FrontierEntry>(_queue.Count);
            while (_queue.TryDequeue(out var e, out _))
            {
                left.Add(e);
            }

            Signal();
            return left;
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
