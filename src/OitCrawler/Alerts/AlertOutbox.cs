using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.History;

namespace OitCrawler.Alerts;

/// <summary>What one flush did: sent now, failed now (to be retried), and still waiting (including not yet due).</summary>
internal sealed record OutboxFlush(int Sent, int Failed, int Waiting);

/// <summary>
/// The alert outbox in the history database, for both channels (e-mail over SMTP, LINE pushes). An
/// alert is stored before it is sent, under a dedup key (run + channel + kind + recipients) so that a
/// restart never queues it twice; it is retried with exponential backoff while its channel is down,
/// never dropped, and marked sent only after the server accepted it. A row is leased before sending
/// so that two processes (the service and <c>run-now</c>) never send the same one. Each e-mail carries
/// a Message-Id and each push an X-Line-Retry-Key derived from its dedup key, so in the one case left —
/// the server accepted it and the process died before marking it — the repeat is dropped (LINE does
/// it itself; a mail client can by Message-Id).
/// </summary>
internal sealed partial class AlertOutbox(IOutboxStore store, SmtpSender smtp, LinePush line, IOptions<AlertOptions> options, ILogger<AlertOutbox> logger)
{
    /// <summary>Queues <paramref name="messages"/> for <paramref name="runId"/> in one transaction; returns how many were new.</summary>
    /// <param name="runId">The run they belong to.</param>
    /// <param name="messages">The messages.</param>
    /// <param name="hold">How long the outbox job leaves them alone (the run's reports are still being written); a
    /// flush that names the run sends them at once, and if the process dies they go out when the hold ends.</param>
    /// <param name="cancellationToken">Cancels queueing.</param>
    public async Task<int> EnqueueAsync(string runId, IReadOnlyList<AlertMessage> messages, TimeSpan hold, CancellationToken cancellationToken)
    {
        var added = await store.EnqueueAsync(runId, messages, hold, cancellationToken);
        if (added > 0)
        {
            LogQueued(added, runId);
        }

        return added;
    }

    /// <summary>Sends every alert that is due. SMTP being down is not an error: the alerts wait for the next flush.</summary>
    public Task<OutboxFlush> FlushAsync(CancellationToken cancellationToken) => FlushAsync(null, cancellationToken);

    /// <summary>Sends every alert that is due, and those of <paramref name="releaseRunId"/> still on hold.</summary>
    public async Task<OutboxFlush> FlushAsync(string? releaseRunId, CancellationToken cancellationToken)
    {
        var channels = Channels();
        if (channels.Count == 0)
        {
            return new OutboxFlush(0, 0, await store.WaitingAsync(cancellationToken));
        }

        var claimed = await store.ClaimDueAsync(releaseRunId, channels, cancellationToken);
        if (claimed.Count == 0)
        {
            return new OutboxFlush(0, 0, await store.WaitingAsync(cancellationToken));
        }

        var (lineSent, lineFailed) = await PushLineAsync(claimed.Where(r => r.Channel == AlertChannels.Line).ToList(), cancellationToken);
        var mail = claimed.Where(r => r.Channel == AlertChannels.Email).ToList();
        var (mailSent, mailFailed) = await smtp.SendAsync(mail, store.MarkSentAsync, MarkFailedAsync, cancellationToken);
        return new OutboxFlush(lineSent + mailSent, lineFailed + mailFailed, await store.WaitingAsync(CancellationToken.None));
    }

    /// <summary>Alerts not yet sent.</summary>
    public Task<int> WaitingAsync(CancellationToken cancellationToken) => store.WaitingAsync(cancellationToken);

    private List<string> Channels()
    {
        var o = options.Value;
        var channels = new List<string>();
        if (o.Smtp.Enabled)
        {
            channels.Add(AlertChannels.Email);
        }

        if (o.Line.HasToken)
        {
            channels.Add(AlertChannels.Line);
        }

        return channels;
    }

    private async Task<(int Sent, int Failed)> PushLineAsync(List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (cancellationToken.IsCancellationRequested)
            {
                foreach (var rest in rows.Skip(i))
                {
                    await MarkFailedAsync(rest, "stopped before sending");
                }

                return (sent, failed + rows.Count - i);
            }

            LineResult result;
            try
            {
                result = await line.PushAsync(row.Recipients[0].Address, row.Text, row.DedupKey, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                result = new LineResult(false, "stopped before LINE answered");
            }

            if (result.Sent)
            {
                await store.MarkSentAsync(row);
                sent++;
                LogSent(row.Id, row.Kind, 1);
            }
            else
            {
                await MarkFailedAsync(row, result.Error ?? "not sent");
                failed++;
                LogLineFailed(row.Id, result.Error ?? string.Empty);
            }
        }

        return (sent, failed);
    }

    // Exponential backoff from Alerts:RetryBaseDelay up to Alerts:RetryMaxDelay; the row is never dropped.
    private Task MarkFailedAsync(OutboxRow row, string error)
    {
        var o = options.Value;
        var delay = TimeSpan.FromTicks((long)Math.Min(o.RetryMaxDelay.Ticks, o.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(row.Attempts, 30))));
        return store.MarkFailedAsync(row, error, delay);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Queued {Count} alerts of run {QueuedRunId}")]
    private partial void LogQueued(int count, string queuedRunId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Sent alert {OutboxId} ({Kind}) to {RecipientCount} recipients")]
    private partial void LogSent(long outboxId, string kind, int recipientCount);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "LINE push {OutboxId} not sent: {Error}; it will be retried")]
    private partial void LogLineFailed(long outboxId, string error);
}
