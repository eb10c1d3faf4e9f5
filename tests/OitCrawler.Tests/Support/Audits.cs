using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Gaps;
using OitCrawler.Rules;

namespace OitCrawler.Tests.Support;

/// <summary>Audit results made in memory from the real rules and the Tha Phae measures file, for the pure alert parts.</summary>
internal static class Audits
{
    public static readonly Uri Site = new("https://www.thaphae.test/");

    private static readonly Lazy<RuleCatalog> Catalog = new(() => RuleCatalog.Load(Repo.Path("rules")));

    public static RuleSet Rules(int year = 2568) => Catalog.Value.For(year).Rules!;

    public static MeasuresFile Measures() => MeasuresLoader.Load(Repo.Path("measures", "thaphae.json"), Catalog.Value);

    /// <summary>Every item passes except those named; <paramref name="reason"/> (site text, say) is each failing item's reason.</summary>
    public static AuditResult Make(
        IReadOnlyDictionary<string, ItemStatus>? failing = null,
        CrawlOutcome outcome = CrawlOutcome.Completed,
        DateTimeOffset? at = null,
        string? reason = null,
        string? linkText = null,
        MeasuresFile? measures = null,
        int year = 2568)
    {
        var rules = Rules(year);
        var items = rules.Items.Select(rule =>
        {
            if (outcome == CrawlOutcome.Unreachable)
            {
                return new ItemResult(rule, ItemStatus.Unreachable, [], [new Reason("เข้าเว็บไซต์ไม่ได้", "site unreachable")]);
            }

            var status = failing?.GetValueOrDefault(rule.Code) ?? ItemStatus.Pass;
            var evidence = new EvidenceRef(new Uri(Site, $"ita/{rule.Code.ToLowerInvariant()}/"), Site, linkText ?? rule.Title);
            return status == ItemStatus.Pass
                ? new ItemResult(rule, status, [evidence], [new Reason($"พบ \"{rule.Title}\"", "found")])
                : new ItemResult(rule, status, status == ItemStatus.Missing ? [] : [evidence], [new Reason(reason ?? "ไม่พบ", reason ?? "not found")]);
        }).ToList();
        var m = measures ?? Measures();
        var started = at ?? new DateTimeOffset(2025, 1, 10, 19, 0, 0, TimeSpan.Zero);
        var evidence = new EvidenceIndex(Site, [], [], [], [], outcome, outcome == CrawlOutcome.Completed ? null : "no answer from www.thaphae.example");
        return new AuditResult(
            Site, rules, year, started, started.AddMinutes(5), evidence, items,
            Scoring.Score(rules, items, null, null), GapBuilder.Build(items, rules, year, m), m, []);
    }
}
