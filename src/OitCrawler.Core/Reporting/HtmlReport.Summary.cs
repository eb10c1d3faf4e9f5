using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

// The executive summary: one to two A4 pages (header, scores, sub-indicators, gaps per unit).
internal static partial class HtmlReport
{
    private static void Header(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        var w = view.Words;
        h.Append("<header>\n<p class=\"kicker\">").Append(Enc(w.T("รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", "OIT self-check report"))).Append("</p>\n")
            .Append("<h1>").Append(Enc(view.Agency)).Append("</h1>\n");
        if (w.Language == ReportLanguage.Both && !string.IsNullOrWhiteSpace(r.Measures?.AgencyEn))
        {
            h.Append("<p class=\"en\">").Append(Enc(r.Measures.AgencyEn)).Append("</p>\n");
        }

        h.Append("<p>").Append(w.H(
                "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. " + Int(r.Year),
                $"Integrity and Transparency Assessment (ITA), fiscal year {Int(r.Year)} B.E. ({Int(FiscalYear.ToCommonEra(r.Year))})"))
            .Append("</p>\n<p class=\"meta\">").Append(Enc(w.T("ตรวจเมื่อ ", "Audited "))).Append(Enc(w.Date(r.FinishedAt)))
            .Append(Enc(w.T(" เวลา ", " at "))).Append(BangkokTime(r.FinishedAt, "HH:mm")).Append(Enc(w.T(" น. · เว็บไซต์ ", " (Bangkok) · website ")));
        Html.AppendLink(h, r.Site, UrlCanonicalizer.Display(r.Site), "url");
        h.Append(Enc(w.T(" · เกณฑ์ ITA ", " · ITA rules "))).Append(Int(r.Rules.Year));
        if (r.Rules.Year != r.Year)
        {
            h.Append(" <strong class=\"warn\">(").Append(Enc(w.T($"ยังไม่มีเกณฑ์ปี {Int(r.Year)} จึงใช้เกณฑ์ปี {Int(r.Rules.Year)}", $"no rules for {Int(r.Year)} yet, so those of {Int(r.Rules.Year)} are used"))).Append(")</strong>");
        }

        h.Append("</p>\n");
        if (view.NotScoredReason is { } why)
        {
            h.Append("<p class=\"banner\"><strong>").Append(Enc(r.Evidence.Outcome == CrawlOutcome.Unreachable ? w.T("ตรวจไม่ได้", "Not audited") : w.T("ผลตรวจไม่ครบ", "Incomplete audit")))
                .Append(":</strong> ").Append(Enc(why));
            if (!string.IsNullOrWhiteSpace(r.Evidence.OutcomeReason))
            {
                h.Append("<br><span class=\"small\">").Append(Enc(w.T("รายละเอียด: ", "Details: "))).Append(Enc(w.T(r.Evidence.OutcomeReasonTh ?? r.Evidence.OutcomeReason, r.Evidence.OutcomeReason))).Append("</span>");
            }

            h.Append("</p>\n");
        }

        h.Append("</header>\n");
    }

    private static void Scores(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        var w = view.Words;
        var score = view.Scored ? r.Score : null;
        h.Append("<section id=\"scores\">\n<h2>").Append(w.H("คะแนนประมาณการ", "Estimated scores")).Append("</h2>\n<div class=\"cards\">\n");
        Gauge(h, "OIT", w.T("แบบวัดการเปิดเผยข้อมูลสาธารณะ", "Open data integrity and transparency"), score?.Oit);
        Gauge(h, w.T("ตัวชี้วัดที่ 9", "Indicator 9"), w.Language == ReportLanguage.En ? "Disclosure" : IndicatorName(r, "9") ?? "การเปิดเผยข้อมูล", score?.Indicator9);
        Gauge(h, w.T("ตัวชี้วัดที่ 10", "Indicator 10"), w.Language == ReportLanguage.En ? "Corruption prevention" : IndicatorName(r, "10") ?? "การป้องกันการทุจริต", score?.Indicator10);
        if (r.Score.Projection is { } p)
        {
            Gauge(h, w.T("ITA รวม (ประมาณการ)", "ITA total (estimate)"), w.T("ระดับ ", "band ") + (view.Scored ? p.Band : NoScore), view.Scored ? p.Total : null);
        }

        h.Append("</div>\n");
        if (!view.Scored)
        {
            h.Append("<p class=\"small\">").Append(Enc(w.T($"คะแนนแสดงเป็น \"{NoScore}\" เพราะ", $"Scores show \"{NoScore}\" because "))).Append(Enc(view.NotScoredReason)).Append("</p>\n");
        }

        if (r.Evidence.Outcome != CrawlOutcome.Unreachable)
        {
            var passed = r.Items.Count(i => i.Status == ItemStatus.Pass);
            h.Append("<p>").Append(Enc(w.T("ผ่าน ", "Passed "))).Append("<strong>").Append(Int(passed)).Append("</strong>").Append(Enc(w.T(" จาก ", " of ")))
                .Append(Int(r.Items.Count)).Append(Enc(w.T(" ข้อ", " items")));
            foreach (var group in r.Items.Where(i => i.Status != ItemStatus.Pass).GroupBy(i => i.Status).OrderBy(g => g.Key))
            {
                h.Append(" · ").Append(Enc(w.Status(group.Key))).Append(' ').Append(Int(group.Count()));
            }

            h.Append(view.Scored ? string.Empty : Enc(w.T(" (จากข้อมูลที่เก็บได้)", " (from what was crawled)"))).Append("</p>\n");
        }

        if (view.Scored && r.Score.Projection is { } q)
        {
            h.Append("<p class=\"small\">").Append(Enc(w.T(
                $"คะแนนรวมประมาณการจาก IIT {Points(q.Iit)}, EIT {Points(q.Eit)} (ที่กำหนดไว้ในการตั้งค่า) และ OIT {Points(q.Oit)} ที่ประมาณการจากเว็บไซต์",
                $"The total is estimated from IIT {Points(q.Iit)}, EIT {Points(q.Eit)} (from the settings) and OIT {Points(q.Oit)} estimated from the website"))).Append("</p>\n");
        }

        h.Append("</section>\n");
    }

