using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.Gaps;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

/// <summary>
/// report.html: one self-contained Thai page (inline CSS and SVG, no script, no font or image from the
/// network; a Content-Security-Policy forbids it) that prints on A4. Every string that came from the
/// crawled site or a data file is HTML-encoded here and nowhere else; only http(s) URLs become links.
/// </summary>
internal static class HtmlReport
{
    public const string FontStack = "'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif";

    /// <summary>Content-Security-Policy of the page: nothing may load, inline styles only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>The unit group of gaps that no measure covers.</summary>
    public const string NoMeasureGroup = "ไม่มีมาตรการรองรับ";

    /// <summary>ITA's passing score for an indicator; drawn as a tick on the gauges.</summary>
    private const double PassMark = 85;

    // Thai stays readable in the source; < > & " ' and invalid text are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(AuditResult result, IReadOnlyList<TrendPoint> trend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trend);

        var h = new StringBuilder(64 * 1024);
        var agency = result.Agency;
        h.Append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>").Append(E($"ผลตรวจ OIT ITA {result.Year} — {agency}")).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");

        Header(h, result, agency);
        Nav(h);
        Scores(h, result);
        SubIndicators(h, result);
        GapsByUnit(h, result);
        ItemTable(h, result);
        YearTable(h, YearOverYear.Build(result, trend));
        RunTrend(h, result, trend);
        Notes(h, result);
        CrawlSummary(h, result);

        h.Append("<footer>สร้างโดย OitCrawler · คะแนนทั้งหมดเป็นการประมาณการจากสิ่งที่พบบนเว็บไซต์ (ข้อละ 100 หรือ 0 คะแนน) ไม่ใช่ผลการประเมินของสำนักงาน ป.ป.ช. / ")
            .Append("scores are estimates from what was found on the website, not NACC's assessment.</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Header(StringBuilder h, AuditResult r, string agency)
    {
        var finished = r.FinishedAt.ToOffset(TimeSpan.FromHours(7));
        h.Append("<header>\n<p class=\"kicker\">รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) · OIT self-check report</p>\n")
            .Append("<h1>").Append(E(agency)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(r.Measures?.AgencyEn))
        {
            h.Append("<p class=\"en\">").Append(E(r.Measures.AgencyEn)).Append("</p>\n");
        }

        h.Append("<p>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ")
            .Append(I(r.Year)).Append("</p>\n<p class=\"meta\">ตรวจเมื่อ ").Append(E(ThaiYears.FormatThaiDate(r.FinishedAt)))
            .Append(" เวลา ").Append(finished.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(" น. · เว็บไซต์ ");
        Link(h, r.Site, UrlCanonicalizer.Display(r.Site));
        h.Append(" · เกณฑ์ ITA ").Append(I(r.Rules.Year));
        if (r.Rules.Year != r.Year)
        {
            h.Append(" <strong class=\"warn\">(ยังไม่มีเกณฑ์ปี ").Append(I(r.Year)).Append(" จึงใช้เกณฑ์ปี ").Append(I(r.Rules.Year)).Append(")</strong>");
        }

        h.Append("</p>\n");
        if (r.Evidence.Outcome == CrawlOutcome.Unreachable)
        {
            h.Append("<p class=\"banner\">เข้าถึงเว็บไซต์ไม่ได้: ทุกข้อเป็น \"เข้าถึงไม่ได้\" ไม่ใช่ \"ไม่ผ่าน\" / the site was unreachable: ")
                .Append(E(r.Evidence.OutcomeReason)).Append("</p>\n");
        }
        else if (!r.Evidence.IsComplete)
        {
            h.Append("<p class=\"banner\">การเก็บข้อมูลไม่ครบ (").Append(E(OutcomeTh(r.Evidence.Outcome))).Append(") ผลตรวจอาจขาดบางข้อ / the crawl was cut short: ")
                .Append(E(r.Evidence.OutcomeReason)).Append("</p>\n");
        }

        h.Append("</header>\n");
    }

    private static void Nav(StringBuilder h) => h.Append(
        "<nav><a href=\"#scores\">คะแนน</a><a href=\"#subindicators\">ตัวชี้วัดย่อย</a><a href=\"#gaps\">สิ่งที่ต้องแก้ไข</a>" +
        "<a href=\"#items\">ผลตรวจรายข้อ</a><a href=\"#trend\">เทียบปีก่อน</a><a href=\"#crawl\">การเก็บข้อมูล</a></nav>\n");

    private static void Scores(StringBuilder h, AuditResult r)
    {
        var passed = r.Items.Count(i => i.Status == ItemStatus.Pass);
        h.Append("<section id=\"scores\">\n<h2>คะแนนประมาณการ <span class=\"en\">Estimated scores</span></h2>\n<div class=\"cards\">\n");
        Gauge(h, "OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ", r.Score.Oit);
        Gauge(h, "ตัวชี้วัดที่ 9", IndicatorName(r, "9") ?? "การเปิดเผยข้อมูล", r.Score.Indicator9);
        Gauge(h, "ตัวชี้วัดที่ 10", IndicatorName(r, "10") ?? "การป้องกันการทุจริต", r.Score.Indicator10);
        if (r.Score.Projection is { } p)
        {
            Gauge(h, "ITA รวม (ประมาณการ)", $"ระดับ {p.Band}{(p.BandEn is null ? string.Empty : " / " + p.BandEn)}", p.Total);
        }

        h.Append("</div>\n<p>ผ่าน <strong>").Append(I(passed)).Append("</strong> จาก ").Append(I(r.Items.Count)).Append(" ข้อ");
        foreach (var group in r.Items.Where(i => i.Status != ItemStatus.Pass).GroupBy(i => i.Status).OrderBy(g => g.Key))
        {
            h.Append(" · ").Append(E(ItemStatusText.Th(group.Key))).Append(' ').Append(I(group.Count()));
        }

        h.Append("</p>\n");
        if (r.Score.Projection is { } q)
        {
            h.Append("<p class=\"small\">คะแนนรวมประมาณการจาก IIT ").Append(F(q.Iit)).Append(", EIT ").Append(F(q.Eit))
                .Append(" (ที่กำหนดไว้ในการตั้งค่า) และ OIT ").Append(F(q.Oit)).Append(" ที่ประมาณการจากเว็บไซต์</p>\n");
        }

        h.Append("</section>\n");
    }

    private static void Gauge(StringBuilder h, string label, string caption, double value)
    {
        var v = Math.Clamp(value, 0, 100);
        h.Append("<figure class=\"card gauge\">\n<svg viewBox=\"0 0 200 116\" width=\"200\" height=\"116\" role=\"img\" aria-label=\"")
            .Append(E(label)).Append(' ').Append(F(value)).Append("\">\n")
            .Append("<path d=\"M 20 100 A 80 80 0 0 1 180 100\" fill=\"none\" stroke=\"#e3e6ea\" stroke-width=\"18\"/>\n");
        if (v > 0)
        {
            var (x, y) = Polar(v, 80);
            h.Append("<path d=\"M 20 100 A 80 80 0 0 1 ").Append(N(x)).Append(' ').Append(N(y))
                .Append("\" fill=\"none\" stroke=\"").Append(ScoreColor(value)).Append("\" stroke-width=\"18\"/>\n");
        }

        var (x1, y1) = Polar(PassMark, 68);
        var (x2, y2) = Polar(PassMark, 92);
        h.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"#333\" stroke-width=\"2\"><title>เกณฑ์ผ่าน 85 คะแนน</title></line>\n")
            .Append("<text x=\"100\" y=\"96\" text-anchor=\"middle\" font-size=\"30\" font-weight=\"700\" fill=\"#222\">").Append(F(value)).Append("</text>\n")
            .Append("</svg>\n<figcaption><strong>").Append(E(label)).Append("</strong><br>").Append(E(caption)).Append("</figcaption>\n</figure>\n");
    }

    // A point on the gauge's half circle (centre 100,100): 0 at the left end, 100 at the right.
    private static (double X, double Y) Polar(double value, double radius)
    {
        var angle = Math.PI * (1 - (value / 100));
        return (100 + (radius * Math.Cos(angle)), 100 - (radius * Math.Sin(angle)));
    }

    private static void SubIndicators(StringBuilder h, AuditResult r)
    {
        h.Append("<section id=\"subindicators\">\n<h2>ตัวชี้วัดย่อย <span class=\"en\">Sub-indicators: share of items passed</span></h2>\n<div class=\"cards subs\">\n");
        foreach (var sub in r.Score.Indicators.SelectMany(i => i.SubIndicators))
        {
            var items = r.Items.Where(i => i.Rule.SubIndicator == sub.Id).ToList();
            const int perRow = 7;
            var rows = Math.Max(1, (items.Count + perRow - 1) / perRow);
            var height = 34 + (rows * 26);
            h.Append("<figure class=\"card sub\">\n<figcaption><strong>").Append(E(sub.Id)).Append("</strong> ").Append(E(sub.Name))
                .Append("<br><span class=\"small\">ผ่าน ").Append(I(sub.Passed)).Append(" จาก ").Append(I(sub.Total)).Append(" ข้อ · ")
                .Append(F(sub.Score)).Append(" คะแนน</span></figcaption>\n")
                .Append("<svg viewBox=\"0 0 300 ").Append(I(height)).Append("\" width=\"300\" height=\"").Append(I(height))
                .Append("\" role=\"img\" aria-label=\"").Append(E(sub.Id)).Append(' ').Append(F(sub.Score)).Append("\">\n")
                .Append("<rect x=\"0\" y=\"4\" width=\"250\" height=\"18\" rx=\"3\" fill=\"#e3e6ea\"/>\n");
            if (sub.Score > 0)
            {
                h.Append("<rect x=\"0\" y=\"4\" width=\"").Append(N(2.5 * Math.Clamp(sub.Score, 0, 100))).Append("\" height=\"18\" rx=\"3\" fill=\"")
                    .Append(ScoreColor(sub.Score)).Append("\"/>\n");
            }

            h.Append("<line x1=\"").Append(N(2.5 * PassMark)).Append("\" y1=\"0\" x2=\"").Append(N(2.5 * PassMark)).Append("\" y2=\"26\" stroke=\"#333\" stroke-width=\"1.5\"/>\n")
                .Append("<text x=\"258\" y=\"19\" font-size=\"14\" font-weight=\"700\" fill=\"#222\">").Append(I((int)Math.Round(sub.Score))).Append("%</text>\n");
            for (var k = 0; k < items.Count; k++)
            {
                var item = items[k];
                var x = (k % perRow) * 42;
                var y = 34 + ((k / perRow) * 26);
                h.Append("<g><title>").Append(E($"{item.Rule.Code} {item.Rule.Title}: {ItemStatusText.Th(item.Status)}")).Append("</title>")
                    .Append("<rect x=\"").Append(I(x)).Append("\" y=\"").Append(I(y)).Append("\" width=\"38\" height=\"22\" rx=\"4\" fill=\"")
                    .Append(StatusColor(item.Status)).Append("\"/>")
                    .Append("<text x=\"").Append(I(x + 19)).Append("\" y=\"").Append(I(y + 16)).Append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">")
                    .Append(E(item.Rule.Code)).Append("</text></g>\n");
            }

            h.Append("</svg>\n</figure>\n");
        }

        h.Append("</div>\n<p class=\"legend\">");
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            h.Append("<span class=\"badge\" style=\"background:").Append(StatusColor(status)).Append("\">").Append(E(ItemStatusText.Th(status)))
                .Append("</span> ");
        }

        h.Append("<span class=\"small\">เส้นตั้ง = เกณฑ์ 85 คะแนน</span></p>\n</section>\n");
    }

    private static void GapsByUnit(StringBuilder h, AuditResult r)
    {
        h.Append("<section id=\"gaps\">\n<h2>สิ่งที่ต้องแก้ไข แยกตามหน่วยงาน <span class=\"en\">Gaps by responsible unit</span></h2>\n");
        if (r.Gaps.Count == 0)
        {
            h.Append("<p>ไม่พบข้อที่ต้องแก้ไข / no gaps.</p>\n</section>\n");
            return;
        }

        // Each unit's own list at a glance; below, each gap once, under the units that share it.
        h.Append("<table class=\"units\">\n<thead><tr><th>หน่วยงาน</th><th class=\"num\">ข้อ</th><th>รายการที่ต้องแก้ไข</th><th class=\"num\">คะแนนที่เสี่ยงเสีย</th></tr></thead>\n<tbody>\n");
        foreach (var (unit, gaps) in GapsPerUnit(r))
        {
            h.Append("<tr><td>").Append(E(unit.Name));
            if (!string.IsNullOrWhiteSpace(unit.Email))
            {
                h.Append("<div class=\"small\">").Append(E(unit.Email)).Append("</div>");
            }

            var codes = gaps.Select(g => g.Item.Rule).OrderBy(rule => r.Rules.Items.ToList().IndexOf(rule)).Select(rule => rule.Code);
            h.Append("</td><td class=\"num\">").Append(I(gaps.Count)).Append("</td><td>").Append(E(string.Join(", ", codes)))
                .Append("</td><td class=\"num\">").Append(F(gaps.Sum(g => g.PointsAtStake))).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        foreach (var (title, gaps) in GroupGaps(r))
        {
            h.Append("<h3>").Append(E(title)).Append(" <span class=\"small\">").Append(I(gaps.Count)).Append(" ข้อ · คะแนนที่เสี่ยงเสียรวม ")
                .Append(F(gaps.Sum(g => g.PointsAtStake))).Append("</span></h3>\n")
                .Append("<table class=\"gaps\">\n<colgroup><col style=\"width:8%\"><col style=\"width:46%\"><col style=\"width:12%\"><col style=\"width:34%\"></colgroup>\n<thead><tr><th class=\"code\">ข้อ</th><th>รายการ / สิ่งที่ต้องทำ / เหตุผล</th><th class=\"status\">ผลตรวจ</th><th>หลักฐานที่พบ / มาตรการ</th></tr></thead>\n<tbody>\n");
            foreach (var gap in gaps)
            {
                var item = gap.Item;
                h.Append("<tr><td class=\"code\"><strong>").Append(E(item.Rule.Code)).Append("</strong><br><span class=\"small\">")
                    .Append(F(gap.PointsAtStake)).Append(" คะแนน</span></td>\n<td><strong>").Append(E(item.Rule.Title)).Append("</strong>")
                    .Append("<div class=\"action\">").Append(E(gap.Action)).Append("</div>");
                if (!string.IsNullOrWhiteSpace(gap.ActionEn))
                {
                    h.Append("<div class=\"en\">").Append(E(gap.ActionEn)).Append("</div>");
                }

                Reasons(h, item);
                h.Append("</td>\n<td class=\"status\">");
                Status(h, item.Status);
                h.Append("</td>\n<td>");
                EvidenceList(h, r, item);
                foreach (var m in gap.Measures)
                {
                    h.Append("<div class=\"measure\">ประเด็นที่ ").Append(I(m.IssueNumber)).Append(' ').Append(E(m.IssueTitle))
                        .Append(" · กิจกรรม ").Append(E(m.ActivityId)).Append(' ').Append(E(m.ActivityTitle));
                    if (gap.Measures.Count > 1)
                    {
                        h.Append(" (").Append(E(string.Join(", ", m.Units.Select(u => u.Name)))).Append(')');
                    }

                    h.Append("</div>");
                }

                h.Append("</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        h.Append("</section>\n");
    }

    /// <summary>Every unit that owns a gap, in the measures file's order, with its gaps.</summary>
    internal static IReadOnlyList<(Unit Unit, IReadOnlyList<Gap> Gaps)> GapsPerUnit(AuditResult r) =>
        Units(r)
            .Select(u => (u, (IReadOnlyList<Gap>)r.Gaps.Where(g => g.Units.Any(x => x.Id == u.Id)).ToList()))
            .Where(x => x.Item2.Count > 0)
            .ToList();

    /// <summary>
    /// Each gap once, grouped by the set of units that own it (a measure often names every division),
    /// in the measures file's order; then gaps whose measure names no unit; then gaps no measure covers.
    /// </summary>
    internal static IReadOnlyList<(string Title, IReadOnlyList<Gap> Gaps)> GroupGaps(AuditResult r)
    {
        var order = Units(r).Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var owned = r.Gaps
            .Where(g => g.Units.Count > 0)
            .GroupBy(g => string.Join('\n', g.Units.Select(u => u.Id).OrderBy(id => order[id])), StringComparer.Ordinal)
            .Select(grp =>
            {
                var units = grp.First().Units.OrderBy(u => order[u.Id]).ToList();
                return (Units: units, Gaps: (IReadOnlyList<Gap>)grp.ToList());
            })
            .OrderBy(x => x.Units.Count)
            .ThenBy(x => order[x.Units[0].Id])
            .Select(x => (string.Join(" · ", x.Units.Select(u => u.Name)), x.Gaps))
            .ToList();

        var unowned = r.Gaps.Where(g => g.HasMeasure && g.Units.Count == 0).ToList();
        if (unowned.Count > 0)
        {
            owned.Add(("มีมาตรการแต่ไม่ระบุหน่วยงาน", unowned));
        }

        var uncovered = r.Gaps.Where(g => !g.HasMeasure).ToList();
        if (uncovered.Count > 0)
        {
            owned.Add((NoMeasureGroup, uncovered));
        }

        return owned;
    }

    private static List<Unit> Units(AuditResult r) => (r.Measures?.Units ?? []).Concat(r.Gaps.SelectMany(g => g.Units)).DistinctBy(u => u.Id).ToList();

    private static void ItemTable(StringBuilder h, AuditResult r)
    {
        h.Append("<section id=\"items\">\n<h2>ผลตรวจรายข้อ <span class=\"en\">Every item, with its evidence</span></h2>\n")
            .Append("<table class=\"items\">\n<colgroup><col style=\"width:7%\"><col style=\"width:22%\"><col style=\"width:12%\"><col style=\"width:31%\"><col style=\"width:28%\"></colgroup>\n<thead><tr><th class=\"code\">ข้อ</th><th>รายการ</th><th class=\"status\">ผลตรวจ</th><th>หลักฐาน (URL และเส้นทางคลิกจากหน้าแรก)</th><th>เหตุผล</th></tr></thead>\n");
        foreach (var group in r.Items.GroupBy(i => i.Rule.SubIndicator))
        {
            var name = r.Score.Indicators.SelectMany(i => i.SubIndicators).FirstOrDefault(s => s.Id == group.Key)?.Name;
            h.Append("<tbody>\n<tr class=\"group\"><th colspan=\"5\">ตัวชี้วัดย่อยที่ ").Append(E(group.Key)).Append(' ').Append(E(name)).Append("</th></tr>\n");
            foreach (var item in group)
            {
                h.Append("<tr><td class=\"code\"><strong>").Append(E(item.Rule.Code)).Append("</strong></td><td>").Append(E(item.Rule.Title));
                if (!string.IsNullOrWhiteSpace(item.Rule.TitleEn))
                {
                    h.Append("<div class=\"en\">").Append(E(item.Rule.TitleEn)).Append("</div>");
                }

                h.Append("</td><td class=\"status\">");
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

    // The nightly trend: OIT and indicators 9 and 10 of each earlier complete run and this one, as a
    // line chart (inline SVG) and a table. Shown only when there are earlier runs.
    private static void RunTrend(StringBuilder h, AuditResult result, IReadOnlyList<TrendPoint> trend)
    {
        var runs = trend.Where(p => p.At is not null && !p.FromPastScores && p.Oit is not null).OrderBy(p => p.At).TakeLast(30).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        runs.Add(new TrendPoint(result.Year, result.StartedAt, result.Score.Oit, result.Score.Indicator9, result.Score.Indicator10, FromPastScores: false));
        const double width = 640, height = 160, pad = 24;
        var step = runs.Count > 1 ? (width - (2 * pad)) / (runs.Count - 1) : 0;
        string Line(Func<TrendPoint, double?> value) => string.Join(' ', runs.Select((p, i) =>
            FormattableString.Invariant($"{pad + (i * step):0.#},{pad + ((100 - (value(p) ?? 0)) / 100 * (height - (2 * pad))):0.#}")));

        h.Append("<section id=\"runs\">\n<h2>แนวโน้มจากการตรวจแต่ละครั้ง <span class=\"en\">Trend across runs</span></h2>\n")
            .Append(FormattableString.Invariant($"<svg class=\"runtrend\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"แนวโน้มคะแนน OIT ตัวชี้วัด 9 และ 10\">"))
            .Append(FormattableString.Invariant($"<line x1=\"{pad}\" x2=\"{width - pad}\" y1=\"{pad + (15.0 / 100 * (height - (2 * pad))):0.#}\" y2=\"{pad + (15.0 / 100 * (height - (2 * pad))):0.#}\" class=\"mark\"/>"))
            .Append("<polyline class=\"oit\" points=\"").Append(Line(p => p.Oit)).Append("\"/>")
            .Append("<polyline class=\"i9\" points=\"").Append(Line(p => p.Indicator9)).Append("\"/>")
            .Append("<polyline class=\"i10\" points=\"").Append(Line(p => p.Indicator10)).Append("\"/>")
            .Append("</svg>\n<p class=\"small\"><span class=\"oit\">━ OIT</span> · <span class=\"i9\">━ ตัวชี้วัด 9</span> · <span class=\"i10\">━ ตัวชี้วัด 10</span> · เส้นประ = 85</p>\n")
            .Append("<table>\n<thead><tr><th>ตรวจเมื่อ</th><th>OIT</th><th>ตัวชี้วัด 9</th><th>ตัวชี้วัด 10</th></tr></thead>\n<tbody>\n");
        foreach (var p in runs.AsEnumerable().Reverse())
        {
            h.Append("<tr><td>").Append(E(ThaiYears.FormatThaiDate(p.At!.Value))).Append("</td><td class=\"num\">")
                .Append(E(FormattableString.Invariant($"{p.Oit:0.00}"))).Append("</td><td class=\"num\">")
                .Append(E(FormattableString.Invariant($"{p.Indicator9:0.00}"))).Append("</td><td class=\"num\">")
                .Append(E(FormattableString.Invariant($"{p.Indicator10:0.00}"))).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n</section>\n");
    }

    private static void YearTable(StringBuilder h, YearOverYearTable t)
    {
        h.Append("<section id=\"trend\">\n<h2>ผลคะแนนเทียบปีก่อน <span class=\"en\">Year over year</span></h2>\n");
        if (t.LastYear is null)
        {
            h.Append("<p class=\"small\">ยังไม่มีคะแนนของปีก่อน (จากการตรวจครั้งก่อน หรือ pastScores ในไฟล์มาตรการ) / no earlier scores yet.</p>\n");
        }

        h.Append("<table class=\"yoy\">\n<thead><tr><th rowspan=\"2\">เครื่องมือ</th><th rowspan=\"2\">ตัวชี้วัด</th><th colspan=\"")
            .Append(I(t.Years.Count)).Append("\">ผลคะแนน ประจำปีงบประมาณ</th><th rowspan=\"2\" colspan=\"2\">แนวโน้มการเปลี่ยนแปลง");
        if (t.LastYear is { } last)
        {
            h.Append("<br><span class=\"small\">").Append(I(last)).Append(" → ").Append(I(t.ThisYear)).Append("</span>");
        }

        h.Append("</th></tr>\n<tr>");
        foreach (var year in t.Years)
        {
            h.Append("<th>พ.ศ. ").Append(I(year)).Append(year == t.ThisYear ? "<br><span class=\"small\">(ประมาณการ)</span>" : string.Empty).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            h.Append("<tr>");
            if (i == 0 || t.Rows[i - 1].Tool != row.Tool)
            {
                var span = t.Rows.Skip(i).TakeWhile(x => x.Tool == row.Tool).Sum(x => x.Bands.Any(b => b is not null) ? 2 : 1);
                h.Append("<th rowspan=\"").Append(I(span)).Append("\" class=\"tool\">").Append(E(row.Tool)).Append("</th>");
            }

            var label = int.TryParse(row.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"{row.Key}. {row.Name}" : row.Name;
            h.Append("<td>").Append(E(label)).Append("</td>");
            foreach (var value in row.Values)
            {
                h.Append("<td class=\"num\">").Append(value is null ? YearOverYear.NotMeasured : F(value.Value) + (value.Estimated ? "*" : string.Empty)).Append("</td>");
            }

            if (row.Change is { } change)
            {
                h.Append("<td class=\"num\">").Append(YearOverYear.FormatChange(change)).Append("</td><td class=\"trend ").Append(E(row.TrendEn)).Append("\">")
                    .Append(E(row.Trend)).Append("</td></tr>\n");
            }
            else
            {
                h.Append("<td colspan=\"2\" class=\"none\">—</td></tr>\n");
            }
            if (row.Bands.Any(b => b is not null))
            {
                h.Append("<tr><td>ระดับผลการประเมิน</td>");
                foreach (var band in row.Bands)
                {
                    h.Append("<td class=\"num\">").Append(E(band ?? YearOverYear.NotMeasured)).Append("</td>");
                }

                h.Append("<td colspan=\"2\"></td></tr>\n");
            }
        }

        h.Append("</tbody>\n</table>\n<p class=\"small\">* ประมาณการจากการตรวจเว็บไซต์ ไม่ใช่ผลประเมินทางการ · ")
            .Append("ตัวชี้วัดที่ 1–8 (IIT/EIT) เครื่องมือไม่ได้วัด จึงแสดง \"—\" ในปีนี้ / * estimated from the website; indicators 1–8 are not measured by the crawler.</p>\n</section>\n");
    }

    private static void Notes(StringBuilder h, AuditResult r)
    {
        if (r.Notes.Count == 0)
        {
            return;
        }

        h.Append("<section id=\"notes\">\n<h2>หมายเหตุ <span class=\"en\">Notes</span></h2>\n<ul>\n");
        foreach (var note in r.Notes)
        {
            h.Append("<li>").Append(E(note)).Append("</li>\n");
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
        Link(h, r.Site, UrlCanonicalizer.Display(r.Site));
        if (e.Home?.Title is { Length: > 0 } homeTitle)
        {
            h.Append(" — ").Append(E(homeTitle));
        }

        h.Append("</td></tr>\n<tr><th>ผลการเก็บข้อมูล</th><td>").Append(E(OutcomeTh(e.Outcome))).Append(" (").Append(E(e.Outcome.ToString())).Append(')');
        if (!string.IsNullOrWhiteSpace(e.OutcomeReason))
        {
            h.Append(": ").Append(E(e.OutcomeReason));
        }

        h.Append("</td></tr>\n<tr><th>เริ่ม – เสร็จ</th><td>").Append(E(ThaiYears.FormatThaiDate(r.StartedAt))).Append(' ')
            .Append(r.StartedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" – ")
            .Append(r.FinishedAt.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" น. (")
            .Append(elapsed.TotalMinutes >= 1 ? $"{I((int)elapsed.TotalMinutes)} นาที {I(elapsed.Seconds)} วินาที" : $"{I((int)Math.Ceiling(elapsed.TotalSeconds))} วินาที")
            .Append(")</td></tr>\n<tr><th>หน้าเว็บที่อ่าน</th><td>").Append(I(e.Pages.Count)).Append(" หน้า</td></tr>\n")
            .Append("<tr><th>เอกสาร</th><td>").Append(I(e.Documents.Count)).Append(" ไฟล์");
        var scanned = e.Documents.Count(d => d.Scanned);
        if (scanned > 0)
        {
            h.Append(" (เป็นภาพสแกน ").Append(I(scanned)).Append(" ไฟล์)");
        }

        h.Append("</td></tr>\n<tr><th>ผิดพลาด</th><td>").Append(I(errors)).Append(" URL</td></tr>\n<tr><th>ข้าม</th><td>").Append(I(e.Skipped.Count)).Append(" URL");
        var reasons = e.Skipped.GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}").ToList();
        if (reasons.Count > 0)
        {
            h.Append(" (").Append(E(string.Join(", ", reasons))).Append(')');
        }

        h.Append("</td></tr>\n<tr><th>เกณฑ์</th><td>").Append(E(r.Rules.Name)).Append(" (ITA ").Append(I(r.Rules.Year)).Append(')')
            .Append("</td></tr>\n</table>\n</section>\n");
    }

    private static void EvidenceList(StringBuilder h, AuditResult r, ItemResult item)
    {
        if (item.Evidence.Count == 0)
        {
            h.Append("<span class=\"small\">ไม่พบ</span>");
            return;
        }

        foreach (var ev in item.Evidence)
        {
            h.Append("<div class=\"ev\">");
            Link(h, ev.Url, UrlCanonicalizer.Display(ev.Url));
            if (ev.ClickPath.Count > 0)
            {
                h.Append("<div class=\"path\">").Append(E(ClickPathText(ev.ClickPath, " › "))).Append("</div>");
            }
            else if (!string.IsNullOrWhiteSpace(ev.LinkText))
            {
                h.Append("<div class=\"path\">ลิงก์ \"").Append(E(ev.LinkText)).Append("\"</div>");
            }

            if (ev.Url.IsAbsoluteUri && r.Evidence.Page(ev.Url)?.Title is { Length: > 0 } title)
            {
                h.Append("<div class=\"small\">ชื่อหน้า: ").Append(E(title)).Append("</div>");
            }

            if (ev.FoundOn is { } foundOn)
            {
                h.Append("<div class=\"small\">พบที่: ");
                Link(h, foundOn, r.Evidence.Page(foundOn)?.Title is { Length: > 0 } t ? t : UrlCanonicalizer.Display(foundOn));
                h.Append("</div>");
            }

            h.Append("</div>");
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
            h.Append("<li>").Append(E(reason.Th)).Append("<div class=\"en\">").Append(E(reason.En)).Append("</div></li>");
        }

        h.Append("</ul>");
    }

    private static void Status(StringBuilder h, ItemStatus status) =>
        h.Append("<span class=\"badge\" style=\"background:").Append(StatusColor(status)).Append("\">").Append(E(ItemStatusText.Th(status)))
            .Append("</span><div class=\"en\">").Append(E(ItemStatusText.En(status))).Append("</div>");

    /// <summary>An anchor for http(s) URLs only; anything else (javascript:, data:, file:) is shown as text.</summary>
    private static void Link(StringBuilder h, Uri url, string text)
    {
        if (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            h.Append("<a href=\"").Append(E(url.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">").Append(E(text)).Append("</a>");
        }
        else
        {
            h.Append("<span class=\"nolink\">").Append(E(text)).Append("</span>");
        }
    }

    /// <summary>"หน้าแรก › เมนู › ลิงก์": the link texts clicked from the home page, whitespace folded.</summary>
    internal static string ClickPathText(IReadOnlyList<string> steps, string separator) =>
        string.Join(separator, steps.Select(ThaiText.Fold).Where(s => s.Length > 0).Prepend("หน้าแรก"));

    private static string? IndicatorName(AuditResult r, string id) => r.Score.Indicators.FirstOrDefault(i => i.Id == id)?.Name is { Length: > 0 } n ? n : null;

    private static string OutcomeTh(CrawlOutcome outcome) => outcome switch
    {
        CrawlOutcome.Completed => "ครบถ้วน",
        CrawlOutcome.BudgetExhausted => "ถึงจำนวนหน้าสูงสุดที่กำหนด",
        CrawlOutcome.HostFailing => "เว็บไซต์หยุดตอบระหว่างตรวจ",
        CrawlOutcome.Unreachable => "เข้าถึงเว็บไซต์ไม่ได้",
        CrawlOutcome.Cancelled => "ถูกยกเลิก",
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

    private static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private const string Css = """

        :root { --ink: #1f2328; --muted: #5b6470; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5394; }
        * { box-sizing: border-box; }
        html { font-family: 'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif; color: var(--ink); background: #fff; }
        body { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; font-size: 15px; line-height: 1.6; }
        h1 { font-size: 28px; margin: 4px 0; line-height: 1.3; }
        h2 { font-size: 21px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
        h3 { font-size: 17px; margin: 20px 0 6px; }
        header p { margin: 2px 0; }
        a { color: var(--accent); }
        .kicker { color: var(--muted); font-size: 14px; letter-spacing: .02em; }
        .meta { color: var(--muted); }
        .en { color: var(--muted); font-size: 12.5px; }
        h2 .en { font-size: 14px; font-weight: 400; }
        .small { color: var(--muted); font-size: 13px; font-weight: 400; }
        .warn { color: #b00020; }
        .banner { background: #fff4e5; border-left: 4px solid #ef6c00; padding: 8px 12px; margin-top: 10px; }
        nav { margin: 14px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 14px; }
        nav a { text-decoration: none; border-bottom: 1px dotted var(--accent); }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 0; background: #fff; break-inside: avoid; page-break-inside: avoid; }
        .gauge { width: 232px; text-align: center; }
        .gauge figcaption { font-size: 14px; line-height: 1.4; }
        .sub { width: 340px; }
        .sub figcaption { margin-bottom: 6px; line-height: 1.4; }
        svg text { font-family: 'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif; }
        .legend { margin-top: 10px; }
        .badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 7px; font-size: 13px; white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
        th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; }
        thead th { background: var(--soft); font-weight: 600; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        tr.group th { background: #eaf1f8; color: var(--accent); }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .yoy th { text-align: center; }
        .yoy th.tool { background: var(--soft); }
        .trend.up { color: #2e7d32; font-weight: 600; }
        svg.runtrend { width: 100%; max-width: 640px; height: auto; }
        svg.runtrend polyline { fill: none; stroke-width: 2; }
        svg.runtrend .mark { stroke: #999; stroke-dasharray: 4 3; }
        polyline.oit { stroke: #1565c0; } polyline.i9 { stroke: #2e7d32; } polyline.i10 { stroke: #ef6c00; }
        span.oit { color: #1565c0; } span.i9 { color: #2e7d32; } span.i10 { color: #ef6c00; }
        .trend.down { color: #c62828; font-weight: 600; }
        .kv th { width: 170px; background: var(--soft); }
        td.none { text-align: center; color: var(--muted); }
        table.units { width: auto; min-width: 60%; }
        table.units th.num { text-align: right; }
        table.items, table.gaps { table-layout: fixed; }
        td { overflow-wrap: anywhere; }
        .ev { margin-bottom: 6px; overflow-wrap: anywhere; }
        .ev a { word-break: break-all; }
        .path { font-size: 13px; }
        .action { margin-top: 2px; }
        .measure { font-size: 13px; margin-top: 4px; padding-top: 4px; border-top: 1px dashed var(--line); }
        .nolink { color: var(--muted); word-break: break-all; }
        ul.reasons { margin: 4px 0 0; padding-left: 18px; }
        footer { margin-top: 30px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 8px; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          .cards { gap: 2%; row-gap: 8px; }
          .gauge { width: 23.5%; padding: 6px; }
          .gauge svg { width: 100%; height: auto; }
          .gauge figcaption { font-size: 9pt; }
          .sub { width: 49%; }
          .sub svg { width: 100%; height: auto; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          .card { border-color: #999; }
          section { break-inside: auto; }
          thead th, .badge, tr.group th, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .badge { white-space: normal; }
        }

        """;
}
