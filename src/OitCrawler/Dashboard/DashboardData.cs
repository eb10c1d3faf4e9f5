using Microsoft.Extensions.Options;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Gaps;
using OitCrawler.History;
using OitCrawler.Rules;
using OitCrawler.Scheduling;

namespace OitCrawler.Dashboard;

/// <summary>A site in the history: its newest run, its newest complete run and how many runs it has.</summary>
internal sealed record SiteRow(string Site, RunSummary Latest, RunSummary? LatestComplete, int Runs);

/// <summary>A stored run made whole again: its verdicts as item results against the rules of its year, its score, band and gaps by unit.</summary>
internal sealed record RunView(RunDetail Detail, IReadOnlyList<ItemResult> Items, ScoreSummary? Score, IReadOnlyList<Gap> Gaps, MeasuresFile? Measures)
{
    public RunSummary Run => Detail.Run;
}

/// <summary>A unit's gaps in the latest run, and which of its items are new gaps or were fixed since the run before.</summary>
internal sealed record UnitGaps(string Unit, string? Email, IReadOnlyList<Gap> Gaps, IReadOnlyList<string> NewGaps, IReadOnlyList<string> Fixed);

/// <summary>What the overview shows: the latest run, the one before it, the trend, the gaps per unit and the next audit.</summary>
internal sealed record Overview(Uri Site, RunSummary? Latest, RunView? Current, RunView? Previous, IReadOnlyList<RunSummary> Complete, IReadOnlyList<UnitGaps> Units, DateTimeOffset? NextAudit);

/// <summary>
/// The dashboard's reads, through <see cref="IRunStore"/> only (so it shows the SQLite history and the
/// fleet's alike): stored verdicts are joined back to the rules of their year for titles, scores,
/// bands and the gap list with its units (the measures file of <c>Audit:MeasuresFile</c>, for the configured site).
/// </summary>
internal sealed class DashboardData(IRunStore store, AuditRunner runner, IOptions<AuditOptions> audit, TimeProvider time, IOptions<ScheduleOptions>? schedule = null)
{
    /// <summary>How many runs the pages read at most.</summary>
    public const int MaxRuns = 1000;

    private readonly Lazy<MeasuresFile?> _measures = new(() => TryMeasures(runner));

    public TimeProvider Time => time;

    public Task<IReadOnlyList<RunSummary>> RunsAsync(Uri? site, int limit, CancellationToken cancellationToken) =>
        store.ListRunsAsync(site, limit, cancellationToken);

    public async Task<IReadOnlyList<SiteRow>> SitesAsync(CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(null, MaxRuns * 10, cancellationToken);
        return runs.GroupBy(r => r.Site, StringComparer.Ordinal)
            .Select(g => new SiteRow(g.Key, g.First(), g.FirstOrDefault(r => r.State == RunState.Complete), g.Count()))
            .ToList();
    }

    /// <summary>The site asked for when the history has it; else the configured site; else the site of the newest run; null with no runs.</summary>
    public async Task<Uri?> SiteAsync(string? requested, CancellationToken cancellationToken)
    {
        var sites = await SitesAsync(cancellationToken);
        if (requested is { Length: > 0 } && sites.FirstOrDefault(s => s.Site == requested) is { } found)
        {
            return new Uri(found.Site);
        }

        if (ConfiguredSite() is { } configured && sites.Any(s => s.Site == configured))
        {
            return new Uri(configured);
        }

        return sites.OrderByDescending(s => s.Latest.StartedAt).Select(s => new Uri(s.Site)).FirstOrDefault();
    }

    public async Task<RunView?> RunAsync(string runId, CancellationToken cancellationToken) =>
        await store.GetRunAsync(runId, cancellationToken) is { } detail ? Rebuild(detail) : null;

    public async Task<Overview> OverviewAsync(Uri site, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(site, MaxRuns, cancellationToken);
        var complete = runs.Where(r => r.State == RunState.Complete).ToList();
        var current = complete.Count > 0 ? await RunAsync(complete[0].RunId, cancellationToken) : null;
        var previous = complete.Count > 1 ? await RunAsync(complete[1].RunId, cancellationToken) : null;
        var next = schedule?.Value is { } s ? NightlySchedule.From(s).NextFireAfter(time.GetUtcNow()) : null;
        return new Overview(site, runs.Count > 0 ? runs[0] : null, current, previous, complete, current is null ? [] : UnitsOf(current, previous), next);
    }

