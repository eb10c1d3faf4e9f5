using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.History;
using OitCrawler.Text;

namespace OitCrawler.Alerts;

/// <summary>What alerting did for a run: the changes found, the messages queued, and the send that followed (null when it did not run).</summary>
internal sealed record AlertOutcome(Changes Changes, int Queued, OutboxFlush? Flush);

/// <summary>The changes found for a run and the messages to queue with it (null when nothing is to be sent).</summary>
internal sealed record AlertPlan(Changes Changes, OutboxBatch? Batch);

/// <summary>
/// The alert step of the nightly pipeline: read the history, detect changes, compose the e-mail,
/// store it in the outbox, then try to send it. The decisions are in <see cref="RegressionDetector"/>
/// and <see cref="AlertComposer"/>; this class only fetches their inputs and hands on their outputs.
/// </summary>
internal sealed partial class AlertService(
    IRunStore store,
    AlertOutbox outbox,
    IOptions<AlertOptions> options,
    IOptions<AuditOptions> auditOptions,
    TimeProvider timeProvider,
    ILogger<AlertService> logger)
{
    /// <summary>How many earlier runs are read for streaks and the trend.</summary>
    public const int HistoryDepth = 60;

    /// <summary>
    /// Detects and composes the run's alerts from the earlier runs, before the run is stored: the store queues
    /// the batch in the transaction that stores the run, so a process killed at any moment leaves either the
    /// run and its alerts or neither (and then the next run finds the same changes again).
    /// </summary>
    /// <param name="runId">The run being stored.</param>
    /// <param name="result">Its result.</param>
    /// <param name="reportLink">Where its report will be, for the e-mail.</param>
    /// <param name="hold">How long the queued alerts wait for <see cref="SendAsync"/> before the outbox job may send them.</param>
    /// <param name="storeToken">For reading history: not shutdown's token, so a stored run always gets its alerts.</param>
    public Task<AlertPlan> PrepareAsync(string runId, AuditResult result, string? reportLink, TimeSpan hold, CancellationToken storeToken) =>
        PrepareAsync(runId, result, reportLink, hold, null, storeToken);

    /// <summary>As above, to a fleet agency's own <paramref name="recipients"/> instead of Alerts:DigestTo and Alerts:Line:To when not null.</summary>
    public async Task<AlertPlan> PrepareAsync(string runId, AuditResult result, string? reportLink, TimeSpan hold, AlertRecipients? recipients, CancellationToken storeToken)
    {
        var o = options.Value;
        IReadOnlyList<string> digestTo = recipients?.DigestTo ?? [.. o.DigestTo];
        IReadOnlyList<string> lineTo = [.. (recipients?.LineTo ?? [.. o.Line.To]).Where(t => !string.IsNullOrWhiteSpace(t))];
        var lineOn = o.Line.HasToken && lineTo.Count > 0;
        var site = result.Site;
        if (result.Evidence.Outcome == Evidence.CrawlOutcome.BudgetExhausted)
        {
            // Cut by its page or time budget: the items it did not reach would read as new gaps. Nothing is alerted.
            LogIncomplete(result.Evidence.OutcomeReason);
            return new AlertPlan(Changes.None, null);
        }

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
        if (changes.Site is { Kind: ChangeKind.SiteUnreachable } down)
        {
            changes = changes with { Site = down with { ReasonTh = result.Evidence.OutcomeReasonTh } };
        }

        // The first complete run of a site is news in itself: its gaps are the baseline everyone starts from.
        var baseline = previous is null && RunOutcomes.StateFor(result.Evidence.Outcome) == RunState.Complete;
        var weekly = baseline || RunOutcomes.StateFor(result.Evidence.Outcome) != RunState.Complete ? null : WeeklyKey(o.WeeklySummary, site, result.StartedAt);
        if (!changes.ShouldAlert && !baseline && weekly is null)
        {
            LogNoChanges(changes.Items.Count);
            return new AlertPlan(changes, null);
        }

        if (!o.Smtp.Enabled && !lineOn)
        {
            LogMailOff(changes.Items.Count);
            return new AlertPlan(changes, null);
        }

        var context = new AlertContext(
            runId,
            result.StartedAt,
            result,
            changes,
            previous?.Items.ToDictionary(i => i.Code, StringComparer.Ordinal) ?? [],
            earlier,
            reportLink,
            digestTo)
        {
            Language = auditOptions.Value.Language, // the alerts speak the reports' language
        };
        var messages = new List<AlertMessage>();
        if (o.Smtp.Enabled)
        {
            messages.AddRange(baseline ? SummaryComposer.Mail(context, SummaryComposer.BaselineKind, null) : changes.ShouldAlert ? AlertComposer.Compose(context) : []);
            if (weekly is not null)
            {
                messages.AddRange(SummaryComposer.Mail(context, SummaryComposer.WeeklyKind, weekly));
            }
        }

        if (lineOn)
        {
            if (baseline || changes.ShouldAlert)
            {
                messages.AddRange(SummaryComposer.Line(context, baseline ? SummaryComposer.BaselineKind : AlertComposer.DigestKind, lineTo, null));
            }

            if (weekly is not null)
            {
                messages.AddRange(SummaryComposer.Line(context, SummaryComposer.WeeklyKind, lineTo, weekly));
            }
        }

        if (messages.Count == 0)
        {
            LogNoRecipients();
            return new AlertPlan(changes, null);
        }

        return new AlertPlan(changes, new OutboxBatch(messages, timeProvider.GetUtcNow(), hold));
    }

    /// <summary>
    /// The weekly summary's key when <paramref name="at"/> (Bangkok) is the configured day inside the
    /// window, else null. The key names the site and the date, not the run: a second run that day sends nothing.
    /// </summary>
    internal static string? WeeklyKey(WeeklySummaryOptions? weekly, Uri site, DateTimeOffset at)
    {
        if (weekly is null || AlertOptionsValidator.MonthDay(weekly.From) is not { } from || AlertOptionsValidator.MonthDay(weekly.Until) is not { } until)
        {
            return null;
        }

        var day = ThaiTime.ToBangkok(at);
        var md = (day.Month * 100) + day.Day;
        var (start, end) = ((from.Month * 100) + from.Day, (until.Month * 100) + until.Day);
        var inside = start <= end ? md >= start && md <= end : md >= start || md <= end; // a window may span the new year
        return day.DayOfWeek == weekly.Day && inside
            ? $"weekly|{RunOutcomes.SiteKey(site)}|{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>Sends what was queued with the run, on hold or not, and anything older that is due.</summary>
    /// <param name="runId">The run whose alerts are released.</param>
    /// <param name="queued">What was found and queued.</param>
    /// <param name="cancellationToken">Shutdown: stops sending; what is queued waits in the outbox for the service's outbox job.</param>
    public async Task<AlertOutcome> SendAsync(string runId, AlertOutcome queued, CancellationToken cancellationToken)
    {
        if (!options.Value.Smtp.Enabled && !options.Value.Line.HasToken)
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

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The crawl was cut by its budget ({Reason}): the run is partial and nothing is alerted from it; raise Crawl:MaxPages or Crawl:MaxDuration")]
    private partial void LogIncomplete(string? reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "No changes worth an alert ({Pending} pending)")]
    private partial void LogNoChanges(int pending);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Count} changes; e-mail and LINE are off (Alerts:Smtp:Host and Alerts:Line:ChannelAccessToken are empty)")]
    private partial void LogMailOff(int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Something to alert but no recipient: the measures file names no e-mail for the information unit, Alerts:DigestTo is empty and LINE is off")]
    private partial void LogNoRecipients();
}
