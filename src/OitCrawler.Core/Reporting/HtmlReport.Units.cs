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

        h.Append("<section id=\"units\">\n<h2>สิ่งที่ต้องแก้ไข รายละเอียดแยกตามหน่วยงาน <span class=\"en\">Each unit's gaps</span></h2>\n");
        for (var i = 0; i < view.Units.Count; i++)
        {
            var unit = view.Units[i];
            h.Append("<section class=\"unit\" id=\"unit-").Append(Int(i + 1)).Append("\">\n<h3>").Append(Enc(unit.Name))
                .Append(" <span class=\"small\">").Append(Int(unit.Rows.Count)).Append(" ข้อ · คะแนนที่เสี่ยงเสียรวม ").Append(Points(unit.PointsAtStake));
            if (!string.IsNullOrWhiteSpace(unit.Email))
            {
                h.Append(" · ").Append(Enc(unit.Email));
            }

            h.Append("</span></h3>\n<table class=\"gaps\">\n<colgroup><col class=\"c-code\"><col class=\"c-what\"></colgroup>\n")
                .Append("<thead><tr><th>ข้อ</th><th>รายการ · สิ่งที่ต้องทำ · เหตุผล · หลักฐาน · มาตรการ</th></tr></thead>\n<tbody>\n");
            foreach (var row in unit.Rows)
            {
                GapRow(h, view.Result, unit, row);
            }

            h.Append("</tbody>\n</table>\n</section>\n");
        }

        h.Append("</section>\n");
    }

    // One gap as a unit reads it: what, what to do, why, where it was found, and the unit's own activity
    // in the measures. On paper only what and what to do (the rest is under the item in "ผลตรวจรายข้อ",
    // once), so that the summary and every unit's list fit a handful of A4 pages.
    private static void GapRow(StringBuilder h, AuditResult r, UnitSection unit, UnitGap row)
    {
        var gap = row.Gap;
        var item = gap.Item;
        h.Append("<tr><td class=\"code\"><a href=\"#item-").Append(Enc(item.Rule.Code)).Append("\"><strong>").Append(Enc(item.Rule.Code)).Append("</strong></a><div class=\"small\">")
            .Append(Points(gap.PointsAtStake)).Append(" คะแนน</div></td>\n<td><strong>").Append(Enc(item.Rule.Title)).Append("</strong> ");
        Status(h, item.Status);
        if (row.SharedWith.Count > 0)
        {
            // A measure often names every division: past three, the rest are counted (the summary table lists them).
            var named = row.SharedWith.Count > 3 ? row.SharedWith.Take(2).ToList() : row.SharedWith;
            h.Append(" <span class=\"shared\">ร่วมกับ ").Append(Enc(string.Join(", ", named)));
            if (named.Count < row.SharedWith.Count)
            {
                h.Append(" และอีก ").Append(Int(row.SharedWith.Count - named.Count)).Append(" หน่วยงาน");
            }

            h.Append("</span>");
        }

        h.Append("<div class=\"action\">สิ่งที่ต้องทำ: ").Append(Enc(gap.Action)).Append("</div>");
        if (item.Reasons.Count > 0)
        {
            h.Append("<div class=\"why detail\">เหตุผล: ").Append(Enc(string.Join(" · ", item.Reasons.Select(x => x.Th)))).Append("</div>");
        }

        if (item.Evidence.Count > 0)
        {
            var ev = item.Evidence[0];
            h.Append("<div class=\"small detail\">หลักฐานที่พบ: ");
            Html.AppendLink(h, ev.Url, UrlCanonicalizer.Display(ev.Url), "url", "nolink url");
            if (item.Evidence.Count > 1)
            {
                h.Append(" และอีก ").Append(Int(item.Evidence.Count - 1)).Append(" รายการ");
            }

            h.Append("</div>");
        }

        // The unit's own activities for the item (a shared item lists every unit's in the measures file).
        var measures = unit.IsUnit ? gap.Measures.Where(m => m.Units.Any(u => u.Name == unit.Name)).ToList() : gap.Measures;
        if (measures.Count > 0)
        {
            h.Append("<div class=\"measure detail\">มาตรการ: ").Append(Enc(string.Join(" · ", measures.Select(m => $"ประเด็นที่ {Int(m.IssueNumber)} กิจกรรม {m.ActivityId} {m.ActivityTitle}")))).Append("</div>");
        }

        h.Append("</td></tr>\n");
    }

    // Every evidence on screen; on paper the first, with its click path, and a count of the rest.
    private static void EvidenceList(StringBuilder h, AuditResult r, ItemResult item)
    {
        if (item.Evidence.Count == 0)
        {
            h.Append("<span class=\"small\">ไม่พบ</span>");
            return;
        }

        for (var k = 0; k < item.Evidence.Count; k++)
        {
            var ev = item.Evidence[k];
            h.Append(k == 0 ? "<div class=\"ev\">" : "<div class=\"ev more\">");
            Html.AppendLink(h, ev.Url, UrlCanonicalizer.Display(ev.Url), "url", "nolink url");
            if (ev.ClickPath.Count > 0)
            {
                h.Append("<div class=\"path\">").Append(Enc(ClickPathText(ev.ClickPath, " › "))).Append("</div>");
            }
            else if (!string.IsNullOrWhiteSpace(ev.LinkText))
            {
                h.Append("<div class=\"path\">ลิงก์ \"").Append(Enc(ev.LinkText)).Append("\"</div>");
            }

            var title = ev.Url.IsAbsoluteUri ? r.Evidence.Page(ev.Url)?.Title : null;
            if (!string.IsNullOrWhiteSpace(title) || ev.FoundOn is not null)
            {
                h.Append("<div class=\"small detail\">");
                if (!string.IsNullOrWhiteSpace(title))
                {
                    h.Append("ชื่อหน้า: ").Append(Enc(title));
                }

                if (ev.FoundOn is { } foundOn)
                {
                    h.Append(string.IsNullOrWhiteSpace(title) ? string.Empty : " · ").Append("พบที่: ");
                    Html.AppendLink(h, foundOn, r.Evidence.Page(foundOn)?.Title is { Length: > 0 } t ? t : UrlCanonicalizer.Display(foundOn));
                }

                h.Append("</div>");
            }

            h.Append("</div>");
        }

        if (item.Evidence.Count > 1)
        {
            h.Append("<div class=\"small print-only\">และอีก ").Append(Int(item.Evidence.Count - 1)).Append(" รายการ (ดูในไฟล์ report.html)</div>");
        }
    }

    private static void Reasons(StringBuilder h, ItemResult item)
    {
        if (item.Reasons.Count == 0)
        {
            return;
        }

        h.Append("<ul class=\"reasons\">");
        foreach (var reason in item.Reasons)
        {
            h.Append("<li>").Append(Enc(reason.Th)).Append("</li>");
        }

        h.Append("</ul>");
    }

    /// <summary>"หน้าแรก › เมนู › ลิงก์": the link texts clicked from the home page, whitespace folded.</summary>
    internal static string ClickPathText(IReadOnlyList<string> steps, string separator) =>
        string.Join(separator, steps.Select(ThaiText.Fold).Where(s => s.Length > 0).Prepend("หน้าแรก"));
}
