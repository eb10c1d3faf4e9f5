using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Assessment;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Text;

namespace OitCrawler.Audit;

/// <summary>Everything one audit produced.</summary>
public sealed record AuditResult(
    Uri Site,
    RuleSet Rules,
    int Year,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    EvidenceIndex Evidence,
    IReadOnlyList<ItemResult> Items,
    ScoreSummary Score,
    IReadOnlyList<Gap> Gaps,
    MeasuresFile? Measures,
    IReadOnlyList<string> Notes)
{
    public bool HasGaps => Gaps.Count > 0;

    /// <summary>The agency's name: from its measures file, else from the home page's title, else the site's host.</summary>
    public string Agency => Measures?.Agency is { Length: > 0 } named ? named : AgencyNames.FromTitle(Evidence.Home?.Title) ?? Site.IdnHost;

    /// <summary>The kind of agency the element lists were chosen for; null when the rules have no kinds file.</summary>
    public AgencyKind? AgencyKind { get; init; }

    /// <summary>How long the crawl and the assessment took (reports are timed by whoever writes them).</summary>
    public AuditTimings Timings { get; init; } = AuditTimings.None;
}

/// <summary>
/// What one audit of a fleet agency uses instead of the configuration: its own hosts (instead of
/// <c>Crawl:ExtraHosts</c>) and its own measures file (instead of <c>Audit:MeasuresFile</c>; null: none).
/// </summary>
/// <param name="ExtraHosts">Hosts crawled besides the start host, as <c>Crawl:ExtraHosts</c> entries.</param>
/// <param name="MeasuresFile">The agency's measures file (an absolute path), or null for none.</param>
public sealed record AuditTarget(IReadOnlyList<string> ExtraHosts, string? MeasuresFile);

