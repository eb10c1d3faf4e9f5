using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Reporting;

namespace OitCrawler.Scheduling;

/// <summary>What one nightly audit did.</summary>
/// <param name="RunId">The run's id in the history database.</param>
/// <param name="State">How the run is stored.</param>
/// <param name="Result">The audit's verdicts, scores and gaps.</param>
/// <param name="ReportDirectory">The run's folder, <c>&lt;out&gt;/&lt;host&gt;/&lt;date-time&gt;/</c> as <c>audit</c> writes (<c>&lt;host&gt;/latest</c> points at the newest): reports, trend.json.</param>
/// <param name="Files">The files written there: the reports and trend.json (without report.html when the reports could not be written).</param>
/// <param name="Alerts">What was detected and queued; null when the run was cancelled or the alerts step failed.</param>
/// <param name="Problems">The steps after storing that failed (alerts, reports, page cache, trend.json, e-mail), as noted on the run; empty when all went well.</param>
internal sealed record NightlyRun(string RunId, RunState State, AuditResult Result, string ReportDirectory, IReadOnlyList<string> Files, AlertOutcome? Alerts, IReadOnlyList<string> Problems);

/// <summary>
/// One audit as the service runs it, used by the scheduled job, the start-up catch-up and
/// <c>run-now</c> alike: take the lock → begin the run (state running) → crawl with the page cache
/// (conditional requests) → detect changes → store verdicts, scores and the alerts in one transaction (the
/// alerts held back from the outbox job; the run reads <c>reporting</c>) → write the reports into the run's folder (the
/// run now reads complete, partial or unreachable) → save the pages → trend.json → send
/// the alerts. Each step after storing is on its own: its failure is logged and noted on the run, and the
/// steps after it still run. A shutdown cancels the crawl; what was gathered is still
/// reported and stored as a partial run, and nothing is alerted from it.
/// </summary>
internal sealed partial class NightlyAudit(
    AuditRunner runner,
    HistoryDatabase database,
    IRunStore store,
    AlertService alerts,
    IOptions<AuditOptions> auditOptions,
    IOptions<AlertOptions> alertOptions,
    TimeProvider timeProvider,
    ILogger<NightlyAudit> logger,
    IHostEnvironment? environment = null)
{
    /// <summary>How long storing a run may take once the crawl is over; not tied to shutdown, so a partial run is still recorded.</summary>
    /// <remarks>Kept under the host's shutdown timeout (100 s in <c>serve</c>), itself under systemd's TimeoutStopSec (120 s).</remarks>
    internal static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The site of <c>Audit:Site</c>: an absolute http(s) URL, or an exception naming the setting.</summary>
    public static Uri ConfiguredSite(AuditOptions options) =>
        Uri.TryCreate(options.Site, UriKind.Absolute, out var site) && (site.Scheme == Uri.UriSchemeHttp || site.Scheme == Uri.UriSchemeHttps)
            ? site
            : throw new InvalidOperationException($"Audit:Site must be the agency's website, e.g. https://www.thaphae.go.th/ (it is '{options.Site}')");

    /// <summary>Runs one audit of <c>Audit:Site</c>; null when another audit holds the lock.</summary>
    /// <param name="trigger">What started it: <c>schedule</c>, <c>startup</c> or <c>run-now</c>.</param>
    /// <param name="cancellationToken">Shutdown: cancels the crawl, which is then stored as partial.</param>
    public Task<NightlyRun?> RunAsync(string trigger, CancellationToken cancellationToken) => RunAsync(trigger, null, cancellationToken);

    /// <summary>As above, reporting the crawl's progress (<c>run-now</c> shows it).</summary>
    public async Task<NightlyRun?> RunAsync(string trigger, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        var site = ConfiguredSite(auditOptions.Value);
        using var held = AuditLock.TryAcquire(database.Path + ".lock");
        if (held is null)
        {
            LogBusy(site);
            return null;
        }

        await database.MigrateAsync(cancellationToken);
        var startedAt = timeProvider.GetUtcNow();
        var abandoned = await store.AbandonRunningAsync(startedAt, cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(abandoned);
        }

        var (rules, year, _) = runner.SelectRules(null);
        var runId = NewRunId(startedAt);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["Site"] = site.AbsoluteUri });
        await store.BeginRunAsync(runId, site, year, rules.Year, startedAt, trigger, cancellationToken);
        LogStarting(runId, site, trigger);

        AuditResult result;
        try
        {
            var cache = await SqlitePageCache.LoadAsync(database, site, cancellationToken);
            LogCache(cache.Count);
            result = await runner.RunAsync(site, year, cache, runId, progress, cancellationToken);
        }
        catch (Exception ex)
        {
            var outcome = ex is OperationCanceledException ? RunOutcomes.Cancelled : RunOutcomes.Error;
            await store.FailRunAsync(runId, $"{outcome}: {ex.Message}", timeProvider.GetUtcNow(), CancellationToken.None);
            throw;
        }

        var state = RunOutcomes.StateFor(result.Evidence.Outcome);
        // out/<host>/<date-time>/ as audit writes, with out/<host>/latest: named now (the alerts link to it), created with the reports.
        var folder = ReportFolders.NewRunFolder(OutputRoot(), site, startedAt);
        using var storing = new CancellationTokenSource(StoreTimeout, timeProvider);

        var files = new List<string>();
        var problems = new List<string>();

        // The alerts are worked out before the run is stored and queued in the transaction that stores it: a process
        // killed at any moment leaves the run with its alerts or neither, never a stored run whose alerts are lost (the
        // next run compares itself with the stored one). A cancelled run says nothing about the site: no alerts.
        AlertPlan? plan = null;
        if (result.Evidence.Outcome != CrawlOutcome.Cancelled)
        {
            await StepAsync(runId, problems, "alerts", async () =>
                plan = await alerts.PrepareAsync(runId, result, ReportLink(runId, folder), StoreTimeout, storing.Token), noteLater: true);
        }

        // Then the verdicts: whatever fails after this (a full disk, a read-only output folder, the page cache), the
        // run is stored with its alerts queued. It reads "reporting" until its report set is in place (or their failure
        // is noted on it), so a process killed in between never leaves a run that reads complete with no report.
        int queued;
        try
        {
            queued = await store.FinishRunAsync(runId, state, result, null, plan?.Batch, storing.Token);
        }
        catch (Exception ex)
        {
            await store.FailRunAsync(runId, $"{RunOutcomes.Error}: storing the run failed: {ex.Message}", timeProvider.GetUtcNow(), CancellationToken.None);
            throw;
        }

        LogStored(runId, state, result.Score.Oit, result.Gaps.Count);
        var t = result.Timings;
        LogPhases(runId, t.Crawl, t.Pages, t.Documents, t.Assessment, t.Items);
        foreach (var problem in problems)
        {
            await NoteAsync(runId, problem);
        }

        AlertOutcome? alerted = null;
        if (plan is not null)
        {
            LogQueued(queued, runId);
            alerted = new AlertOutcome(plan.Changes, queued, null);
        }

        var reported = false;
        await StepAsync(runId, problems, "reports", async () =>
        {
            var reportsStarted = timeProvider.GetTimestamp();
            var earlier = await store.ListRunsAsync(site, AlertService.HistoryDepth + 1, storing.Token);
            var trend = earlier
                .Where(r => r.RunId != runId && r.State == RunState.Complete && r.Oit is not null)
                .Take(AlertService.HistoryDepth)
                .Select(r => new TrendPoint(r.Year, r.StartedAt, r.Oit, r.Indicator9, r.Indicator10, FromPastScores: false))
                .Reverse()
                .ToList();
            files.AddRange(await ReportWriter.WriteAllAsync(result, trend, folder, auditOptions.Value.WriteEvidence, auditOptions.Value.Language, storing.Token));
            ReportFolders.PointLatestAt(folder);
            var reportsTime = timeProvider.GetElapsedTime(reportsStarted);
            LogReportsPhase(reportsTime, files.Count);
            await store.SetReportPathAsync(runId, folder, storing.Token); // only now does the run read complete
            reported = true;
        });
        if (!reported)
        {
            await SettleWithoutReportsAsync(runId);
        }

        if (state != RunState.Unreachable)
        {
            await StepAsync(runId, problems, "page cache", async () =>
            {
                var saved = await SqlitePageCache.SaveAsync(database, result.Evidence, result.FinishedAt, storing.Token);
                var notModified = result.Evidence.Fetches.Count(f => f.Status == 304);
                LogPagesSaved(saved, notModified);
            });
        }

        await StepAsync(runId, problems, "trend.json", async () =>
        {
            var runs = await store.ListRunsAsync(site, AlertService.HistoryDepth, storing.Token);
            files.Add(await TrendReport.WriteAsync(TrendReport.Build(RunOutcomes.SiteKey(site), RunOutcomes.CompleteScores(runs)), folder, storing.Token));
        });

        if (alerted is { } toSend)
        {
            await StepAsync(runId, problems, "e-mail", async () => alerted = await alerts.SendAsync(runId, toSend, cancellationToken));
        }

        return new NightlyRun(runId, state, result, folder, files, alerted, problems);
    }

    /// <summary>When the last run that finished on its own started: the missed-night decision compares it with the schedule.</summary>
    public async Task<DateTimeOffset?> LastRunStartedAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        var runs = await store.ListRunsAsync(ConfiguredSite(auditOptions.Value), 50, cancellationToken);
        return runs.FirstOrDefault(r => !r.WasInterrupted)?.StartedAt;
    }

    internal static string NewRunId(DateTimeOffset startedAt) =>
        startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));

    private string OutputRoot()
    {
        var configured = auditOptions.Value.OutputDirectory;
        return Path.IsPathRooted(configured) || environment is null ? Path.GetFullPath(configured) : Path.Combine(environment.ContentRootPath, configured);
    }

    /// <summary>
    /// One step after the run is stored: a failure is logged and noted on the run, and the steps after it
    /// still run. Never throws, so the stored run and its alerts are not lost to a full disk.
    /// </summary>
    private async Task StepAsync(string runId, List<string> problems, string step, Func<Task> action, bool noteLater = false)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            LogStepFailed(ex, runId, step, ex.Message);
            var note = $"{step} failed: {OitCrawler.Text.ErrorText.Describe(ex).En} ({ex.GetType().Name}; details in the log)"; // the message is logged above
            problems.Add(note);
            if (!noteLater)
            {
                await NoteAsync(runId, note);
            }
        }
    }

    private async Task SettleWithoutReportsAsync(string runId)
    {
        try
        {
            await store.SettleWithoutReportsAsync(runId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNoteFailed(ex, runId, ex.Message); // left reporting: the next start settles it with a note
        }
    }

    private async Task NoteAsync(string runId, string note)
    {
        try
        {
            await store.AddNoteAsync(runId, note, CancellationToken.None);
        }
        catch (Exception noteEx)
        {
            LogNoteFailed(noteEx, runId, noteEx.Message);
        }
    }

    // Where the run's report.html will be: the alerts are queued before it is written. Under Alerts:ReportBaseUrl (where
    // Audit:OutputDirectory is published) by its <host>/<date-time> path; else on the dashboard by run id; else the file.
    private string ReportLink(string runId, string folder) =>
        alertOptions.Value.ReportBaseUrl is { Length: > 0 } baseUrl
            ? $"{baseUrl.TrimEnd('/')}/{ReportFolders.RelativeUrl(OutputRoot(), folder)}/{ReportWriter.HtmlFileName}"
            : alertOptions.Value.DashboardRunsUrl is { Length: > 0 } runs
                ? $"{runs.TrimEnd('/')}/{Uri.EscapeDataString(runId)}/{ReportWriter.HtmlFileName}"
                : Path.Combine(folder, ReportWriter.HtmlFileName);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Another audit of {Site} is running (the lock is held); not starting a second")]
    private partial void LogBusy(Uri site);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Count} runs were left running by a process that stopped; marked partial")]
    private partial void LogAbandoned(int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Run {RunId} of {Site} starting ({Trigger})")]
    private partial void LogStarting(string runId, Uri site, string trigger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Run {RunId} phases: crawl {Crawl} ({Pages} pages, {Documents} documents), assessment {Assessment} ({Items} items)")]
    private partial void LogPhases(string runId, TimeSpan crawl, int pages, int documents, TimeSpan assessment, int items);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Phase reports took {Elapsed}: {Files} files")]
    private partial void LogReportsPhase(TimeSpan elapsed, int files);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Page cache holds {CachedPages} pages to revalidate")]
    private partial void LogCache(int cachedPages);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Saved {SavedPages} pages; {NotModified} answered 304 Not Modified")]
    private partial void LogPagesSaved(int savedPages, int notModified);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Run {RunId} is stored, but its {Step} step failed: {Error}; the later steps still run")]
    private partial void LogStepFailed(Exception exception, string runId, string step, string error);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "Could not record a failed step on run {RunId}: {Error}")]
    private partial void LogNoteFailed(Exception exception, string runId, string error);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Queued {Count} alerts of run {QueuedRunId} with the run")]
    private partial void LogQueued(int count, string queuedRunId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Run {RunId} stored as {State}: OIT {Oit}, {GapCount} gaps")]
    private partial void LogStored(string runId, RunState state, double oit, int gapCount);
}
