using System.Text;
using OitCrawler.Assessment;

namespace OitCrawler.Reporting;

// Every item with its evidence: the drill-down behind the summary.
internal static partial class HtmlReport
{
    private static void ItemTable(StringBuilder h, ReportView view)
    {
        var r = view.Result;
        h.Append("<section id=\"items\">\n<h2>ผลตรวจรายข้อ <span class=\"en\">Every item, with its evidence</span></h2>\n")
            .Append("<table class=\"items\">\n<colgroup><col class=\"c-code\"><col class=\"c-title\"><col class=\"c-ev\"><col class=\"c-why\"></colgroup>\n")
            .Append("<thead><tr><th>ข้อ</th><th>รายการ · ผลตรวจ</th><th>หลักฐาน (URL และเส้นทางคลิกจากหน้าแรก)</th><th>เหตุผล</th></tr></thead>\n");
        foreach (var group in r.Items.GroupBy(i => i.Rule.SubIndicator))
        {
            var name = r.Score.Indicators.SelectMany(i => i.SubIndicators).FirstOrDefault(s => s.Id == group.Key)?.Name;
            h.Append("<tbody>\n<tr class=\"group\"><th colspan=\"4\">ตัวชี้วัดย่อยที่ ").Append(Enc(group.Key)).Append(' ').Append(Enc(name)).Append("</th></tr>\n");
            foreach (var item in group)
            {
                h.Append(item.Status == ItemStatus.Pass ? "<tr class=\"pass\" id=\"item-" : "<tr id=\"item-").Append(Enc(item.Rule.Code)).Append("\"><td class=\"code\"><strong>").Append(Enc(item.Rule.Code)).Append("</strong></td><td>").Append(Enc(item.Rule.Title)).Append(' ');
                Status(h, item.Status);
                h.Append("</td><td>");
                EvidenceList(h, r, item);
                h.Append("</td><td>");
                Reasons(h, item);
                h.Append("</td></tr>\n");
            }

            h.Append("</tbody>\n");
        }

        h.Append("</table>\n</section>\n");
    }
}
