using System.Text;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

// The notes and how the crawl went.
internal static partial class HtmlReport
{
    private static void Notes(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        if (r.Notes.Count == 0)
        {
            return;
        }

        h.Append("<section id=\"notes\">\n<h2>").Append(view.Words.H("หมายเหตุ", "Notes")).Append("</h2>\n<ul>\n");
        foreach (var note in r.Notes)
        {
            h.Append("<li>").Append(Enc(note)).Append("</li>\n");
        }

        h.Append("</ul>\n</section>\n");
    }

    private static void CrawlSummary(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        var w = view.Words;
        var e = r.Evidence;
        var errors = e.Fetches.Count(f => f.Status == 0 || f.Status >= 400);
        var elapsed = r.FinishedAt - r.StartedAt;
        string Row(string thai, string english) => "<tr><th>" + Enc(w.T(thai, english)) + "</th><td>";
        h.Append("<section id=\"crawl\">\n<h2>").Append(w.H("สรุปการเก็บข้อมูล", "Crawl summary")).Append("</h2>\n<table class=\"kv\">\n")
            .Append(Row("เว็บไซต์", "Website"));
        Html.AppendLink(h, r.Site, UrlCanonicalizer.Display(r.Site), "url");
        if (e.Home?.Title is { Length: > 0 } homeTitle)
        {
            h.Append(" — ").Append(Enc(homeTitle));
        }

        h.Append("</td></tr>\n").Append(Row("ผลการเก็บข้อมูล", "Outcome")).Append(Enc(Outcome(w, e.Outcome)));
        if (!string.IsNullOrWhiteSpace(e.OutcomeReason))
        {
            h.Append(": ").Append(Enc(w.T(e.OutcomeReasonTh ?? e.OutcomeReason, e.OutcomeReason)));
        }

        var seconds = w.T("วินาที", "s");
        h.Append("</td></tr>\n").Append(Row("เริ่ม – เสร็จ", "Started – finished")).Append(Enc(w.Date(r.StartedAt))).Append(' ')
            .Append(BangkokTime(r.StartedAt, "HH:mm:ss")).Append(" – ")
            .Append(BangkokTime(r.FinishedAt, "HH:mm:ss")).Append(Enc(w.T(" น. (", " (")))
            .Append(elapsed.TotalMinutes >= 1 ? $"{Int((int)elapsed.TotalMinutes)} {w.T("นาที", "min")} {Int(elapsed.Seconds)} {seconds}" : $"{Int((int)Math.Ceiling(elapsed.TotalSeconds))} {seconds}")
            .Append(")</td></tr>\n").Append(Row("หน้าเว็บที่อ่าน", "Pages read")).Append(Int(e.Pages.Count)).Append(' ').Append(Enc(w.T("หน้า", "pages"))).Append("</td></tr>\n")
            .Append(Row("เอกสาร", "Documents")).Append(Int(e.Documents.Count)).Append(' ').Append(Enc(w.T("ไฟล์", "files")));
        var scanned = e.Documents.Count(d => d.Scanned);
        if (scanned > 0)
        {
            h.Append(Enc(w.T(" (เป็นภาพสแกน ", " (scanned: "))).Append(Int(scanned)).Append(Enc(w.T(" ไฟล์)", ")")));
        }

        foreach (var notRead in e.Documents.Where(d => d.NotRead is not null).GroupBy(d => d.NotRead).OrderByDescending(g => g.Count()))
        {
            h.Append(Enc(w.T(" (อ่านไม่ได้ ", " (not read: "))).Append(Int(notRead.Count())).Append(Enc(w.T(" ไฟล์: ", ": "))).Append(Enc(notRead.Key)).Append(')');
        }

        h.Append("</td></tr>\n").Append(Row("เปิดด้วยเบราว์เซอร์", "Rendered in a browser")).Append(Int(e.Rendering.Rendered)).Append(Enc(w.T(" หน้า", " pages")));
        if (e.Rendering.Wanted > 0)
        {
            h.Append(Enc(w.T(" จาก ", " of "))).Append(Int(e.Rendering.Wanted)).Append(Enc(w.T(" หน้าที่สร้างลิงก์ด้วยสคริปต์", " that build links by script")));
        }

        h.Append(" (Crawl:Render ").Append(Enc(e.Rendering.Mode)).Append(')');
        h.Append("</td></tr>\n").Append(Row("ผิดพลาด", "Errors")).Append(Int(errors)).Append(" URL</td></tr>\n").Append(Row("ข้าม", "Skipped")).Append(Int(e.Skipped.Count)).Append(" URL");
        var reasons = e.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}").ToList();
        if (reasons.Count > 0)
        {
            h.Append(" (").Append(Enc(string.Join(", ", reasons))).Append(')');
        }

        h.Append("</td></tr>\n").Append(Row("เกณฑ์", "Rules")).Append(Enc(r.Rules.Name)).Append(" (ITA ").Append(Int(r.Rules.Year)).Append(')')
            .Append("</td></tr>\n</table>\n</section>\n");
    }
}