    /// <summary>Each item's statuses in the site's complete runs, newest first.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>>> HistoryAsync(Uri site, CancellationToken cancellationToken) =>
        store.ItemHistoryAsync(site, null, 60, cancellationToken);

    public Task<IReadOnlyList<ItemVerdict>> TimelineAsync(Uri site, string code, CancellationToken cancellationToken) =>
        store.ItemTimelineAsync(site, code, MaxRuns, cancellationToken);

    /// <summary>Each unit that owns a gap (in the measures file's order), then the gaps no unit owns, with what changed since <paramref name="previous"/>.</summary>
    public static IReadOnlyList<UnitGaps> UnitsOf(RunView current, RunView? previous)
    {
        var before = previous?.Items.ToDictionary(i => i.Rule.Code, i => i.Status, StringComparer.Ordinal);
        IReadOnlyList<string> New(IEnumerable<Gap> gaps) => before is null ? [] :
            gaps.Where(g => before.GetValueOrDefault(g.Item.Rule.Code, ItemStatus.Pass) == ItemStatus.Pass).Select(g => g.Item.Rule.Code).ToList();
        IReadOnlyList<string> Fixed(Func<Gap, bool> owned) => previous is null ? [] :
            previous.Gaps.Where(owned).Select(g => g.Item.Rule.Code)
                .Where(code => current.Items.Any(i => i.Rule.Code == code && i.Status == ItemStatus.Pass)).ToList();

        var units = (current.Measures?.Units ?? []).Concat(current.Gaps.SelectMany(g => g.Units)).DistinctBy(u => u.Id).ToList();
        var list = units
            .Select(u => (Unit: u, Gaps: current.Gaps.Where(g => g.Units.Any(x => x.Id == u.Id)).ToList()))
            .Select(x => new UnitGaps(x.Unit.Name, x.Unit.Email, x.Gaps, New(x.Gaps), Fixed(g => g.Units.Any(u => u.Id == x.Unit.Id))))
            .Where(u => u.Gaps.Count > 0 || u.Fixed.Count > 0)
            .ToList();
        var unowned = current.Gaps.Where(g => g.Units.Count == 0).ToList();
        var unownedFixed = Fixed(g => g.Units.Count == 0);
        if (unowned.Count > 0 || unownedFixed.Count > 0)
        {
            list.Add(new UnitGaps("ยังไม่มีหน่วยงานรับผิดชอบ", null, unowned, New(unowned), unownedFixed));
        }

        return list;
    }

    private RunView Rebuild(RunDetail detail)
    {
        var rules = TryRules(detail.Run.RulesYear);
        if (rules is null)
        {
            return new RunView(detail, [], null, [], null);
        }

        var byCode = rules.Items.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var items = detail.Items
            .Where(i => byCode.ContainsKey(i.Code))
            .OrderBy(i => rules.Items.ToList().IndexOf(byCode[i.Code]))
            .Select(i => new ItemResult(byCode[i.Code], i.Status, i.Evidence, i.Reasons))
            .ToList();
        var measures = detail.Run.Site == ConfiguredSite() ? _measures.Value : null;
        var score = Scoring.Score(rules, items, audit.Value.IitScore, audit.Value.EitScore);
        return new RunView(detail, items, score, GapBuilder.Build(items, rules, detail.Run.Year, measures), measures);
    }

    private RuleSet? TryRules(int rulesYear)
    {
        try
        {
            var (rules, _, _) = runner.SelectRules(rulesYear);
            return rules.Year == rulesYear ? rules : null;
        }
        catch (DataFileException)
        {
            return null; // the rules of that year are gone: the run is shown from its stored titles and scores
        }
    }

    private static MeasuresFile? TryMeasures(AuditRunner runner)
    {
        try
        {
            return runner.LoadMeasures();
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    private string? ConfiguredSite() =>
        Uri.TryCreate(audit.Value.Site, UriKind.Absolute, out var site) ? RunOutcomes.SiteKey(site) : null;
}