    private static void Gauge(StringBuilder h, string label, string caption, double? value)
    {
        h.Append("<figure class=\"card gauge\">\n<svg viewBox=\"0 0 200 116\" width=\"200\" height=\"116\" role=\"img\" aria-label=\"")
            .Append(Enc(label)).Append(' ').Append(value is { } a ? Points(a) : NoScore).Append("\">\n")
            .Append("<path d=\"M 20 100 A 80 80 0 0 1 180 100\" fill=\"none\" stroke=\"#e3e6ea\" stroke-width=\"18\"/>\n");
        if (value is { } v && v > 0)
        {
            var (x, y) = Polar(Math.Clamp(v, 0, 100), 80);
            h.Append("<path d=\"M 20 100 A 80 80 0 0 1 ").Append(Coord(x)).Append(' ').Append(Coord(y))
                .Append("\" fill=\"none\" stroke=\"").Append(ScoreColor(v)).Append("\" stroke-width=\"18\"/>\n");
        }

        var (x1, y1) = Polar(PassMark, 68);
        var (x2, y2) = Polar(PassMark, 96);
        h.Append("<line x1=\"").Append(Coord(x1)).Append("\" y1=\"").Append(Coord(y1)).Append("\" x2=\"").Append(Coord(x2)).Append("\" y2=\"").Append(Coord(y2))
            .Append("\" stroke=\"#333\" stroke-width=\"2\"/>\n")
            .Append("<text x=\"").Append(Coord(x2 + 2)).Append("\" y=\"").Append(Coord(y2 - 2)).Append("\" font-size=\"10\" fill=\"#333\">85</text>\n")
            .Append("<text x=\"100\" y=\"96\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"700\" fill=\"").Append(value is null ? "#8a939e" : "#222").Append("\">")
            .Append(value is { } s ? Points(s) : NoScore).Append("</text>\n")
            .Append("</svg>\n<figcaption><strong>").Append(Enc(label)).Append("</strong><br>").Append(Enc(caption)).Append("</figcaption>\n</figure>\n");
    }

    // A point on the gauge's half circle (centre 100,100): 0 at the left end, 100 at the right.
    private static (double X, double Y) Polar(double value, double radius)
    {
        var angle = Math.PI * (1 - (value / 100));
        return (100 + (radius * Math.Cos(angle)), 100 - (radius * Math.Sin(angle)));
    }

