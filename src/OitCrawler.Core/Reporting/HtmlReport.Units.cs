using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

// One complete section per unit, each on its own pages in print: a ผู้อำนวยการกอง reads only theirs.
internal static partial class HtmlReport
{
    private static void UnitSections(StringBuilder h, ReportView view)
    {
        if (view.Units.Count == 0)
        {
            return;
        }

        var w = view.Words;
        h.Append("<section id=\"units\">\n<h2>").Append(w.H("สิ่งที่ต้องแก้ไข รายละเอียดแยกตามหน่วยงาน", "Each unit's gaps")).Append("</h2>\n");
        for (var i = 0; i < view.Units.Count; i++)
        {
            var unit = view.Units[i];
            h.Append("<section class=\"unit\" id=\"unit-").Append(Int(i + 1)).Append("\">\n<h3>").Append(Enc(unit.Name))
                .Append(" <span class=\"small\">").Append(Int(unit.Rows.Count)).Append(Enc(w.T(" ข้อ · คะแนนที่เสี่ยงเสียรวม ", " items · points at stake "))).Append(Points(unit.PointsAtStake));
            if (!string.IsNullOrWhiteSpace(unit.Email))
            {
                h.Append(" · ").Append(Enc(unit.Email));
            }

            h.Append("</span></h3>\n<table class=\"gaps\">\n<colgroup><col class=\"c-code\"><col class=\"c-what\"></colgroup>\n")
                .Append("<thead><tr><th>").Append(Enc(w.T("ข้อ", "Item"))).Append("</th><th>")
                .Append(Enc(w.T("รายการ · สิ่งที่ต้องทำ · เหตุผล · หลักฐาน · มาตรการ", "Item · what to do · why · evidence · measure"))).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var row in unit.Rows)
            {
                GapRow(h, w, unit, row);
            }

            h.Append("</tbody>\n</table>\n</section>\n");
        }

