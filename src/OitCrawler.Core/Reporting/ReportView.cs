using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Gaps;

namespace OitCrawler.Reporting;

/// <summary>One gap as a unit's row: the gap and the other units that share it ("ร่วมกับ …").</summary>
public sealed record UnitGap(Gap Gap, IReadOnlyList<string> SharedWith);

/// <summary>A unit's complete list of gaps, in rules order (O1, O2 …).</summary>
public sealed record UnitSection(string Name, string? Email, bool IsUnit, IReadOnlyList<UnitGap> Rows)
{
    public double PointsAtStake => Rows.Sum(r => r.Gap.PointsAtStake);
}

/// <summary>
/// What the reports show, decided once for the HTML report and the spreadsheets: the agency's name,
/// whether the scores mean anything (only a crawl that finished on its own gives a score; an
/// unreachable, cancelled, failing or budget-cut crawl shows "—" with the reason), and each unit's
/// complete list of gaps, a shared gap under every unit that owns it.
/// </summary>
public sealed record ReportView(AuditResult Result, string Agency, string? NotScoredReason, IReadOnlyList<UnitSection> Units)
{
    /// <summary>The language the view is written in (<see cref="NotScoredReason"/>, the group names).</summary>
    public ReportLanguage Language { get; init; }

    internal Words Words => new(Language);

    /// <summary>The group of gaps whose measure names no unit.</summary>
    public const string NoUnitGroup = "มีมาตรการแต่ไม่ระบุหน่วยงาน";

    /// <summary>The group of gaps that no measure covers.</summary>
    public const string NoMeasureGroup = "ไม่มีมาตรการรองรับ";

    /// <summary>True when the scores can be shown (the crawl completed).</summary>
    public bool Scored => NotScoredReason is null;

    public static ReportView Build(AuditResult result, ReportLanguage language = ReportLanguage.Th)
    {
        ArgumentNullException.ThrowIfNull(result);
        var words = new Words(language);
        var agency = language == ReportLanguage.En && !string.IsNullOrWhiteSpace(result.Measures?.AgencyEn) ? result.Measures.AgencyEn : result.Agency;
        var why = NotScored(result.Evidence) is { } th ? words.T(th, NotScoredEn(result.Evidence.Outcome)) : null;
        return new ReportView(result, agency, why, result.Evidence.Outcome == CrawlOutcome.Unreachable ? [] : Sections(result, words)) { Language = language };
    }

    /// <summary>Why the scores are not shown, in English.</summary>
    public static string NotScoredEn(CrawlOutcome outcome) => outcome switch
    {
        CrawlOutcome.Unreachable => "the website could not be reached, so no item could be checked (this does not mean every item fails); audit again when the site is back",
        CrawlOutcome.Cancelled => "the audit was stopped before the crawl finished; scores from part of the site are lower than the truth; audit again to see them",
        CrawlOutcome.BudgetExhausted => "the crawl reached its page limit before covering the whole site; scores from part of the site are lower than the truth; raise the limit and audit again",
        CrawlOutcome.HostFailing => "the website stopped answering during the audit, so the crawl is incomplete; audit again later",
        _ => "the crawl is incomplete",
    };

    /// <summary>Why the scores are not shown, in Thai; null when the crawl completed.</summary>
    public static string? NotScored(EvidenceIndex evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Outcome switch
        {
            CrawlOutcome.Completed => null,
            CrawlOutcome.Unreachable => "เข้าถึงเว็บไซต์ไม่ได้ จึงตรวจรายข้อไม่ได้ (ไม่ได้หมายความว่าทุกข้อไม่ผ่าน) ลองตรวจใหม่เมื่อเว็บไซต์กลับมาใช้งานได้",
            CrawlOutcome.Cancelled => "การตรวจถูกหยุดก่อนเก็บข้อมูลครบ คะแนนจากข้อมูลบางส่วนจะต่ำกว่าความจริง ตรวจใหม่ให้ครบเพื่อดูคะแนน",
            CrawlOutcome.BudgetExhausted => "เก็บข้อมูลถึงจำนวนหน้าสูงสุดที่กำหนดก่อนครบทั้งเว็บไซต์ คะแนนจากข้อมูลบางส่วนจะต่ำกว่าความจริง เพิ่มจำนวนหน้าสูงสุดแล้วตรวจใหม่",
            CrawlOutcome.HostFailing => "เว็บไซต์หยุดตอบระหว่างตรวจ จึงเก็บข้อมูลได้ไม่ครบ ลองตรวจใหม่ภายหลัง",
            _ => "การเก็บข้อมูลไม่ครบ",
        };
    }

    private static List<UnitSection> Sections(AuditResult r, Words words)
    {
        var order = r.Rules.Items.Select((rule, i) => (rule.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        int Rank(Gap g) => order.GetValueOrDefault(g.Item.Rule.Code, int.MaxValue);
        var units = (r.Measures?.Units ?? []).Concat(r.Gaps.SelectMany(g => g.Units)).DistinctBy(u => u.Id).ToList();
        var sections = units
            .Select(u => new UnitSection(
                u.Name,
                u.Email,
                IsUnit: true,
                r.Gaps.Where(g => g.Units.Any(x => x.Id == u.Id))
                    .OrderBy(Rank)
                    .Select(g => new UnitGap(g, g.Units.Where(x => x.Id != u.Id).Select(x => x.Name).ToList()))
                    .ToList()))
            .Where(s => s.Rows.Count > 0)
            .ToList();

        var unowned = r.Gaps.Where(g => g.HasMeasure && g.Units.Count == 0).OrderBy(Rank).Select(g => new UnitGap(g, [])).ToList();
        if (unowned.Count > 0)
        {
            sections.Add(new UnitSection(words.T(NoUnitGroup, "measure names no unit"), null, IsUnit: false, unowned));
        }

        var uncovered = r.Gaps.Where(g => !g.HasMeasure).OrderBy(Rank).Select(g => new UnitGap(g, [])).ToList();
        if (uncovered.Count > 0)
        {
            sections.Add(new UnitSection(words.T(NoMeasureGroup, "no measure covers it"), null, IsUnit: false, uncovered));
        }

        return sections;
    }
}
