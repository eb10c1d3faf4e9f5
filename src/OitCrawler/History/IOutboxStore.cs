namespace OitCrawler.History;

/// <summary>
/// Where the alert outbox's rows are kept: the SQLite history for one agency (<see cref="OutboxStore"/>),
/// the fleet's PostgreSQL database for many. Rows are queued under a dedup key (never twice), leased before
/// sending (two processes never send one row), and marked sent or failed with the next attempt's time.
/// </summary>
internal interface IOutboxStore
{
    /// <summary>Queues <paramref name="messages"/> for <paramref name="runId"/> in one transaction; returns how many were new.</summary>
    Task<int> EnqueueAsync(string runId, IReadOnlyList<AlertMessage> messages, TimeSpan hold, CancellationToken cancellationToken);

    /// <summary>Alerts not yet sent.</summary>
    Task<int> WaitingAsync(CancellationToken cancellationToken);

    /// <summary>Leases the rows of <paramref name="channels"/> that are due, and those of <paramref name="releaseRunId"/> still on hold, oldest first.</summary>
    Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(string? releaseRunId, IReadOnlyList<string> channels, CancellationToken cancellationToken);

    /// <summary>Records that the server accepted <paramref name="row"/>; not cancellable.</summary>
    Task MarkSentAsync(OutboxRow row);

    /// <summary>Records a failed attempt: the error and when to try again; not cancellable.</summary>
    Task MarkFailedAsync(OutboxRow row, string error, TimeSpan retryAfter);
}