        h.Append("</section>\n");
    }

    // One gap as a unit reads it: what, what to do, why, where it was found, and the unit's own activity
    // in the measures. On paper only what and what to do (the rest is under the item in "ผลตรวจรายข้อ",
    // once), so that the summary and every unit's list fit a handful of A4 pages.
    private static void GapRow(StringBuilder h, Words w, UnitSection unit, UnitGap row)
    {
        var gap = row.Gap;
        var item = gap.Item;
        h.Append("<tr><td class=\"code\"><a href=\"#item-").Append(Enc(item.Rule.Code)).Append("\"><strong>").Append(Enc(item.Rule.Code)).Append("</strong></a><div class=\"small\">")
            .Append(Points(gap.PointsAtStake)).Append(Enc(w.T(" คะแนน", " points"))).Append("</div></td>\n<td><strong>").Append(Enc(item.Rule.Title)).Append("</strong> ");
        Status(h, w, item.Status);
        if (row.SharedWith.Count > 0)
        {
            // A measure often names every division: past three, the rest are counted (the summary table lists them).
            var named = row.SharedWith.Count > 3 ? row.SharedWith.Take(2).ToList() : row.SharedWith;
            h.Append(" <span class=\"shared\">").Append(Enc(w.T("ร่วมกับ ", "shared with "))).Append(Enc(string.Join(", ", named)));
            if (named.Count < row.SharedWith.Count)
            {
                h.Append(Enc(w.T(" และอีก ", " and "))).Append(Int(row.SharedWith.Count - named.Count)).Append(Enc(w.T(" หน่วยงาน", " more")));
            }

            h.Append("</span>");
        }

        h.Append("<div class=\"action\">").Append(Enc(w.T("สิ่งที่ต้องทำ: ", "What to do: "))).Append(w.H(gap.Action, gap.ActionEn ?? string.Empty)).Append("</div>");
        if (item.Reasons.Count > 0)
        {
            h.Append("<div class=\"why detail\">").Append(Enc(w.T("เหตุผล: ", "Why: ")))
                .Append(w.H(string.Join(" · ", item.Reasons.Select(x => x.Th)), string.Join(" · ", item.Reasons.Select(x => x.En)))).Append("</div>");
        }

        if (item.Evidence.Count > 0)
        {
            var ev = item.Evidence[0];
            h.Append("<div class=\"small detail\">").Append(Enc(w.T("หลักฐานที่พบ: ", "Evidence found: ")));
            Html.AppendLink(h, ev.Url, UrlCanonicalizer.Display(ev.Url), "url", "nolink url");
            if (item.Evidence.Count > 1)
            {
                h.Append(Enc(w.T(" และอีก ", " and "))).Append(Int(item.Evidence.Count - 1)).Append(Enc(w.T(" รายการ", " more")));
            }

            h.Append("</div>");
        }

        // The unit's own activities for the item (a shared item lists every unit's in the measures file).
        var measures = unit.IsUnit ? gap.Measures.Where(m => m.Units.Any(u => u.Name == unit.Name)).ToList() : gap.Measures;
        if (measures.Count > 0)
        {
            h.Append("<div class=\"measure detail\">").Append(Enc(w.T("มาตรการ: ", "Measure: ")))
                .Append(Enc(string.Join(" · ", measures.Select(m => w.T($"ประเด็นที่ {Int(m.IssueNumber)} กิจกรรม {m.ActivityId} {m.ActivityTitle}", $"issue {Int(m.IssueNumber)} activity {m.ActivityId} {m.ActivityTitle}"))))).Append("</div>");
        }

        h.Append("</td></tr>\n");
    }

    // Every evidence on screen; on paper the first, with its click path, and a count of the rest.
    private static void EvidenceList(StringBuilder h, ReportView view, ItemResult item)
    {
        var r = view.Result;
        var w = view.Words;
        if (item.Evidence.Count == 0)
        {
            h.Append("<span class=\"small\">").Append(Enc(w.T("ไม่พบ", "none found"))).Append("</span>");
            return;
        }

        for (var k = 0; k < item.Evidence.Count; k++)
        {
            var ev = item.Evidence[k];
            h.Append(k == 0 ? "<div class=\"ev\">" : "<div class=\"ev more\">");
            Html.AppendLink(h, ev.Url, UrlCanonicalizer.Display(ev.Url), "url", "nolink url");
            if (ev.ClickPath.Count > 0)
            {
                h.Append("<div class=\"path\">").Append(Enc(ClickPathText(ev.ClickPath, " › ", w.T("หน้าแรก", "Home")))).Append("</div>");
            }
            else if (!string.IsNullOrWhiteSpace(ev.LinkText))
            {
                h.Append("<div class=\"path\">").Append(Enc(w.T("ลิงก์", "link"))).Append(" \"").Append(Enc(ev.LinkText)).Append("\"</div>");
            }

            var title = ev.Url.IsAbsoluteUri ? r.Evidence.Page(ev.Url)?.Title : null;
            if (!string.IsNullOrWhiteSpace(title) || ev.FoundOn is not null)
            {
                h.Append("<div class=\"small detail\">");
                if (!string.IsNullOrWhiteSpace(title))
                {
                    h.Append(Enc(w.T("ชื่อหน้า: ", "Page title: "))).Append(Enc(title));
                }

                if (ev.FoundOn is { } foundOn)
                {
                    h.Append(string.IsNullOrWhiteSpace(title) ? string.Empty : " · ").Append(Enc(w.T("พบที่: ", "found on: ")));
                    Html.AppendLink(h, foundOn, r.Evidence.Page(foundOn)?.Title is { Length: > 0 } t ? t : UrlCanonicalizer.Display(foundOn));
                }

                h.Append("</div>");
            }

            h.Append("</div>");
        }

        if (item.Evidence.Count > 1)
        {
            h.Append("<div class=\"small print-only\">").Append(Enc(w.T("และอีก ", "and "))).Append(Int(item.Evidence.Count - 1))
                .Append(Enc(w.T(" รายการ (ดูในไฟล์ report.html)", " more (see report.html)"))).Append("</div>");
        }
    }

    private static void Reasons(StringBuilder h, Words w, ItemResult item)
    {
        if (item.Reasons.Count == 0)
        {
            return;
        }

        h.Append("<ul class=\"reasons\">");
        foreach (var reason in item.Reasons)
        {
            h.Append("<li>").Append(w.H(reason.Th, reason.En)).Append("</li>");
        }

        h.Append("</ul>");
    }

    /// <summary>"หน้าแรก › เมนู › ลิงก์": the link texts clicked from the home page, whitespace folded.</summary>
    internal static string ClickPathText(IReadOnlyList<string> steps, string separator, string home = "หน้าแรก") =>
        string.Join(separator, steps.Select(ThaiText.Fold).Where(s => s.Length > 0).Prepend(home));
}
