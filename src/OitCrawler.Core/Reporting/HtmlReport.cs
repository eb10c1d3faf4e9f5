using System.Globalization;
using System.Reflection;
using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Text;

namespace OitCrawler.Reporting;

/// <summary>
/// report.html: one self-contained Thai page (embedded CSS and inline SVG, no script, no font or image
/// from the network; a Content-Security-Policy forbids it) that prints on A4: a one-to-two-page
/// executive summary (scores, sub-indicators, gaps per unit, the year-over-year table), then each
/// unit's complete list of gaps, then every item, the run trend and the crawl. Built from a
/// <see cref="ReportView"/>; every string from the crawled site or a data file goes through
/// <see cref="Html"/>, the encoding policy the e-mail shares. The sections are in the partial files
/// beside this one (Summary, Units, Items, Trend, Crawl).
/// </summary>
internal static partial class HtmlReport
{
    public const string FontStack = "'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif";

    /// <summary>Content-Security-Policy of the page: nothing may load, inline styles only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>ITA's passing score for an indicator; drawn as a line on the gauges, bars and trend.</summary>
    private const double PassMark = 85;

    /// <summary>What a score that cannot be given shows.</summary>
    private const string NoScore = "—";

    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("OitCrawler.Reporting.report.css")
            ?? throw new InvalidOperationException("report.css is not embedded in " + typeof(HtmlReport).Assembly.GetName().Name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Render(AuditResult result, IReadOnlyList<TrendPoint> trend, ReportLanguage language = ReportLanguage.Th)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trend);

        var view = ReportView.Build(result, language);
        var w = view.Words;
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(w.HtmlLang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>").Append(Enc(w.T($"ผลตรวจ OIT ITA {result.Year} — {view.Agency}", $"OIT check, ITA {result.Year} — {view.Agency}"))).Append("</title>\n")
            .Append("<style>\n:root { --font: ").Append(FontStack).Append("; }\n").Append(Css.Value).Append("</style>\n</head>\n<body>\n");

        h.Append("<div class=\"summary\">\n");
        Header(h, view);
        Nav(h, view);
        Scores(h, view);
        SubIndicators(h, view);
        UnitTable(h, view);
        if (view.Scored)
        {
            YearTable(h, w, YearOverYear.Build(result, trend));
        }

        h.Append("</div>\n");

        UnitSections(h, view);
        if (result.Evidence.Outcome != CrawlOutcome.Unreachable)
        {
            ItemTable(h, view);
        }

        RunTrend(h, view, trend);
        Notes(h, view);
        CrawlSummary(h, view);

        h.Append("<footer>").Append(w.H(
                "สร้างโดย OitCrawler · คะแนนทั้งหมดเป็นการประมาณการจากสิ่งที่พบบนเว็บไซต์ (ข้อละ 100 หรือ 0 คะแนน) ไม่ใช่ผลการประเมินของสำนักงาน ป.ป.ช.",
                "made by OitCrawler · every score is an estimate from what was found on the website (100 or 0 points an item), not NACC's assessment."))
            .Append("</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Nav(StringBuilder h, ReportView view)
    {
        var w = view.Words;
        h.Append("<nav><a href=\"#scores\">").Append(Enc(w.T("คะแนน", "Scores"))).Append("</a>");
        if (view.Units.Count > 0)
        {
            h.Append("<a href=\"#units\">").Append(Enc(w.T("สิ่งที่ต้องแก้ไขแยกตามหน่วยงาน", "Gaps by unit"))).Append("</a>");
        }

        if (view.Result.Evidence.Outcome != CrawlOutcome.Unreachable)
        {
            h.Append("<a href=\"#items\">").Append(Enc(w.T("ผลตรวจรายข้อ", "Every item"))).Append("</a>");
        }

        h.Append("<a href=\"#trend\">").Append(Enc(w.T("เทียบปีก่อน", "Year over year"))).Append("</a><a href=\"#crawl\">")
            .Append(Enc(w.T("การเก็บข้อมูล", "Crawl"))).Append("</a></nav>\n");
    }

    private static string Outcome(Words w, CrawlOutcome outcome) => outcome switch
    {
        CrawlOutcome.Completed => w.T("ครบถ้วน", "complete"),
        CrawlOutcome.BudgetExhausted => w.T("ถึงจำนวนหน้าสูงสุดที่กำหนด", "page limit reached"),
        CrawlOutcome.HostFailing => w.T("เว็บไซต์หยุดตอบระหว่างตรวจ", "the site stopped answering"),
        CrawlOutcome.Unreachable => w.T("เข้าถึงเว็บไซต์ไม่ได้", "site unreachable"),
        CrawlOutcome.Cancelled => w.T("ถูกหยุดก่อนเสร็จ", "stopped before the end"),
        _ => outcome.ToString(),
    };

    private static string StatusColor(ItemStatus status) => status switch
    {
        ItemStatus.Pass => "#2e7d32",
        ItemStatus.Missing => "#c62828",
        ItemStatus.Stale => "#ef6c00",
        ItemStatus.Incomplete => "#b7791f",
        ItemStatus.Broken => "#8e24aa",
        ItemStatus.Review => "#1565c0",
        _ => "#616161",
    };

    private static string ScoreColor(double score) => score >= PassMark ? "#2e7d32" : score >= 65 ? "#d89b00" : "#c62828";

    private static void Status(StringBuilder h, Words w, ItemStatus status) =>
        h.Append("<span class=\"badge\" style=\"background:").Append(StatusColor(status)).Append("\">").Append(Enc(w.Status(status))).Append("</span>");

    private static string Enc(string? text) => Html.Encode(text);

    /// <summary>A score as reports print it: two decimals.</summary>
    private static string Points(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate.</summary>
    private static string Coord(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string BangkokTime(DateTimeOffset at, string format) => ThaiTime.ToBangkok(at).ToString(format, CultureInfo.InvariantCulture);
}
