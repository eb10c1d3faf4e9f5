using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Reporting;

/// <summary>
/// An audit built in memory, no crawl: the shipped ITA 2568 rules and Tha Phae measures, every status
/// once or more, a hostile page title and link text, a Thai URL, a javascript: URL and a reason that
/// looks like a spreadsheet formula.
/// </summary>
internal static class SampleAudit
{
    public const string Xss = "<script>alert(1)</script>";

    public const string Formula = "=HYPERLINK(\"http://evil.example/\",\"คลิก\")";

    public static readonly Uri Site = new("https://www.thaphae.go.th/");

    public static readonly Uri Hub = new("https://www.thaphae.go.th/ita/2568/");

    public static readonly Uri ThaiUrl = new("https://www.thaphae.go.th/ข้อมูลพื้นฐาน/โครงสร้างและอำนาจหน้าที่.pdf");

    /// <summary>2025-06-15 10:00 in Bangkok: 15 มิถุนายน 2568.</summary>
    public static readonly DateTimeOffset FinishedAt = new(2025, 6, 15, 3, 0, 0, TimeSpan.Zero);

    public static AuditResult Build(bool withMeasures = true)
    {
        var rules = RuleLoader.Load(Repo.Path("rules", "ita-2568.json"));
        var measures = withMeasures ? MeasuresLoader.Load(Repo.Path("measures", "thaphae.json"), RuleCatalog.Load(Repo.Path("rules"))) : null;

        var home = new PageEvidence { Url = Site, Title = "หน้าแรก | เทศบาลตำบลท่าแพ" };
        var hub = new PageEvidence { Url = Hub, Title = Xss, FoundOn = Site, FoundVia = "การประเมิน ITA 2568", Depth = 1 };
        var evidence = new EvidenceIndex(
            Site,
            [home, hub],
            [new DocumentEvidence { Url = ThaiUrl, MediaType = "application/pdf", FoundOn = Hub, FoundVia = Xss, Depth = 2 }],
            [new FetchRecord(Site, 200, null, null), new FetchRecord(Hub, 200, null, null), new FetchRecord(new Uri(Site, "/e-service/"), 0, "connection reset", null)],
            [new SkipRecord(new Uri(Site, "/admin/"), SkipReason.Robots, "Disallow: /admin/", Site)],
            CrawlOutcome.Completed,
            null);

        var items = rules.Items.Select(rule => Item(rule)).ToList();
        var score = Scoring.Score(rules, items, 82.14, 78.93);
        var gaps = GapBuilder.Build(items, rules, 2568, measures);
        return new AuditResult(Site, rules, 2568, FinishedAt.AddMinutes(-3), FinishedAt, evidence, items, score, gaps, measures, ["หมายเหตุทดสอบ <b>ตัวหนา</b>"]);
    }

    private static ItemResult Item(ItemRule rule)
    {
        EvidenceRef Found(string path, string text) =>
            new(new Uri(Site, path), Hub, text) { ClickPath = ["การประเมิน ITA 2568", text] };

        Reason Found2(string what) => new($"พบ \"{what}\"", $"found \"{what}\"");

        return rule.Code switch
        {
            "O1" => new ItemResult(rule, ItemStatus.Pass, [new EvidenceRef(ThaiUrl, Hub, Xss) { ClickPath = ["การประเมิน ITA 2568", Xss] }], [Found2(Xss)]),
            "O5" or "O22" or "O24" => new ItemResult(rule, ItemStatus.Missing, [], [new Reason($"ไม่พบ \"{rule.Title}\" ในเว็บไซต์", $"\"{rule.TitleEn}\" not found")]),
            "O7" or "O25" => new ItemResult(rule, ItemStatus.Stale, [Found($"/files/{rule.Code}-2567.pdf", $"{rule.Title} 2567")], [new Reason("พบเฉพาะปี 2567 แต่ต้องเป็น ปีงบประมาณ พ.ศ. 2568", "found only for 2567; required: FY 2568")]),
            "O10" => new ItemResult(rule, ItemStatus.Unreachable, [Found("/e-service/", "E-Service")], [new Reason("เปิดลิงก์ไม่ได้: connection reset", "could not be fetched: connection reset")]),
            "O13" => new ItemResult(rule, ItemStatus.Review, [new EvidenceRef(new Uri("javascript:alert(2)"), Hub, "ดูข้อมูล") { ClickPath = ["การประเมิน ITA 2568", "ดูข้อมูล"] }], [new Reason("เป็นภาพสแกน ต้องตรวจเอง", "scanned PDF: check by hand")]),
            "O14" => new ItemResult(rule, ItemStatus.Broken, [Found("/files/hr-plan.pdf", rule.Title)], [new Reason("ลิงก์เสีย (404)", "broken link (404)")]),
            "O16" => new ItemResult(rule, ItemStatus.Incomplete, [Found("/hr/report-2568/", rule.Title)], [new Reason(Formula, "element missing")]),
            _ => new ItemResult(rule, ItemStatus.Pass, [Found($"/ita/2568/{rule.Code.ToLowerInvariant()}/", rule.Title)], [Found2(rule.Title)]),
        };
    }
}
