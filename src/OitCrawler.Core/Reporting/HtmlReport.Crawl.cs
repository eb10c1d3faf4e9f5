using System.Text;
using OitCrawler.Audit;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

// The notes and how the crawl went.
internal static partial class HtmlReport
{
    private static void Notes(StringBuilder h, AuditResult r)
    {
        if (r.Notes.Count == 0)
        {
            return;
        }

        h.Append("<section id=\"notes\">\n<h2>หมายเหตุ <span class=\"en\">Notes</span></h2>\n<ul>\n");
        foreach (var note in r.Notes)
        {
            h.Append("<li>").Append(Enc(note)).Append("</li>\n");
        }

        h.Append("</ul>\n</section>\n");
    }

    private static void CrawlSummary(StringBuilder h, AuditResult r)
    {
        var e = r.Evidence;
        var errors = e.Fetches.Count(f => f.Status == 0 || f.Status >= 400);
        var elapsed = r.FinishedAt - r.StartedAt;
        h.Append("<section id=\"crawl\">\n<h2>สรุปการเก็บข้อมูล <span class=\"en\">Crawl summary</span></h2>\n<table class=\"kv\">\n")
            .Append("<tr><th>เว็บไซต์</th><td>");
        Html.AppendLink(h, r.Site, UrlCanonicalizer.Display(r.Site), "url");
        if (e.Home?.Title is { Length: > 0 } homeTitle)
        {
            h.Append(" — ").Append(Enc(homeTitle));
        }

        h.Append("</td></tr>\n<tr><th>ผลการเก็บข้อมูล</th><td>").Append(Enc(OutcomeTh(e.Outcome))).Append(" (").Append(Enc(e.Outcome.ToString())).Append(')');
        if (!string.IsNullOrWhiteSpace(e.OutcomeReason))
        {
            h.Append(": ").Append(Enc(e.OutcomeReason));
        }

        h.Append("</td></tr>\n<tr><th>เริ่ม – เสร็จ</th><td>").Append(Enc(ThaiYears.FormatThaiDate(r.StartedAt))).Append(' ')
            .Append(BangkokTime(r.StartedAt, "HH:mm:ss")).Append(" – ")
            .Append(BangkokTime(r.FinishedAt, "HH:mm:ss")).Append(" น. (")
            .Append(elapsed.TotalMinutes >= 1 ? $"{Int((int)elapsed.TotalMinutes)} นาที {Int(elapsed.Seconds)} วินาที" : $"{Int((int)Math.Ceiling(elapsed.TotalSeconds))} วินาที")
            .Append(")</td></tr>\n<tr><th>หน้าเว็บที่อ่าน</th><td>").Append(Int(e.Pages.Count)).Append(" หน้า</td></tr>\n")
            .Append("<tr><th>เอกสาร</th><td>").Append(Int(e.Documents.Count)).Append(" ไฟล์");
        var scanned = e.Documents.Count(d => d.Scanned);
        if (scanned > 0)
        {
            h.Append(" (เป็นภาพสแกน ").Append(Int(scanned)).Append(" ไฟล์)");
        }

        h.Append("</td></tr>\n<tr><th>ผิดพลาด</th><td>").Append(Int(errors)).Append(" URL</td></tr>\n<tr><th>ข้าม</th><td>").Append(Int(e.Skipped.Count)).Append(" URL");
        var reasons = e.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}").ToList();
        if (reasons.Count > 0)
        {
            h.Append(" (").Append(Enc(string.Join(", ", reasons))).Append(')');
        }

        h.Append("</td></tr>\n<tr><th>เกณฑ์</th><td>").Append(Enc(r.Rules.Name)).Append(" (ITA ").Append(Int(r.Rules.Year)).Append(')')
            .Append("</td></tr>\n</table>\n</section>\n");
    }
}