/// <summary>
/// The pipeline, once: choose the rules for the year, crawl best-first, assess, score, write the
/// reports. The one code path used by <c>audit</c>, <c>demo</c> and the nightly job.
/// </summary>
public sealed partial class AuditRunner(
    Crawler crawler,
    IOptions<AuditOptions> options,
    TimeProvider timeProvider,
    ILogger<AuditRunner> logger)
{
    private RuleCatalog? _catalog;

    /// <summary>The rules folder, resolved against the working folder and then the program's folder.</summary>
    public static string ResolveRulesDirectory(string configured)
    {
        if (Path.IsPathRooted(configured) || Directory.Exists(configured))
        {
            return Path.GetFullPath(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, configured);
        return Directory.Exists(beside) ? beside : Path.GetFullPath(configured);
    }

    /// <summary>Loads and validates the rules for the configured (or today's) year. Throws <see cref="DataFileException"/>.</summary>
    public (RuleSet Rules, int Year, string? Note) SelectRules(int? year)
    {
        var catalog = LoadCatalog();
        var wanted = year ?? options.Value.Year ?? FiscalYear.Of(timeProvider.GetUtcNow()).BuddhistYear;
        var (rules, note) = catalog.For(wanted);
        if (rules is null)
        {
            throw new DataFileException([new FileProblem(options.Value.RulesDirectory, 0, 0, note!)]);
        }

        return (rules, wanted, note);
    }

    /// <summary>The configured measures file, validated against the rules; null when none is configured.</summary>
    public MeasuresFile? LoadMeasures() => LoadMeasures(options.Value.MeasuresFile);

    /// <summary>The measures file at <paramref name="path"/>, validated against the rules; null when the path is empty.</summary>
    public MeasuresFile? LoadMeasures(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var resolved = Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        return MeasuresLoader.Load(resolved, LoadCatalog());
    }

    public Task<AuditResult> RunAsync(Uri site, int? year, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(site, year, null, null, progress, cancellationToken);

    /// <summary>
    /// As above, revalidating what <paramref name="cache"/> kept of earlier crawls (conditional requests),
    /// logging under <paramref name="runId"/> (the nightly job's id; a new one when null).
    /// </summary>
    public Task<AuditResult> RunAsync(Uri site, int? year, IPageCache? cache, string? runId, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(site, year, cache, runId, null, progress, cancellationToken);

    /// <summary>As above, with a fleet agency's own hosts and measures file (<paramref name="target"/>) when not null.</summary>
    public async Task<AuditResult> RunAsync(Uri site, int? year, IPageCache? cache, string? runId, AuditTarget? target, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        var (rules, auditYear, note) = SelectRules(year);
        var measures = target is null ? LoadMeasures() : LoadMeasures(target.MeasuresFile);
        var configuredKind = ConfiguredKind(measures);
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
            LogRulesFallback(auditYear, rules.Year);
        }

        var startedAt = timeProvider.GetUtcNow();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId ?? Guid.NewGuid().ToString("N")[..12], ["Site"] = site.AbsoluteUri });
        LogStarting(site, rules.Year);
        var crawlStarted = timeProvider.GetTimestamp();
        var cpuAtCrawl = Environment.CpuUsage.TotalTime;
        var evidence = await crawler.CrawlAsync(site, new RulesLinkPrioritizer(rules), cache, target?.ExtraHosts, progress, cancellationToken);
        var crawlTime = timeProvider.GetElapsedTime(crawlStarted);
        var assessStarted = timeProvider.GetTimestamp();
        var cpuAtAssessment = Environment.CpuUsage.TotalTime;
        if (evidence.Outcome is not CrawlOutcome.Completed)
        {
            notes.Add($"การเก็บข้อมูลไม่ครบ: {evidence.OutcomeReasonTh} / crawl {evidence.Outcome}: {evidence.OutcomeReason}");
        }

        if (evidence.Rendering.Note is { } renderNote)
        {
            notes.Add(renderNote);
        }

        var kind = configuredKind ?? InferKind(measures, evidence, notes);
        rules = kind is null ? rules : KindElements.For(rules, kind);
        var items = CrawlDetails.InThai(Assessor.Assess(evidence, rules, auditYear), evidence);
        var score = Scoring.Score(rules, items, options.Value.IitScore, options.Value.EitScore);
        var gaps = GapBuilder.Build(items, rules, auditYear, measures);
        if (measures is not null && !measures.Issues.SelectMany(i => i.Activities).Any(a => a.Items.ContainsKey(rules.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            notes.Add($"แผนมาตรการไม่มีการจับคู่ข้อสำหรับเกณฑ์ปี {rules.Year} / the measures file maps no items for the {rules.Year} rules");
        }

        var assessTime = timeProvider.GetElapsedTime(assessStarted);
        return new AuditResult(site, rules, auditYear, startedAt, timeProvider.GetUtcNow(), evidence, items, score, gaps, measures, notes)
        {
            AgencyKind = kind,
            Timings = new AuditTimings(crawlTime, assessTime, evidence.Pages.Count, evidence.Documents.Count, items.Count)
            {
                CrawlCpu = cpuAtAssessment - cpuAtCrawl,
                AssessmentCpu = Environment.CpuUsage.TotalTime - cpuAtAssessment,
            },
        };
    }

    /// <summary>
    /// The kind the configuration (<c>Audit:AgencyKind</c>) or the measures file states; null when neither does. An
    /// unknown configured kind is an error before anything is fetched.
    /// </summary>
    private AgencyKind? ConfiguredKind(MeasuresFile? measures)
    {
        var kinds = LoadCatalog().Kinds;
        if (kinds.Kinds.Count == 0)
        {
            return null;
        }

        if (options.Value.AgencyKind is { Length: > 0 } configured)
        {
            return kinds.Find(configured) ?? throw new DataFileException([new FileProblem("Audit:AgencyKind", 0, 0,
                $"ไม่รู้จักประเภทหน่วยงาน '{configured}' (มี {kinds.Ids})\n    unknown agency kind '{configured}'; known: {kinds.Ids}")]);
        }

        return measures?.AgencyKind is { Length: > 0 } stated ? kinds.Find(stated) : null;
    }

    /// <summary>The kind the agency's name tells (measures file, else the home page's title), else the default; says which in a note.</summary>
    private AgencyKind? InferKind(MeasuresFile? measures, EvidenceIndex evidence, List<string> notes)
    {
        var kinds = LoadCatalog().Kinds;
        if (kinds.Kinds.Count == 0)
        {
            return null;
        }

        var name = measures?.Agency is { Length: > 0 } named ? named : AgencyNames.FromTitle(evidence.Home?.Title);
        if (kinds.FromName(name) is { } told)
        {
            notes.Add($"ประเภทหน่วยงาน: {told.Th} (จากชื่อ “{name}”; กำหนดเองได้ที่ Audit:AgencyKind) / agency kind: {told.En} (from the name; set Audit:AgencyKind to change)");
            return told;
        }

        var fallback = kinds.Find(kinds.Default)!;
        notes.Add($"ประเภทหน่วยงาน: ไม่ทราบจากชื่อ ใช้ {fallback.Th} (กำหนดที่ Audit:AgencyKind) / agency kind: not told by the name; assumed {fallback.En} (set Audit:AgencyKind)");
        return fallback;
    }

    // Loaded and validated once per runner: selecting the rules, running and reading the measures share it.
    private RuleCatalog LoadCatalog() => _catalog ??= RuleCatalog.Load(ResolveRulesDirectory(options.Value.RulesDirectory));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "No rules for ITA {Year}; using the {RulesYear} rules")]
    private partial void LogRulesFallback(int year, int rulesYear);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Auditing {Site} against the ITA {Year} rules")]
    private partial void LogStarting(Uri site, int year);
}
