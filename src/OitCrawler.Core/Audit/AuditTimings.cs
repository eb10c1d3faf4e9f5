using System.Globalization;

namespace OitCrawler.Audit;

/// <summary>How long the phases of one audit took and how much each handled: where a slow night went.</summary>
/// <param name="Crawl">Robots, sitemaps, fetching and extracting every page and document.</param>
/// <param name="Assessment">Judging the items, scoring and building the gap list.</param>
/// <param name="Pages">HTML pages the crawl kept.</param>
/// <param name="Documents">Documents (PDF, Word …) the crawl kept.</param>
/// <param name="Items">Items judged.</param>
public sealed record AuditTimings(TimeSpan Crawl, TimeSpan Assessment, int Pages, int Documents, int Items)
{
    public static readonly AuditTimings None = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0);

    /// <summary>CPU time of the whole process during the crawl: on a busy machine, what the crawl itself cost.</summary>
    public TimeSpan CrawlCpu { get; init; }

    /// <summary>CPU time of the whole process during the assessment.</summary>
    public TimeSpan AssessmentCpu { get; init; }

    /// <summary>
    /// The phases in Thai (<c>audit --verbose</c>): start-up (process start to the crawl), crawl, assessment, reports, peak memory.
    /// </summary>
    public string DescribeTh(TimeSpan? startUp, TimeSpan reports, long peakMemoryBytes) =>
        (startUp is { } s ? F($"เวลาแต่ละขั้น: เริ่มโปรแกรม {s.TotalSeconds:0.00} วินาที · ") : "เวลาแต่ละขั้น: ")
        + F($"เก็บข้อมูล {Crawl.TotalSeconds:0.00} วินาที ({Pages} หน้า, {Documents} เอกสาร, CPU {CrawlCpu.TotalSeconds:0.00} วินาที) · ")
        + F($"ประเมิน {Assessment.TotalSeconds:0.00} วินาที ({Items} ข้อ, CPU {AssessmentCpu.TotalSeconds:0.00} วินาที) · ")
        + F($"รายงาน {reports.TotalSeconds:0.00} วินาที · หน่วยความจำสูงสุด {peakMemoryBytes / 1048576.0:0} MiB");

    /// <summary>The same in English, figures in seconds with a dot, so scripts (bench/audit.sh) can read them.</summary>
    public string DescribeEn(TimeSpan? startUp, TimeSpan reports, long peakMemoryBytes) =>
        (startUp is { } s ? F($"phases: start-up {s.TotalSeconds:0.00} s · ") : "phases: ")
        + F($"crawl {Crawl.TotalSeconds:0.00} s ({Pages} pages, {Documents} documents, CPU {CrawlCpu.TotalSeconds:0.00} s) · ")
        + F($"assessment {Assessment.TotalSeconds:0.00} s ({Items} items, CPU {AssessmentCpu.TotalSeconds:0.00} s) · ")
        + F($"reports {reports.TotalSeconds:0.00} s · peak memory {peakMemoryBytes / 1048576.0:0} MiB");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
