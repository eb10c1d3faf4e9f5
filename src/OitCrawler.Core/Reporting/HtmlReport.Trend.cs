using System.Globalization;
using System.Text;
using OitCrawler.Audit;
using OitCrawler.Text;

namespace OitCrawler.Reporting;

// Scores over time: the agency's published years beside this year's estimate, and the nightly runs.
internal static partial class HtmlReport
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    // The nightly trend: OIT and indicators 9 and 10 of each earlier complete run and this one (when it
    // has a score), oldest first in the chart and the table alike. Shown only when there are earlier runs.
    private static void RunTrend(StringBuilder h, ReportView view, IReadOnlyList<TrendPoint> trend)
    {
        var result = view.Result;
        var w = view.Words;
        var runs = trend.Where(p => p.At is not null && !p.FromPastScores && p.Oit is not null).OrderBy(p => p.At).TakeLast(30).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        if (view.Scored)
        {
            runs.Add(new TrendPoint(result.Year, result.StartedAt, result.Score.Oit, result.Score.Indicator9, result.Score.Indicator10, FromPastScores: false));
        }

        const double width = 680, height = 250, left = 44, right = 56, top = 14, bottom = 46;
        const double plotW = width - left - right, plotH = height - top - bottom;
        var step = runs.Count > 1 ? plotW / (runs.Count - 1) : 0;
        double X(int i) => left + (runs.Count > 1 ? i * step : plotW / 2);
        static double Y(double v) => top + ((100 - Math.Clamp(v, 0, 100)) / 100 * plotH);
        string Line(Func<TrendPoint, double?> value) => string.Join(' ', runs.Select((p, i) => $"{Coord(X(i))},{Coord(Y(value(p) ?? 0))}"));

        h.Append("<section id=\"runs\">\n<h2>").Append(w.H("แนวโน้มจากการตรวจแต่ละครั้ง", "Trend across runs")).Append("</h2>\n")
            .Append("<svg class=\"runtrend\" viewBox=\"0 0 ").Append(Coord(width)).Append(' ').Append(Coord(height))
            .Append("\" role=\"img\" aria-label=\"").Append(Enc(w.T($"แนวโน้มคะแนน OIT ตัวชี้วัด 9 และ 10 จากการตรวจ {Int(runs.Count)} ครั้ง", $"OIT, indicator 9 and 10 over {Int(runs.Count)} runs"))).Append("\">\n");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            h.Append("<line class=\"grid\" x1=\"").Append(Coord(left)).Append("\" x2=\"").Append(Coord(left + plotW)).Append("\" y1=\"").Append(Coord(Y(tick)))
                .Append("\" y2=\"").Append(Coord(Y(tick))).Append("\"/><text class=\"tick\" x=\"").Append(Coord(left - 6)).Append("\" y=\"").Append(Coord(Y(tick) + 4))
                .Append("\" text-anchor=\"end\">").Append(Int(tick)).Append("</text>\n");
        }

        h.Append("<line class=\"axis\" x1=\"").Append(Coord(left)).Append("\" x2=\"").Append(Coord(left)).Append("\" y1=\"").Append(Coord(top)).Append("\" y2=\"").Append(Coord(top + plotH)).Append("\"/>")
            .Append("<line class=\"axis\" x1=\"").Append(Coord(left)).Append("\" x2=\"").Append(Coord(left + plotW)).Append("\" y1=\"").Append(Coord(top + plotH)).Append("\" y2=\"").Append(Coord(top + plotH)).Append("\"/>\n")
            .Append("<line class=\"mark\" x1=\"").Append(Coord(left)).Append("\" x2=\"").Append(Coord(left + plotW)).Append("\" y1=\"").Append(Coord(Y(PassMark))).Append("\" y2=\"").Append(Coord(Y(PassMark))).Append("\"/>")
            .Append("<text class=\"tick\" x=\"").Append(Coord(left + plotW + 4)).Append("\" y=\"").Append(Coord(Y(PassMark) + 4)).Append("\">").Append(Enc(w.T("เกณฑ์ 85", "pass 85"))).Append("</text>\n");

        // Dates under the axis: at most eight labels, always the first and the last run.
        var every = Math.Max(1, (int)Math.Ceiling(runs.Count / 8.0));
        for (var i = 0; i < runs.Count; i++)
        {
            if (i % every != 0 && i != runs.Count - 1)
            {
                continue;
            }

            var at = ThaiTime.ToBangkok(runs[i].At!.Value);
            h.Append("<text class=\"tick\" x=\"").Append(Coord(X(i))).Append("\" y=\"").Append(Coord(top + plotH + 16)).Append("\" text-anchor=\"middle\">")
                .Append(Enc(at.ToString("d MMM yy", w.Language == ReportLanguage.En ? CultureInfo.InvariantCulture : Thai))).Append("</text><text class=\"tick\" x=\"").Append(Coord(X(i))).Append("\" y=\"").Append(Coord(top + plotH + 30))
                .Append("\" text-anchor=\"middle\">").Append(Enc(at.ToString("HH:mm", CultureInfo.InvariantCulture))).Append(Enc(w.T(" น.", string.Empty))).Append("</text>\n");
        }

        h.Append("<polyline class=\"i9\" points=\"").Append(Line(p => p.Indicator9)).Append("\"/>")
            .Append("<polyline class=\"i10\" points=\"").Append(Line(p => p.Indicator10)).Append("\"/>")
            .Append("<polyline class=\"oit\" points=\"").Append(Line(p => p.Oit)).Append("\"/>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var oit = runs[i].Oit!.Value;
            h.Append("<circle class=\"oit\" cx=\"").Append(Coord(X(i))).Append("\" cy=\"").Append(Coord(Y(oit))).Append("\" r=\"3\"/>");
            if (i % every == 0 || i == runs.Count - 1)
            {
                h.Append("<text class=\"value\" x=\"").Append(Coord(X(i))).Append("\" y=\"").Append(Coord(Y(oit) - 7)).Append("\" text-anchor=\"middle\">").Append(Points(oit)).Append("</text>");
            }

            h.Append('\n');
        }

        var i9 = Enc(w.T("ตัวชี้วัด 9", "indicator 9"));
        var i10 = Enc(w.T("ตัวชี้วัด 10", "indicator 10"));
        h.Append("</svg>\n<p class=\"small\"><span class=\"oit\">━ OIT</span> · <span class=\"i9\">━ ").Append(i9).Append("</span> · <span class=\"i10\">━ ").Append(i10).Append("</span> · ")
            .Append(Enc(w.T("เส้นประ = เกณฑ์ผ่าน 85 คะแนน", "dashed line = the pass mark, 85 points"))).Append("</p>\n")
            .Append("<table>\n<thead><tr><th>").Append(Enc(w.T("ตรวจเมื่อ", "Audited"))).Append("</th><th class=\"num\">OIT</th><th class=\"num\">").Append(i9)
            .Append("</th><th class=\"num\">").Append(i10).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var p in runs)
        {
            h.Append("<tr><td>").Append(Enc(w.Date(p.At!.Value))).Append(' ').Append(BangkokTime(p.At.Value, "HH:mm")).Append(Enc(w.T(" น.", string.Empty))).Append("</td><td class=\"num\">")
                .Append(p.Oit is { } o ? Points(o) : NoScore).Append("</td><td class=\"num\">")
                .Append(p.Indicator9 is { } a ? Points(a) : NoScore).Append("</td><td class=\"num\">")
                .Append(p.Indicator10 is { } b ? Points(b) : NoScore).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n</section>\n");
    }

    private static void YearTable(StringBuilder h, Words w, YearOverYearTable t)
    {
        h.Append("<section id=\"trend\">\n<h2>").Append(w.H("ผลคะแนนเทียบปีก่อน", "Year over year")).Append("</h2>\n");
        if (t.LastYear is null)
        {
            h.Append("<p class=\"small\">").Append(w.H("ยังไม่มีคะแนนของปีก่อน (จากการตรวจครั้งก่อน หรือ pastScores ในไฟล์มาตรการ)", "No earlier scores yet (from earlier runs or pastScores in the measures file).")).Append("</p>\n");
        }

        h.Append("<table class=\"yoy\">\n<thead><tr><th rowspan=\"2\">").Append(Enc(w.T("เครื่องมือ", "Tool"))).Append("</th><th rowspan=\"2\">").Append(Enc(w.T("ตัวชี้วัด", "Indicator")))
            .Append("</th><th colspan=\"").Append(Int(t.Years.Count)).Append("\">").Append(Enc(w.T("ผลคะแนน ประจำปีงบประมาณ", "Score by fiscal year")))
            .Append("</th><th rowspan=\"2\" colspan=\"2\">").Append(Enc(w.T("แนวโน้มการเปลี่ยนแปลง", "Change")));
        if (t.LastYear is { } last)
        {
            h.Append("<br><span class=\"small\">").Append(Int(last)).Append(" → ").Append(Int(t.ThisYear)).Append("</span>");
        }

        h.Append("</th></tr>\n<tr>");
        foreach (var year in t.Years)
        {
            h.Append("<th>").Append(Enc(w.T("พ.ศ. ", "B.E. "))).Append(Int(year)).Append(year == t.ThisYear ? "<br><span class=\"small\">(" + Enc(w.T("ประมาณการ", "estimate")) + ")</span>" : string.Empty).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            h.Append("<tr>");
            if (i == 0 || t.Rows[i - 1].Tool != row.Tool)
            {
                var span = t.Rows.Skip(i).TakeWhile(x => x.Tool == row.Tool).Sum(x => x.Bands.Any(b => b is not null) ? 2 : 1);
                h.Append("<th rowspan=\"").Append(Int(span)).Append("\" class=\"tool\">").Append(Enc(row.Tool)).Append("</th>");
            }

            var label = int.TryParse(row.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"{row.Key}. {row.Name}" : row.Name;
            h.Append("<td>").Append(Enc(label)).Append("</td>");
            foreach (var value in row.Values)
            {
                h.Append("<td class=\"num\">").Append(value is null ? YearOverYear.NotMeasured : Points(value.Value) + (value.Estimated ? "*" : string.Empty)).Append("</td>");
            }

            if (row.Change is { } change)
            {
                h.Append("<td class=\"num\">").Append(YearOverYear.FormatChange(change)).Append("</td><td class=\"trend ").Append(Enc(row.TrendEn)).Append("\">")
                    .Append(Enc(w.T(row.Trend, row.TrendEn))).Append("</td></tr>\n");
            }
            else
            {
                h.Append("<td colspan=\"2\" class=\"none\">—</td></tr>\n");
            }
            if (row.Bands.Any(b => b is not null))
            {
                h.Append("<tr><td>").Append(Enc(w.T("ระดับผลการประเมิน", "Band"))).Append("</td>");
                foreach (var band in row.Bands)
                {
                    h.Append("<td class=\"num\">").Append(Enc(band ?? YearOverYear.NotMeasured)).Append("</td>");
                }

                h.Append("<td colspan=\"2\"></td></tr>\n");
            }
        }

        h.Append("</tbody>\n</table>\n<p class=\"small\">").Append(w.H(
                "* ประมาณการจากการตรวจเว็บไซต์ ไม่ใช่ผลประเมินทางการ · ตัวชี้วัดที่ 1–8 (IIT/EIT) เครื่องมือไม่ได้วัด จึงแสดง \"—\" ในปีนี้",
                "* estimated from the website, not the official result; indicators 1–8 (IIT/EIT) are not measured by the crawler, so this year shows \"—\"."))
            .Append("</p>\n</section>\n");
    }
}
