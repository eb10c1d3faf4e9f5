using System.Text;
using OitCrawler.Assessment;

namespace OitCrawler.Reporting;

// Every item with its evidence: the drill-down behind the summary.
internal static partial class HtmlReport
{
    private static void ItemTable(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        var w = view.Words;
        h.Append("<section id=\"items\">\n<h2>").Append(w.H("ผลตรวจรายข้อ", "Every item, with its evidence")).Append("</h2>\n")
            .Append("<table class=\"items\">\n<colgroup><col class=\"c-code\"><col class=\"c-title\"><col class=\"c-ev\"><col class=\"c-why\"></colgroup>\n")
            .Append("<thead><tr><th>").Append(Enc(w.T("ข้อ", "Item"))).Append("</th><th>").Append(Enc(w.T("รายการ · ผลตรวจ", "Item · verdict")))
            .Append("</th><th>").Append(Enc(w.T("หลักฐาน (URL และเส้นทางคลิกจากหน้าแรก)", "Evidence (URL and click path from the home page)")))
            .Append("</th><th>").Append(Enc(w.T("เหตุผล", "Reasons"))).Append("</th></tr></thead>\n");
        foreach (var group in r.Items.GroupBy(i => i.Rule.SubIndicator))
        {
            var name = r.Score.Indicators.SelectMany(i => i.SubIndicators).FirstOrDefault(s => s.Id == group.Key)?.Name;
            h.Append("<tbody>\n<tr class=\"group\"><th colspan=\"4\">").Append(Enc(w.T("ตัวชี้วัดย่อยที่ ", "Sub-indicator "))).Append(Enc(group.Key)).Append(' ').Append(Enc(name)).Append("</th></tr>\n");
            foreach (var item in group)
            {
                h.Append(item.Status == ItemStatus.Pass ? "<tr class=\"pass\" id=\"item-" : "<tr id=\"item-").Append(Enc(item.Rule.Code)).Append("\"><td class=\"code\"><strong>").Append(Enc(item.Rule.Code)).Append("</strong></td><td>").Append(Enc(item.Rule.Title)).Append(' ');
                Status(h, w, item.Status);
                h.Append("</td><td>");
                EvidenceList(h, view, item);
                h.Append("</td><td>");
                Reasons(h, w, item);
                h.Append("</td></tr>\n");
            }

            h.Append("</tbody>\n");
        }

        h.Append("</table>\n</section>\n");
    }
}
