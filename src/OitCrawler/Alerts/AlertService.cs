using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.History;

namespace OitCrawler.Alerts;

/// <summary>What alerting did for a run: the changes found, the messages queued, and the send that followed (null when it did not run).</summary>
internal sealed record AlertOutcome(Changes Changes, int Queued, OutboxFlush? Flush);

/// <summary>
/// The alert step of the nightly pipeline: read the history, detect changes, compose the e-mail,
/// store it in the outbox, then try to send it. The decisions are in <see cref="RegressionDetector"/>
/// and <see cref="AlertComposer"/>; this class only fetches their inputs and hands on their outputs.
/// </summary>
internal sealed partial class AlertService(IRunStore store, SmtpOutbox outbox, IOptions<AlertOptions> options, ILogger<AlertService> logger)
{
    /// <summary>How many earlier runs are read for streaks and the trend.</summary>
    public const int HistoryDepth = 60;

    /// <summary>
    /// Detects, composes and queues the run's alerts; nothing is sent (<see cref="SendAsync"/> does). Called
    /// right after the run is stored, before its reports are written: the alerts are computed from earlier
    /// runs and could not be recomputed later, so the moment a process could die between the two writes is
    /// kept as short as it can be.
    /// </summary>
    /// <param name="runId">The stored run.</param>
    /// <param name="result">Its result.</param>
    /// <param name="reportLink">Where its report will be, for the e-mail.</param>
    /// <param name="hold">How long the queued alerts wait for <see cref="SendAsync"/> before the outbox job may send them.</param>
    /// <param name="storeToken">For reading history and queuing: not shutdown's token, so a stored run always gets its alerts queued.</param>
    public async Task<AlertOutcome> QueueAsync(string runId, AuditResult result, string? reportLink, TimeSpan hold, CancellationToken storeToken)
    {
        var o = options.Value;
        var site = result.Site;
        var earlier = (await store.ListRunsAsync(site, HistoryDepth + 1, storeToken)).Where(r => r.RunId != runId).ToList();
        var previous = await store.LastCompleteRunAsync(site, runId, storeToken);
        var history = await store.ItemHistoryAsync(site, runId, HistoryDepth, storeToken);
        var input = new DetectorInput(
            RunOutcomes.StateFor(result.Evidence.Outcome) == RunState.Unreachable || result.Evidence.Outcome == Evidence.CrawlOutcome.HostFailing,
            result.Evidence.OutcomeReason,
            result.Items,
            history,
            earlier.Where(r => !r.WasInterrupted).Select(r => r.SiteDown).ToList(),
            previous?.Run.StartedAt,
            result.StartedAt);
        var changes = RegressionDetector.Detect(input, o.ConsecutiveFailures, o.StaleWarningDays);
        if (!changes.ShouldAlert)
        {
            LogNoChanges(changes.Items.Count);
            return new AlertOutcome(changes, 0, null);
        }

        if (!o.Smtp.Enabled)
        {
            LogMailOff(changes.Items.Count);
            return new AlertOutcome(changes, 0, null);
        }

        var context = new AlertContext(
            runId,
            result.StartedAt,
            result,
            changes,
            previous?.Items.ToDictionary(i => i.Code, StringComparer.Ordinal) ?? [],
            earlier,
            reportLink,
            [.. o.DigestTo]);
        var messages = AlertComposer.Compose(context);
        if (messages.Count == 0)
        {
            LogNoRecipients();
            return new AlertOutcome(changes, 0, null);
        }

        return new AlertOutcome(changes, await outbox.EnqueueAsync(runId, messages, hold, storeToken), null);
    }

    /// <summary>Sends what <see cref="QueueAsync"/> queued for the run, on hold or not, and anything older that is due.</summary>
    /// <param name="runId">The run whose alerts are released.</param>
    /// <param name="queued">What queueing found.</param>
    /// <param name="cancellationToken">Shutdown: stops sending; what is queued waits in the outbox for the service's outbox job.</param>
    public async Task<AlertOutcome> SendAsync(string runId, AlertOutcome queued, CancellationToken cancellationToken)
    {
        if (!options.Value.Smtp.Enabled)
        {
            return queued;
        }

        try
        {
            return queued with { Flush = await outbox.FlushAsync(runId, cancellationToken) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return queued;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No changes worth an alert ({Pending} pending)")]
    private partial void LogNoChanges(int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} changes; e-mail is off (Alerts:Smtp:Host is empty)")]
    private partial void LogMailOff(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changes found but no recipient: the measures file names no e-mail for the information unit and Alerts:DigestTo is empty")]
    private partial void LogNoRecipients();
}
