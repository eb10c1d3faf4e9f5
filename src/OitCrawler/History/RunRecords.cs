using OitCrawler.Reporting;
using OitCrawler.Assessment;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.Web;

namespace OitCrawler.History;

/// <summary>
/// Where a run stands: <c>running</c> until it is stored; <c>reporting</c> while its verdicts and alerts are stored
/// and its reports are not yet in place; then complete, partial (cut short) or unreachable.
/// </summary>
internal enum RunState
{
    Running,
    Reporting,
    Complete,
    Partial,
    Unreachable,
}

/// <summary>One stored run: when, how it ended, its scores, where its report is, and what went wrong after it was stored (<see cref="Notes"/>, one line per failed step).</summary>
internal sealed record RunSummary(
    string RunId,
    string Site,
    int Year,
    int RulesYear,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunState State,
    string? Outcome,
    string? OutcomeReason,
    int Pages,
    int Documents,
    double? Oit,
    double? Indicator9,
    double? Indicator10,
    IReadOnlyDictionary<string, double> SubIndicators,
    string? ReportPath,
    string? Trigger,
    string? Notes = null)
{
    /// <summary>
    /// True when the run was stopped from outside (shutdown, a killed process, an error of ours)
    /// rather than finishing on its own: such a run says nothing about the site, and a night whose
    /// only run was interrupted counts as missed.
    /// </summary>
    public bool WasInterrupted => State == RunState.Running || Outcome is RunOutcomes.Cancelled or RunOutcomes.Abandoned or RunOutcomes.Error;

    /// <summary>True when the site could not be audited because it did not answer (at the start or mid-crawl).</summary>
    public bool SiteDown => State == RunState.Unreachable || Outcome == nameof(CrawlOutcome.HostFailing);
}

/// <summary>An item's verdict as stored for a run; <see cref="Evidence"/> and <see cref="Reasons"/> are read only where asked for (the dashboard), else empty.</summary>
internal sealed record StoredItem(string Code, string SubIndicator, string Title, ItemStatus Status, string? EvidenceUrl)
{
    public IReadOnlyList<EvidenceRef> Evidence { get; init; } = [];

    public IReadOnlyList<Reason> Reasons { get; init; } = [];
}

/// <summary>One item's verdict in one run: a point on the item's timeline.</summary>
internal sealed record ItemVerdict(RunSummary Run, StoredItem Item);

/// <summary>A run with its item verdicts.</summary>
internal sealed record RunDetail(RunSummary Run, IReadOnlyList<StoredItem> Items);

/// <summary>The <c>outcome</c> values a run can be stored with besides the crawl's own.</summary>
internal static class RunOutcomes
{
    public const string Cancelled = nameof(CrawlOutcome.Cancelled);

    /// <summary>The process died (killed, power cut) while the run was <c>running</c>; found at the next start.</summary>
    public const string Abandoned = "Abandoned";

    /// <summary>The run failed with an error of ours (bad rules file, full disk…).</summary>
    public const string Error = "Error";

    /// <summary>
    /// The stored state for a crawl outcome: complete, unreachable, or partial when cut short: cancelled, the site
    /// stopped answering, or the page or time budget (Crawl:MaxPages, Crawl:MaxDuration) ran out first. A partial run
    /// gives no score, no trend point and no item alerts: what it did not reach would read as failed.
    /// </summary>
    public static RunState StateFor(CrawlOutcome outcome) => outcome switch
    {
        CrawlOutcome.Completed => RunState.Complete,
        CrawlOutcome.Unreachable => RunState.Unreachable,
        _ => RunState.Partial,
    };

    /// <summary>The scores of the complete runs among <paramref name="runs"/>, for trend.json.</summary>
    public static IEnumerable<RunScores> CompleteScores(IEnumerable<RunSummary> runs) =>
        runs.Where(r => r.State == RunState.Complete)
            .Select(r => new RunScores(r.RunId, r.StartedAt, RunStateText.En(r.State), r.Oit, r.Indicator9, r.Indicator10, r.SubIndicators));

    /// <summary>How a site is keyed in the store: its canonical start URL.</summary>
    public static string SiteKey(Uri site) => (UrlCanonicalizer.Canonicalize(site) ?? site).AbsoluteUri;
}
