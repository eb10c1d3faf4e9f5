using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Scheduling;

namespace OitCrawler.Fleet;

/// <summary>
/// One agency's audit on a fleet node: take the agency's hosts (waiting while another audit crawls
/// one) → mark a run the site's dead audit left running as abandoned → begin the run → crawl and
/// assess with the agency's own extra hosts and measures file → release the hosts → detect changes and
/// compose the alerts to the agency's own information unit (its e-mail and LINE target in the agencies
/// file, and the units of its measures file) → store the run with its alerts queued in the outbox, in
/// one transaction → write the agency's reports under <c>out/fleet/&lt;id&gt;/runs/&lt;run&gt;/</c> → send.
/// Quartz runs at most one audit per agency across the cluster.
/// </summary>
internal sealed partial class FleetAudit(
    AuditRunner runner,
    PostgresRunStore store,
    HostLeases leases,
    AlertService alerts,
    IOptions<FleetOptions> fleetOptions,
    IOptions<AuditOptions> auditOptions,
    TimeProvider timeProvider,
    ILogger<FleetAudit> logger)
{
    /// <param name="agency">The agency to audit.</param>
    /// <param name="trigger"><c>schedule</c>, <c>run-now</c> or <c>recovery</c>.</param>
    /// <param name="recoveredFiredAt">For a recovery, when the dead node's firing began: if that node stored its run
    /// before it died (killed between storing and telling Quartz), the audit is done and is not run twice.</param>
    /// <param name="cancellationToken">Shutdown.</param>
    /// <returns>The run, or null when a recovered audit turned out finished.</returns>
    public async Task<(string RunId, RunState State)?> RunAsync(Agency agency, string trigger, DateTimeOffset? recoveredFiredAt, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Agency"] = agency.Id, ["Site"] = agency.Site.AbsoluteUri });
        await using var lease = await leases.AcquireAsync(agency.Hosts, fleetOptions.Value.HostRetryInterval, cancellationToken);
        if (recoveredFiredAt is { } firedAt
            && (await store.ListRunsAsync(agency.Site, 1, cancellationToken)) is [{ State: not RunState.Running } last]
            && last.StartedAt >= firedAt)
        {
            LogAlreadyDone(agency.Id, last.RunId);
            return null;
        }

        var startedAt = timeProvider.GetUtcNow();
        var abandoned = await store.AbandonSiteAsync(agency.Site, startedAt, cancellationToken);
        var (rules, year, _) = runner.SelectRules(null);
        var runId = NightlyAudit.NewRunId(startedAt);
        await store.BeginRunAsync(runId, agency.Site, year, rules.Year, startedAt, trigger, cancellationToken);
        LogStarting(agency.Id, runId, trigger, lease.Waits, abandoned);

        AuditResult result;
        try
        {
            result = await runner.RunAsync(agency.Site, year, null, runId, new AuditTarget(agency.ExtraHosts, agency.MeasuresFile), null, cancellationToken);
        }
        catch (Exception ex)
        {
            await lease.DisposeAsync();
            var outcome = ex is OperationCanceledException ? RunOutcomes.Cancelled : RunOutcomes.Error;
            await store.FailRunAsync(runId, $"{outcome}: {ex.Message}", timeProvider.GetUtcNow(), CancellationToken.None);
            throw;
        }

        // The crawl is over: the hosts are free for the next audit while this one is stored and reported.
        await lease.DisposeAsync();

        var state = RunOutcomes.StateFor(result.Evidence.Outcome);
        var folder = Path.Combine(Path.GetFullPath(auditOptions.Value.OutputDirectory), "fleet", agency.Id, "runs", runId);
        using var storing = new CancellationTokenSource(NightlyAudit.StoreTimeout, timeProvider);

        // As NightlyAudit: the alerts are worked out before the run is stored and queued in its transaction, so a node
        // killed at any moment leaves the run with its alerts or neither. A cancelled run says nothing: no alerts.
        AlertPlan? plan = null;
        string? alertProblem = null;
        if (result.Evidence.Outcome != CrawlOutcome.Cancelled)
        {
            try
            {
                plan = await alerts.PrepareAsync(runId, result, ReportLink(agency, runId, folder), NightlyAudit.StoreTimeout, Recipients(agency), storing.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogAlertsFailed(ex, agency.Id, runId);
                alertProblem = $"alerts failed: {ex.GetType().Name}: {ex.Message}";
            }
        }

        var queued = await store.FinishRunAsync(runId, state, result, folder, plan?.Batch, storing.Token);
        if (alertProblem is not null)
        {
            await store.AddNoteAsync(runId, alertProblem, CancellationToken.None);
        }

        try
        {
            await ReportWriter.WriteAllAsync(result, [], folder, withEvidence: false, auditOptions.Value.Language, storing.Token);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await store.AddNoteAsync(runId, $"reports failed: {ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }

        LogStored(agency.Id, runId, state, result.Score.Oit, queued);
        if (plan is not null && queued > 0)
        {
            try
            {
                // Sent now that the report the messages link to is written; what fails waits in the outbox for any node's outbox job.
                await alerts.SendAsync(runId, new AlertOutcome(plan.Changes, queued, null), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, agency.Id, runId);
            }
        }

        return (runId, state);
    }

    /// <summary>The agency's own recipients from the agencies file (the measures file's information unit and units are added by the composer).</summary>
    internal static AlertRecipients Recipients(Agency agency) =>
        new(agency.Email is { Length: > 0 } email ? [email] : [], agency.Line is { Length: > 0 } line ? [line] : []);

    // Where the run's report.html will be: under Fleet:ReportBaseUrl when set, else its path on this node.
    private string ReportLink(Agency agency, string runId, string folder) =>
        fleetOptions.Value.ReportBaseUrl is { Length: > 0 } baseUrl
            ? $"{baseUrl.TrimEnd('/')}/{Uri.EscapeDataString(agency.Id)}/runs/{runId}/{ReportWriter.HtmlFileName}"
            : Path.Combine(folder, ReportWriter.HtmlFileName);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Auditing {AgencyId} as run {RunId} ({Trigger}); waited {Waits} times for its hosts; {Abandoned} dead runs abandoned")]
    private partial void LogStarting(string agencyId, string runId, string trigger, int waits, int abandoned);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Recovered audit of {AgencyId} was stored as run {RunId} before its node died; not audited again")]
    private partial void LogAlreadyDone(string agencyId, string runId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Stored {AgencyId} run {RunId}: {State}, OIT {Oit}; {Queued} alerts queued")]
    private partial void LogStored(string agencyId, string runId, RunState state, double? oit, int queued);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Alerts of {AgencyId} run {RunId} could not be prepared; the run is stored without them")]
    private partial void LogAlertsFailed(Exception exception, string agencyId, string runId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Sending the alerts of {AgencyId} run {RunId} failed; they wait in the outbox")]
    private partial void LogSendFailed(Exception exception, string agencyId, string runId);
}