    private static void SubIndicators(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        var w = view.Words;
        if (r.Evidence.Outcome == CrawlOutcome.Unreachable)
        {
            return;
        }

        h.Append("<section id=\"subindicators\">\n<h2>").Append(w.H("ตัวชี้วัดย่อย", "Sub-indicators: share of items passed")).Append("</h2>\n<div class=\"cards subs\">\n");
        foreach (var sub in r.Score.Indicators.SelectMany(i => i.SubIndicators))
        {
            var items = r.Items.Where(i => i.Rule.SubIndicator == sub.Id).ToList();
            const int perRow = 7;
            var rows = Math.Max(1, (items.Count + perRow - 1) / perRow);
            var height = 34 + (rows * 26);
            h.Append("<figure class=\"card sub\">\n<figcaption><strong>").Append(Enc(sub.Id)).Append("</strong> ").Append(Enc(sub.Name))
                .Append("<br><span class=\"small\">").Append(Enc(w.T("ผ่าน ", "passed "))).Append(Int(sub.Passed)).Append(Enc(w.T(" จาก ", " of "))).Append(Int(sub.Total))
                .Append(Enc(w.T(" ข้อ · ", " items · "))).Append(view.Scored ? Points(sub.Score) : NoScore).Append(Enc(w.T(" คะแนน", " points"))).Append("</span></figcaption>\n")
                .Append("<svg viewBox=\"0 0 300 ").Append(Int(height)).Append("\" width=\"300\" height=\"").Append(Int(height))
                .Append("\" role=\"img\" aria-label=\"").Append(Enc(sub.Id)).Append(' ').Append(view.Scored ? Points(sub.Score) : NoScore).Append("\">\n")
                .Append("<rect x=\"0\" y=\"4\" width=\"250\" height=\"18\" rx=\"3\" fill=\"#e3e6ea\"/>\n");
            if (view.Scored && sub.Score > 0)
            {
                h.Append("<rect x=\"0\" y=\"4\" width=\"").Append(Coord(2.5 * Math.Clamp(sub.Score, 0, 100))).Append("\" height=\"18\" rx=\"3\" fill=\"")
                    .Append(ScoreColor(sub.Score)).Append("\"/>\n");
            }

            h.Append("<line x1=\"").Append(Coord(2.5 * PassMark)).Append("\" y1=\"0\" x2=\"").Append(Coord(2.5 * PassMark)).Append("\" y2=\"26\" stroke=\"#333\" stroke-width=\"1.5\"/>\n")
                .Append("<text x=\"258\" y=\"19\" font-size=\"14\" font-weight=\"700\" fill=\"#222\">")
                .Append(view.Scored ? Int((int)Math.Round(sub.Score)) + "%" : NoScore).Append("</text>\n");
            for (var k = 0; k < items.Count; k++)
            {
                var item = items[k];
                var x = (k % perRow) * 42;
                var y = 34 + ((k / perRow) * 26);
                h.Append("<g><title>").Append(Enc($"{item.Rule.Code} {item.Rule.Title}: {w.Status(item.Status)}")).Append("</title>")
                    .Append("<rect x=\"").Append(Int(x)).Append("\" y=\"").Append(Int(y)).Append("\" width=\"38\" height=\"22\" rx=\"4\" fill=\"")
                    .Append(StatusColor(item.Status)).Append("\"/>")
                    .Append("<text x=\"").Append(Int(x + 19)).Append("\" y=\"").Append(Int(y + 16)).Append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">")
                    .Append(Enc(item.Rule.Code)).Append("</text></g>\n");
            }

            h.Append("</svg>\n</figure>\n");
        }

        h.Append("</div>\n<p class=\"legend\">");
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            Status(h, w, status);
            h.Append(' ');
        }

        h.Append("<span class=\"small\">").Append(Enc(w.T("เส้นตั้ง = เกณฑ์ผ่าน 85 คะแนน", "upright line = the pass mark, 85 points"))).Append("</span></p>\n</section>\n");
    }

    // Each unit's items at a glance; its full list follows the summary.
    private static void UnitTable(StringBuilder h, ReportView view)
    {
        var w = view.Words;
        if (view.Result.Evidence.Outcome == CrawlOutcome.Unreachable)
        {
            return;
        }

        h.Append("<section id=\"gaps\">\n<h2>").Append(w.H("สิ่งที่ต้องแก้ไข แยกตามหน่วยงาน", "Gaps by responsible unit")).Append("</h2>\n");
        if (view.Units.Count == 0)
        {
            h.Append("<p>").Append(Enc(w.T("ไม่พบข้อที่ต้องแก้ไข", "Nothing to fix"))).Append("</p>\n</section>\n");
            return;
        }

        h.Append("<table class=\"units\">\n<thead><tr><th>").Append(Enc(w.T("หน่วยงาน", "Unit"))).Append("</th><th class=\"num\">").Append(Enc(w.T("ข้อ", "Items")))
            .Append("</th><th>").Append(Enc(w.T("รายการที่ต้องแก้ไข", "Items to fix"))).Append("</th><th class=\"num\">").Append(Enc(w.T("คะแนนที่เสี่ยงเสีย", "Points at stake")))
            .Append("</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < view.Units.Count; i++)
        {
            var unit = view.Units[i];
            h.Append("<tr><td><a href=\"#unit-").Append(Int(i + 1)).Append("\">").Append(Enc(unit.Name)).Append("</a></td><td class=\"num\">").Append(Int(unit.Rows.Count))
                .Append("</td><td>").Append(Enc(string.Join(", ", unit.Rows.Select(g => g.Gap.Item.Rule.Code))))
                .Append("</td><td class=\"num\">").Append(Points(unit.PointsAtStake)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n<p class=\"small\">").Append(Enc(w.T(
                "แต่ละหน่วยงานมีรายการครบในส่วนของตนเองถัดจากสรุปนี้ ข้อที่หลายหน่วยงานรับผิดชอบร่วมกันแสดงในทุกหน่วยงาน (\"ร่วมกับ …\")",
                "Each unit's complete list follows this summary; an item several units share is listed under each of them (\"shared with …\")")))
            .Append("</p>\n</section>\n");
    }

    private static string? IndicatorName(Audit.AuditResult r, string id) => r.Score.Indicators.FirstOrDefault(i => i.Id == id)?.Name is { Length: > 0 } n ? n : null;
}
