using OitCrawler.Assessment;
using OitCrawler.Audit;

namespace OitCrawler.History;

/// <summary>Run history: the seam between the nightly audit and where its results are kept (SQLite by default).</summary>
internal interface IRunStore
{
    /// <summary>
    /// Marks runs left <c>running</c> by a process that died as partial (<see cref="RunOutcomes.Abandoned"/>), and gives runs
    /// left <c>reporting</c> their state with a note that the process died before writing their reports (their verdicts
    /// and alerts stand); returns how many runs were left running.
    /// </summary>
    Task<int> AbandonRunningAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task BeginRunAsync(string runId, Uri site, int year, int rulesYear, DateTimeOffset startedAt, string trigger, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a finished run's verdicts and scores, sets its state and queues its alerts, in one transaction: a
    /// run is never stored without its alerts. Without <paramref name="reportPath"/> the run reads <see cref="RunState.Reporting"/>
    /// until <see cref="SetReportPathAsync"/> or <see cref="SettleWithoutReportsAsync"/>: it never reads complete before its
    /// report set is in place. Returns how many alerts were new in the outbox.
    /// </summary>
    /// <param name="runId">The run begun by <see cref="BeginRunAsync"/>.</param>
    /// <param name="state">Its state.</param>
    /// <param name="result">Its verdicts and scores.</param>
    /// <param name="reportPath">The run's report folder when its reports are already written; else null, and
    /// <see cref="SetReportPathAsync"/> once they are (a run left without one was stopped before its reports).</param>
    /// <param name="alerts">Its alerts, queued in the outbox with it; null for none.</param>
    /// <param name="cancellationToken">Cancels storing.</param>
    Task<int> FinishRunAsync(string runId, RunState state, AuditResult result, string? reportPath, OutboxBatch? alerts, CancellationToken cancellationToken);

    /// <summary>Records that the run's reports were written into <paramref name="reportPath"/>: a run stored without them takes its state only now.</summary>
    Task SetReportPathAsync(string runId, string reportPath, CancellationToken cancellationToken);

    /// <summary>The run's reports could not be written (a note on the run says why): it takes its state without them.</summary>
    Task SettleWithoutReportsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Marks a run partial with <see cref="RunOutcomes.Error"/> and the reason.</summary>
    Task FailRunAsync(string runId, string reason, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>Appends a line to a stored run's notes: a later step (reports, page cache, alerts) that failed.</summary>
    Task AddNoteAsync(string runId, string note, CancellationToken cancellationToken);

    /// <summary>Runs newest first, for one site or all.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(Uri? site, int limit, CancellationToken cancellationToken);

    /// <summary>The newest complete run of the site other than <paramref name="excludingRunId"/>, with its items.</summary>
    Task<RunDetail?> LastCompleteRunAsync(Uri site, string? excludingRunId, CancellationToken cancellationToken);

    /// <summary>Each item's statuses in the site's last <paramref name="runs"/> complete runs, newest first, other than <paramref name="excludingRunId"/>.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>>> ItemHistoryAsync(Uri site, string? excludingRunId, int runs, CancellationToken cancellationToken);

    /// <summary>One run with every item's verdict, evidence and reasons; null when no run has that id.</summary>
    Task<RunDetail?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>One item's verdicts (with evidence and reasons) in the site's last <paramref name="runs"/> stored runs that assessed it, newest first.</summary>
    Task<IReadOnlyList<ItemVerdict>> ItemTimelineAsync(Uri site, string code, int runs, CancellationToken cancellationToken);
}
