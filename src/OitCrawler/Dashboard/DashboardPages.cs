using System.Globalization;
using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Gaps;
using OitCrawler.History;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Dashboard;

/// <summary>
/// The dashboard's pages, rendered on the server as one Thai HTML string each: no script, one
/// stylesheet from /assets, SVG charts. Every string that came from a crawled site or the history
/// (titles, link texts, reasons, URLs, notes) is HTML-encoded here; only http(s) URLs become links.
/// </summary>
internal static class DashboardPages
{
    public const string StylesheetPath = "/assets/dashboard.css";

    private const double PassMark = 85;



    public static string Overview(Overview o)
    {
        var h = new StringBuilder(32 * 1024);
        var agency = AgencyOf(o.Current, o.Site);
        Open(h, "ภาพรวม", "/", o.Site);
        h.Append("<h1>").Append(E(agency)).Append("</h1>\n<p class=\"meta\">เว็บไซต์ ");
        Link(h, o.Site, UrlCanonicalizer.Display(o.Site));
        if (o.Latest is { } latest)
        {
            h.Append(" · ตรวจล่าสุด ").Append(E(When(latest.StartedAt))).Append(" (");
            State(h, latest);
            h.Append(')');
        }

        if (o.NextAudit is { } next)
        {
            h.Append(" · ตรวจครั้งถัดไป ").Append(E(When(next)));
        }

        h.Append("</p>\n");
        if (o.Current is not { } current)
        {
            h.Append("<p>ยังไม่มีการตรวจที่เสร็จสมบูรณ์ของเว็บไซต์นี้ / no complete run yet.</p>\n");
            return Close(h);
        }

        var run = current.Run;
        h.Append("<section aria-labelledby=\"scores\">\n<h2 id=\"scores\">คะแนนจากการตรวจล่าสุด <span class=\"en\">Latest scores</span></h2>\n<p class=\"small\">การตรวจเมื่อ ")
            .Append(E(When(run.StartedAt))).Append(" · <a href=\"").Append(E(RunHref(run.RunId))).Append("\">รายละเอียดการตรวจ</a> · <a href=\"")
            .Append(E(FileHref(run.RunId, "report.html"))).Append("\">รายงานฉบับเต็ม</a></p>\n<div class=\"cards\">\n");
        Score(h, "OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ", run.Oit, o.Previous?.Run.Oit);
        Score(h, "ตัวชี้วัดที่ 9", "การเปิดเผยข้อมูล", run.Indicator9, o.Previous?.Run.Indicator9);
        Score(h, "ตัวชี้วัดที่ 10", "การป้องกันการทุจริต", run.Indicator10, o.Previous?.Run.Indicator10);
        if (current.Score?.Projection is { } p)
        {
            Score(h, "ITA รวม (ประมาณการ)", $"ระดับ {p.Band}{(p.BandEn is null ? string.Empty : " / " + p.BandEn)}", p.Total, null);
        }

        h.Append("</div>\n");
        var passed = current.Items.Count(i => i.Status == ItemStatus.Pass);
        h.Append("<p>ผ่าน <strong>").Append(I(passed)).Append("</strong> จาก ").Append(I(current.Items.Count)).Append(" ข้อ</p>\n</section>\n");

        Trend(h, o.Complete);
        UnitsSummary(h, o);
        return Close(h);
    }

    public static string Runs(Uri? site, IReadOnlyList<RunSummary> runs)
    {
        var h = new StringBuilder(32 * 1024);
        Open(h, "การตรวจ", "/runs", site);
        h.Append("<h1>การตรวจทั้งหมด <span class=\"en\">Runs</span></h1>\n");
        if (site is not null)
        {
            h.Append("<p class=\"meta\">เว็บไซต์ ");
            Link(h, site, UrlCanonicalizer.Display(site));
            h.Append(" · ").Append(I(runs.Count)).Append(" ครั้ง ล่าสุดก่อน</p>\n");
        }

        if (runs.Count == 0)
        {
            h.Append("<p>ยังไม่มีการตรวจ / no runs yet.</p>\n");
            return Close(h);
        }

        h.Append("<table>\n<caption>การตรวจแต่ละครั้ง สถานะ ผล และคะแนน</caption>\n<thead><tr><th scope=\"col\">เริ่มตรวจ</th><th scope=\"col\">สถานะ</th><th scope=\"col\">ผลการเก็บข้อมูล</th>")
            .Append("<th scope=\"col\" class=\"num\">หน้า</th><th scope=\"col\" class=\"num\">เอกสาร</th><th scope=\"col\" class=\"num\">OIT</th><th scope=\"col\" class=\"num\">ตัวชี้วัด 9</th><th scope=\"col\" class=\"num\">ตัวชี้วัด 10</th><th scope=\"col\">หมายเหตุ</th><th scope=\"col\">รายงาน</th></tr></thead>\n<tbody>\n");
        foreach (var r in runs)
        {
            h.Append("<tr><td><a href=\"").Append(E(RunHref(r.RunId))).Append("\">").Append(E(When(r.StartedAt))).Append("</a><div class=\"small\">")
                .Append(E(r.RunId)).Append(" · ").Append(E(TriggerTh(r.Trigger))).Append("</div></td><td>");
            State(h, r);
            h.Append("</td><td>").Append(E(r.Outcome ?? "—"));
            if (!string.IsNullOrWhiteSpace(r.OutcomeReason))
            {
                h.Append("<div class=\"small\">").Append(E(r.OutcomeReason)).Append("</div>");
            }

            h.Append("</td><td class=\"num\">").Append(I(r.Pages)).Append("</td><td class=\"num\">").Append(I(r.Documents)).Append("</td><td class=\"num\">")
                .Append(F(r.Oit)).Append("</td><td class=\"num\">").Append(F(r.Indicator9)).Append("</td><td class=\"num\">").Append(F(r.Indicator10)).Append("</td><td>")
                .Append(r.Notes is { Length: > 0 } notes ? E(notes).Replace("\n", "<br>", StringComparison.Ordinal) : string.Empty).Append("</td><td>");
            if (r.ReportPath is not null && r.State != RunState.Running)
            {
                h.Append("<a href=\"").Append(E(FileHref(r.RunId, "report.html"))).Append("\">report.html</a>");
            }

            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        return Close(h);
    }

    public static string Run(RunView view, IReadOnlyList<string> files)
    {
        var r = view.Run;
        var site = new Uri(r.Site);
        var h = new StringBuilder(64 * 1024);
        Open(h, $"การตรวจ {r.RunId}", "/runs", site);
        h.Append("<h1>การตรวจเมื่อ ").Append(E(When(r.StartedAt))).Append("</h1>\n<table class=\"kv\">\n<tr><th scope=\"row\">เว็บไซต์</th><td>");
        Link(h, site, UrlCanonicalizer.Display(site));
        h.Append("</td></tr>\n<tr><th scope=\"row\">รหัสการตรวจ</th><td>").Append(E(r.RunId)).Append(" (").Append(E(TriggerTh(r.Trigger))).Append(")</td></tr>\n<tr><th scope=\"row\">สถานะ</th><td>");
        State(h, r);
        h.Append(' ').Append(E(r.Outcome ?? string.Empty));
        if (!string.IsNullOrWhiteSpace(r.OutcomeReason))
        {
            h.Append(": ").Append(E(r.OutcomeReason));
        }

        h.Append("</td></tr>\n<tr><th scope=\"row\">ปีงบประมาณ / เกณฑ์</th><td>พ.ศ. ").Append(I(r.Year)).Append(" / เกณฑ์ ITA ").Append(I(r.RulesYear))
            .Append("</td></tr>\n<tr><th scope=\"row\">หน้าเว็บ / เอกสาร</th><td>").Append(I(r.Pages)).Append(" หน้า · ").Append(I(r.Documents)).Append(" ไฟล์</td></tr>\n")
            .Append("<tr><th scope=\"row\">คะแนน</th><td>OIT ").Append(F(r.Oit)).Append(" · ตัวชี้วัด 9 ").Append(F(r.Indicator9)).Append(" · ตัวชี้วัด 10 ").Append(F(r.Indicator10));
        if (view.Score?.Projection is { } p)
        {
            h.Append(" · ITA รวม (ประมาณการ) ").Append(F(p.Total)).Append(" ระดับ ").Append(E(p.Band));
        }

        h.Append("</td></tr>\n");
        if (r.Notes is { Length: > 0 } notes)
        {
            h.Append("<tr><th scope=\"row\">หมายเหตุ</th><td>").Append(E(notes).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>\n");
        }

        h.Append("<tr><th scope=\"row\">ไฟล์รายงาน</th><td>");
        if (files.Count == 0)
        {
            h.Append("<span class=\"small\">ไม่มีไฟล์รายงานในเครื่องนี้</span>");
        }

        foreach (var file in files)
        {
            h.Append("<a class=\"file\" href=\"").Append(E(FileHref(r.RunId, file))).Append("\">").Append(E(file)).Append("</a> ");
        }

        h.Append("</td></tr>\n</table>\n<h2>ผลตรวจรายข้อ <span class=\"en\">Every item</span></h2>\n");
        ItemRows(h, site, view.Detail.Items, view.Items);
        return Close(h);
    }

    public static string Items(Uri site, RunView? current, IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>> history)
    {
        var h = new StringBuilder(32 * 1024);
        Open(h, "ประวัติรายข้อ", "/items", site);
        h.Append("<h1>ประวัติรายข้อ <span class=\"en\">Item history</span></h1>\n");
        if (current is null)
        {
            h.Append("<p>ยังไม่มีการตรวจที่เสร็จสมบูรณ์ / no complete run yet.</p>\n");
            return Close(h);
        }

        h.Append("<p class=\"meta\">สถานะจากการตรวจเมื่อ ").Append(E(When(current.Run.StartedAt))).Append(" และจำนวนครั้งติดต่อกันที่เป็นเช่นนั้น เลือกข้อเพื่อดูลำดับเวลาพร้อมหลักฐานและเหตุผล</p>\n")
            .Append("<table>\n<caption>สถานะล่าสุดของแต่ละข้อ</caption>\n<thead><tr><th scope=\"col\">ข้อ</th><th scope=\"col\">รายการ</th><th scope=\"col\">ผลตรวจล่าสุด</th><th scope=\"col\" class=\"num\">ติดต่อกัน (ครั้ง)</th><th scope=\"col\">ย้อนหลัง (ล่าสุดอยู่ซ้าย)</th></tr></thead>\n<tbody>\n");
        foreach (var item in current.Detail.Items)
        {
            var past = history.GetValueOrDefault(item.Code) ?? [];
            var streak = past.TakeWhile(s => (s == ItemStatus.Pass) == (item.Status == ItemStatus.Pass)).Count();
            h.Append("<tr><td><a href=\"").Append(E(ItemHref(site, item.Code))).Append("\">").Append(E(item.Code)).Append("</a></td><td>").Append(E(item.Title))
                .Append("</td><td>");
            Badge(h, item.Status);
            h.Append("</td><td class=\"num\">").Append(I(streak)).Append("</td><td>");
            Strip(h, past.Take(20).ToList());
            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        return Close(h);
    }

    public static string Item(Uri site, string code, IReadOnlyList<ItemVerdict> timeline)
    {
        var h = new StringBuilder(32 * 1024);
        var title = timeline.Count > 0 ? timeline[0].Item.Title : string.Empty;
        Open(h, $"{code} ประวัติ", "/items", site);
        h.Append("<h1>").Append(E(code)).Append(' ').Append(E(title)).Append("</h1>\n");
        if (timeline.Count == 0)
        {
            h.Append("<p>ไม่มีผลตรวจของข้อนี้ / no verdicts for this item.</p>\n");
            return Close(h);
        }

        var now = timeline[0].Item.Status;
        var since = timeline.TakeWhile(v => (v.Item.Status == ItemStatus.Pass) == (now == ItemStatus.Pass)).Last();
        var lastPass = timeline.FirstOrDefault(v => v.Item.Status == ItemStatus.Pass);
        h.Append("<p class=\"lead\">");
        if (now == ItemStatus.Pass)
        {
            h.Append("ผ่านติดต่อกันตั้งแต่การตรวจเมื่อ <strong>").Append(E(When(since.Run.StartedAt))).Append("</strong>");
        }
        else
        {
            h.Append("ไม่ผ่านตั้งแต่การตรวจเมื่อ <strong>").Append(E(When(since.Run.StartedAt))).Append("</strong> · ")
                .Append(lastPass is null ? "ยังไม่เคยผ่านในประวัติที่มี" : "ผ่านครั้งล่าสุดเมื่อ " + E(When(lastPass.Run.StartedAt)));
        }

        h.Append("</p>\n<table>\n<caption>ผลตรวจของข้อ ").Append(E(code)).Append(" ทุกครั้ง ล่าสุดก่อน</caption>\n<thead><tr><th scope=\"col\">ตรวจเมื่อ</th><th scope=\"col\">ผลตรวจ</th><th scope=\"col\">หลักฐาน</th><th scope=\"col\">เหตุผล</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < timeline.Count; i++)
        {
            var (run, item) = (timeline[i].Run, timeline[i].Item);
            var older = i + 1 < timeline.Count ? timeline[i + 1].Item : null;
            h.Append("<tr><td><a href=\"").Append(E(RunHref(run.RunId))).Append("\">").Append(E(When(run.StartedAt))).Append("</a>");
            if (run.State != RunState.Complete)
            {
                h.Append("<div>");
                State(h, run);
                h.Append("</div>");
            }

            h.Append("</td><td>");
            Badge(h, item.Status);
            if (older is not null && (older.Status == ItemStatus.Pass) != (item.Status == ItemStatus.Pass))
            {
                h.Append("<div class=\"change\">").Append(item.Status == ItemStatus.Pass ? "เริ่มผ่าน" : "เริ่มไม่ผ่าน").Append("</div>");
            }

            h.Append("</td><td>");
            Evidence(h, item);
            if (older is not null && older.EvidenceUrl != item.EvidenceUrl)
            {
                h.Append("<div class=\"change\">URL หลักฐานเปลี่ยนจากครั้งก่อน");
                if (older.EvidenceUrl is { } before)
                {
                    h.Append(" (เดิม ").Append(E(before)).Append(')');
                }

                h.Append("</div>");
            }

            h.Append("</td><td>");
            Reasons(h, item.Reasons);
            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        return Close(h);
    }

    public static string Units(Uri site, Overview o)
    {
        var h = new StringBuilder(32 * 1024);
        Open(h, "หน่วยงาน", "/units", site);
        h.Append("<h1>สิ่งที่แต่ละหน่วยงานต้องทำ <span class=\"en\">Units</span></h1>\n");
        if (o.Current is not { } current)
        {
            h.Append("<p>ยังไม่มีการตรวจที่เสร็จสมบูรณ์ / no complete run yet.</p>\n");
            return Close(h);
        }

        h.Append("<p class=\"meta\">").Append(E(AgencyOf(current, site))).Append(" · จากการตรวจเมื่อ ").Append(E(When(current.Run.StartedAt)))
            .Append(" · พิมพ์หน้านี้เพื่อแจกแต่ละหน่วยงานได้</p>\n");
        if (o.Units.Count == 0)
        {
            h.Append("<p>ไม่มีข้อที่ต้องแก้ไข / no gaps.</p>\n");
        }

        foreach (var unit in o.Units)
        {
            h.Append("<section class=\"unit\">\n<h2>").Append(E(unit.Unit)).Append(" <span class=\"en\">").Append(I(unit.Gaps.Count)).Append(" ข้อ</span></h2>\n");
            if (!string.IsNullOrWhiteSpace(unit.Email))
            {
                h.Append("<p class=\"small\">").Append(E(unit.Email)).Append("</p>\n");
            }

            if (unit.Fixed.Count > 0)
            {
                h.Append("<p class=\"fixed\">แก้แล้วตั้งแต่การตรวจครั้งก่อน: ").Append(E(string.Join(", ", unit.Fixed))).Append("</p>\n");
            }

            if (unit.Gaps.Count == 0)
            {
                h.Append("</section>\n");
                continue;
            }

            h.Append("<table>\n<caption>ข้อที่ ").Append(E(unit.Unit)).Append(" ต้องแก้ไข</caption>\n<thead><tr><th scope=\"col\">ข้อ</th><th scope=\"col\">รายการ</th><th scope=\"col\">ผลตรวจ</th><th scope=\"col\">สิ่งที่ต้องทำ</th><th scope=\"col\">หลักฐานที่พบ</th></tr></thead>\n<tbody>\n");
            foreach (var gap in unit.Gaps.OrderBy(g => Order(current, g.Item.Rule.Code)))
            {
                var code = gap.Item.Rule.Code;
                h.Append("<tr><td><a href=\"").Append(E(ItemHref(site, code))).Append("\">").Append(E(code)).Append("</a>");
                if (unit.NewGaps.Contains(code))
                {
                    h.Append("<div class=\"change\">ใหม่</div>");
                }

                h.Append("</td><td>").Append(E(gap.Item.Rule.Title)).Append("</td><td>");
                Badge(h, gap.Item.Status);
                h.Append("</td><td>").Append(E(gap.Action));
                Reasons(h, gap.Item.Reasons);
                h.Append("</td><td>");
                EvidenceRefs(h, gap.Item.Evidence);
                h.Append("</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n</section>\n");
        }

        return Close(h);
    }

    public static string Sites(IReadOnlyList<SiteRow> sites, string sort, bool descending)
    {
        var h = new StringBuilder(16 * 1024);
        Open(h, "เว็บไซต์", "/sites", null);
        h.Append("<h1>เว็บไซต์ทั้งหมด <span class=\"en\">Sites</span></h1>\n");
        if (sites.Count == 0)
        {
            h.Append("<p>ยังไม่มีการตรวจ / no runs yet.</p>\n");
            return Close(h);
        }

        h.Append("<table>\n<caption>คะแนนล่าสุดของแต่ละเว็บไซต์ (กดหัวคอลัมน์เพื่อเรียง)</caption>\n<thead><tr>");
        foreach (var (key, label, num) in new[] { ("site", "เว็บไซต์", false), ("date", "ตรวจล่าสุด", false), ("oit", "OIT", true), ("i9", "ตัวชี้วัด 9", true), ("i10", "ตัวชี้วัด 10", true), ("runs", "จำนวนครั้ง", true) })
        {
            var active = key == sort;
            h.Append("<th scope=\"col\"").Append(num ? " class=\"num\"" : string.Empty);
            if (active)
            {
                h.Append(" aria-sort=\"").Append(descending ? "descending" : "ascending").Append('"');
            }

            h.Append("><a href=\"/sites?sort=").Append(key).Append(active && !descending ? "&amp;dir=desc" : string.Empty).Append("\">").Append(E(label))
                .Append(active ? (descending ? " ▼" : " ▲") : string.Empty).Append("</a></th>");
        }

        h.Append("<th scope=\"col\">สถานะล่าสุด</th></tr></thead>\n<tbody>\n");
        foreach (var s in sites)
        {
            var c = s.LatestComplete;
            var uri = new Uri(s.Site);
            h.Append("<tr><td><a href=\"/?site=").Append(E(Uri.EscapeDataString(s.Site))).Append("\">").Append(E(UrlCanonicalizer.Display(uri))).Append("</a></td><td>")
                .Append(E(When(s.Latest.StartedAt))).Append("</td><td class=\"num\">").Append(F(c?.Oit)).Append("</td><td class=\"num\">").Append(F(c?.Indicator9))
                .Append("</td><td class=\"num\">").Append(F(c?.Indicator10)).Append("</td><td class=\"num\">").Append(I(s.Runs)).Append("</td><td>");
            State(h, s.Latest);
            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        return Close(h);
    }

    /// <summary>A short Thai page for 404 and other refusals.</summary>
    public static string Message(string title, string text)
    {
        var h = new StringBuilder();
        Open(h, title, string.Empty, null);
        h.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(text)).Append("</p>\n");
        return Close(h);
    }

    public static string RunHref(string runId) => "/runs/" + Uri.EscapeDataString(runId);

    public static string FileHref(string runId, string file) => RunHref(runId) + "/" + Uri.EscapeDataString(file);

    private static string ItemHref(Uri site, string code) => "/items/" + Uri.EscapeDataString(code) + "?site=" + Uri.EscapeDataString(site.AbsoluteUri);

    private static void Open(StringBuilder h, string title, string current, Uri? site)
    {
        var query = site is null ? string.Empty : "?site=" + Uri.EscapeDataString(site.AbsoluteUri);
        h.Append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">\n<title>")
            .Append(E(title)).Append(" — แดชบอร์ด OIT</title>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">ข้ามไปยังเนื้อหา</a>\n<header class=\"top\">\n<p class=\"kicker\">แดชบอร์ดผลตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) · OitCrawler</p>\n<nav aria-label=\"เมนูหลัก\">");
        foreach (var (path, label) in new[] { ("/", "ภาพรวม"), ("/runs", "การตรวจ"), ("/items", "ประวัติรายข้อ"), ("/units", "หน่วยงาน"), ("/sites", "เว็บไซต์") })
        {
            h.Append("<a href=\"").Append(E(path + (path == "/sites" ? string.Empty : query))).Append('"').Append(path == current ? " aria-current=\"page\"" : string.Empty)
                .Append('>').Append(label).Append("</a>");
        }

        h.Append("</nav>\n</header>\n<main id=\"main\">\n");
    }

    private static string Close(StringBuilder h) =>
        h.Append("</main>\n<footer>OitCrawler · คะแนนทั้งหมดเป็นการประมาณการจากสิ่งที่พบบนเว็บไซต์ ไม่ใช่ผลการประเมินของสำนักงาน ป.ป.ช. / scores are estimates, not NACC's assessment · <a href=\"/api/v1/runs\">JSON API</a></footer>\n</body>\n</html>\n")
            .ToString();

    private static void Score(StringBuilder h, string label, string caption, double? value, double? previous)
    {
        h.Append("<figure class=\"card score\">\n<figcaption><strong>").Append(E(label)).Append("</strong><br><span class=\"small\">").Append(E(caption)).Append("</span></figcaption>\n")
            .Append("<p class=\"value\">").Append(F(value)).Append("</p>\n");
        var v = Math.Clamp(value ?? 0, 0, 100);
        h.Append("<svg viewBox=\"0 0 200 14\" width=\"200\" height=\"14\" aria-hidden=\"true\"><rect x=\"0\" y=\"2\" width=\"200\" height=\"10\" rx=\"3\" fill=\"#e3e6ea\"/>")
            .Append("<rect x=\"0\" y=\"2\" width=\"").Append(N(2 * v)).Append("\" height=\"10\" rx=\"3\" fill=\"").Append(ScoreColor(v)).Append("\"/>")
            .Append("<line x1=\"").Append(N(2 * PassMark)).Append("\" x2=\"").Append(N(2 * PassMark)).Append("\" y1=\"0\" y2=\"14\" stroke=\"#222\" stroke-width=\"2\"/></svg>\n");
        if (value is { } now && previous is { } before)
        {
            var change = now - before;
            h.Append("<p class=\"small\">").Append(change switch
            {
                > 0.005 => "เพิ่มขึ้น " + F(change),
                < -0.005 => "ลดลง " + F(-change),
                _ => "เท่าเดิม",
            }).Append(" จากครั้งก่อน</p>\n");
        }

        h.Append("</figure>\n");
    }

    // OIT and indicators 9 and 10 of each complete run, oldest to newest, with axes, dates and the 85 line.
    private static void Trend(StringBuilder h, IReadOnlyList<RunSummary> complete)
    {
        var runs = complete.Where(r => r.Oit is not null).Take(60).Reverse().ToList();
        h.Append("<section aria-labelledby=\"trend\">\n<h2 id=\"trend\">แนวโน้มคะแนนจากการตรวจแต่ละครั้ง <span class=\"en\">Trend over runs</span></h2>\n");
        if (runs.Count < 2)
        {
            h.Append("<p class=\"small\">ต้องมีการตรวจที่เสร็จสมบูรณ์อย่างน้อย 2 ครั้งจึงจะแสดงแนวโน้ม</p>\n</section>\n");
            return;
        }

        const double width = 720, height = 260, left = 44, right = 16, top = 12, bottom = 52;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(int i) => left + (runs.Count == 1 ? plotW / 2 : i * plotW / (runs.Count - 1));
        double Y(double v) => top + ((100 - Math.Clamp(v, 0, 100)) / 100 * plotH);
        h.Append("<figure class=\"chart\">\n<svg viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" role=\"img\" aria-labelledby=\"trend-desc\">\n")
            .Append("<desc id=\"trend-desc\">แนวโน้มคะแนน OIT ตัวชี้วัด 9 และ 10 จาก ").Append(I(runs.Count)).Append(" การตรวจ ตั้งแต่ ")
            .Append(E(ThaiYears.FormatThaiDate(runs[0].StartedAt))).Append(" ถึง ").Append(E(ThaiYears.FormatThaiDate(runs[^1].StartedAt))).Append("</desc>\n");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            h.Append("<line class=\"grid\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(width - right)).Append("\" y1=\"").Append(N(Y(tick))).Append("\" y2=\"").Append(N(Y(tick))).Append("\"/>")
                .Append("<text class=\"axis\" x=\"").Append(N(left - 6)).Append("\" y=\"").Append(N(Y(tick) + 4)).Append("\" text-anchor=\"end\">").Append(I(tick)).Append("</text>\n");
        }

        h.Append("<line class=\"mark\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(width - right)).Append("\" y1=\"").Append(N(Y(PassMark))).Append("\" y2=\"").Append(N(Y(PassMark))).Append("\"/>")
            .Append("<text class=\"axis\" x=\"").Append(N(width - right)).Append("\" y=\"").Append(N(Y(PassMark) - 4)).Append("\" text-anchor=\"end\">เกณฑ์ 85</text>\n")
            .Append("<line class=\"axisline\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left)).Append("\" y1=\"").Append(N(top)).Append("\" y2=\"").Append(N(top + plotH)).Append("\"/>")
            .Append("<line class=\"axisline\" x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(width - right)).Append("\" y1=\"").Append(N(top + plotH)).Append("\" y2=\"").Append(N(top + plotH)).Append("\"/>\n");
        var every = Math.Max(1, (int)Math.Ceiling(runs.Count / 6.0));
        for (var i = 0; i < runs.Count; i++)
        {
            if (i % every == 0 || i == runs.Count - 1)
            {
                var at = ThaiTime.ToBangkok(runs[i].StartedAt);
                var anchor = i == 0 ? "start" : i == runs.Count - 1 ? "end" : "middle"; // the end labels stay inside the chart
                h.Append("<text class=\"axis\" x=\"").Append(N(X(i))).Append("\" y=\"").Append(N(top + plotH + 18)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
                    .Append(E(ThaiYears.FormatThaiDate(runs[i].StartedAt))).Append("</text>")
                    .Append("<text class=\"axis\" x=\"").Append(N(X(i))).Append("\" y=\"").Append(N(top + plotH + 34)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
                    .Append(at.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(" น.</text>\n");
            }
        }

        foreach (var (css, value) in new (string, Func<RunSummary, double?>)[] { ("oit", r => r.Oit), ("i9", r => r.Indicator9), ("i10", r => r.Indicator10) })
        {
            h.Append("<polyline class=\"").Append(css).Append("\" points=\"")
                .Append(string.Join(' ', runs.Select((r, i) => N(X(i)) + "," + N(Y(value(r) ?? 0))))).Append("\"/>\n");
            for (var i = 0; i < runs.Count; i++)
            {
                h.Append("<circle class=\"").Append(css).Append("\" r=\"3\" cx=\"").Append(N(X(i))).Append("\" cy=\"").Append(N(Y(value(runs[i]) ?? 0))).Append("\"/>");
            }

            h.Append('\n');
        }

        h.Append("</svg>\n<figcaption class=\"small\"><span class=\"k-oit\">━ OIT</span> · <span class=\"k-i9\">━ ตัวชี้วัด 9</span> · <span class=\"k-i10\">━ ตัวชี้วัด 10</span> · เส้นประ = เกณฑ์ 85 คะแนน</figcaption>\n</figure>\n")
            .Append("<details><summary>ตารางคะแนนแต่ละครั้ง</summary>\n<table>\n<thead><tr><th scope=\"col\">ตรวจเมื่อ</th><th scope=\"col\" class=\"num\">OIT</th><th scope=\"col\" class=\"num\">ตัวชี้วัด 9</th><th scope=\"col\" class=\"num\">ตัวชี้วัด 10</th></tr></thead>\n<tbody>\n");
        foreach (var r in runs.AsEnumerable().Reverse())
        {
            h.Append("<tr><td><a href=\"").Append(E(RunHref(r.RunId))).Append("\">").Append(E(When(r.StartedAt))).Append("</a></td><td class=\"num\">").Append(F(r.Oit))
                .Append("</td><td class=\"num\">").Append(F(r.Indicator9)).Append("</td><td class=\"num\">").Append(F(r.Indicator10)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    private static void UnitsSummary(StringBuilder h, Overview o)
    {
        h.Append("<section aria-labelledby=\"units\">\n<h2 id=\"units\">สิ่งที่ต้องแก้ไข แยกตามหน่วยงาน <span class=\"en\">Gaps by unit, and what changed since the run before</span></h2>\n");
        if (o.Units.Count == 0)
        {
            h.Append("<p>ไม่มีข้อที่ต้องแก้ไข / no gaps.</p>\n</section>\n");
            return;
        }

        h.Append("<table>\n<caption>").Append(o.Previous is null ? "ยังไม่มีการตรวจครั้งก่อนให้เทียบ" : "เทียบกับการตรวจเมื่อ " + E(When(o.Previous.Run.StartedAt)))
            .Append("</caption>\n<thead><tr><th scope=\"col\">หน่วยงาน</th><th scope=\"col\" class=\"num\">ข้อที่ต้องแก้</th><th scope=\"col\">รายการ</th><th scope=\"col\">ไม่ผ่านใหม่</th><th scope=\"col\">แก้แล้ว</th></tr></thead>\n<tbody>\n");
        foreach (var u in o.Units)
        {
            h.Append("<tr><td>").Append(E(u.Unit)).Append("</td><td class=\"num\">").Append(I(u.Gaps.Count)).Append("</td><td>")
                .Append(E(string.Join(", ", u.Gaps.Select(g => g.Item.Rule.Code).OrderBy(c => Order(o.Current!, c))))).Append("</td><td>")
                .Append(u.NewGaps.Count == 0 ? "—" : "<strong class=\"worse\">" + E(string.Join(", ", u.NewGaps)) + "</strong>").Append("</td><td>")
                .Append(u.Fixed.Count == 0 ? "—" : "<strong class=\"better\">" + E(string.Join(", ", u.Fixed)) + "</strong>").Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n<p><a href=\"/units?site=").Append(E(Uri.EscapeDataString(o.Site.AbsoluteUri))).Append("\">รายละเอียดของแต่ละหน่วยงาน พร้อมพิมพ์</a></p>\n</section>\n");
    }

    private static void ItemRows(StringBuilder h, Uri site, IReadOnlyList<StoredItem> stored, IReadOnlyList<ItemResult> items)
    {
        h.Append("<table>\n<caption>ผลตรวจ หลักฐาน และเหตุผลของแต่ละข้อ</caption>\n<thead><tr><th scope=\"col\">ข้อ</th><th scope=\"col\">รายการ</th><th scope=\"col\">ผลตรวจ</th><th scope=\"col\">หลักฐาน</th><th scope=\"col\">เหตุผล</th></tr></thead>\n<tbody>\n");
        var order = items.Select(i => i.Rule.Code).ToList();
        foreach (var item in stored.OrderBy(i => order.IndexOf(i.Code) is var k && k < 0 ? int.MaxValue : k))
        {
            h.Append("<tr><td><a href=\"").Append(E(ItemHref(site, item.Code))).Append("\">").Append(E(item.Code)).Append("</a></td><td>").Append(E(item.Title)).Append("</td><td>");
            Badge(h, item.Status);
            h.Append("</td><td>");
            Evidence(h, item);
            h.Append("</td><td>");
            Reasons(h, item.Reasons);
            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }

    private static void Evidence(StringBuilder h, StoredItem item)
    {
        if (item.Evidence.Count == 0 && item.EvidenceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            Link(h, u, UrlCanonicalizer.Display(u));
            return;
        }

        EvidenceRefs(h, item.Evidence);
    }

    private static void EvidenceRefs(StringBuilder h, IReadOnlyList<EvidenceRef> evidence)
    {
        if (evidence.Count == 0)
        {
            h.Append("<span class=\"small\">ไม่พบ</span>");
            return;
        }

        foreach (var ev in evidence)
        {
            h.Append("<div class=\"ev\">");
            Link(h, ev.Url, ev.Url.IsAbsoluteUri ? UrlCanonicalizer.Display(ev.Url) : ev.Url.OriginalString);
            if (ev.ClickPath.Count > 0)
            {
                h.Append("<div class=\"small\">").Append(E(string.Join(" › ", ev.ClickPath.Select(ThaiText.Fold).Where(s => s.Length > 0).Prepend("หน้าแรก")))).Append("</div>");
            }
            else if (!string.IsNullOrWhiteSpace(ev.LinkText))
            {
                h.Append("<div class=\"small\">ลิงก์ \"").Append(E(ev.LinkText)).Append("\"</div>");
            }

            h.Append("</div>");
        }
    }

    private static void Reasons(StringBuilder h, IReadOnlyList<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        h.Append("<ul class=\"reasons\">");
        foreach (var reason in reasons)
        {
            h.Append("<li>").Append(E(reason.Th)).Append("<div class=\"en\">").Append(E(reason.En)).Append("</div></li>");
        }

        h.Append("</ul>");
    }

    // Past verdicts as small squares, newest on the left, each with its status as text for screen readers.
    private static void Strip(StringBuilder h, IReadOnlyList<ItemStatus> past)
    {
        h.Append("<span class=\"strip\">");
        foreach (var s in past)
        {
            h.Append("<span class=\"dot s-").Append(ItemStatusText.En(s)).Append("\" title=\"").Append(E(ItemStatusText.Th(s))).Append("\"><span class=\"sr\">")
                .Append(E(ItemStatusText.Th(s))).Append("</span></span>");
        }

        h.Append("</span>");
    }

    private static void Badge(StringBuilder h, ItemStatus status) =>
        h.Append("<span class=\"badge s-").Append(ItemStatusText.En(status)).Append("\">").Append(E(ItemStatusText.Th(status))).Append("</span>");

    private static void State(StringBuilder h, RunSummary r)
    {
        var (css, text) = RunStateText.Badge(r);
        h.Append("<span class=\"state ").Append(css).Append("\">").Append(text).Append("</span>");
    }

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

    private static int Order(RunView run, string code) => run.Items.ToList().FindIndex(i => i.Rule.Code == code);

    private static string AgencyOf(RunView? run, Uri site) =>
        run?.Measures?.Agency is { Length: > 0 } agency ? agency : site.Host;

    private static string TriggerTh(string? trigger) => trigger switch
    {
        "schedule" => "ตามกำหนดเวลา",
        "startup" => "ตรวจชดเชยเมื่อเริ่มโปรแกรม",
        "run-now" => "สั่งตรวจทันที",
        null => "—",
        _ => trigger,
    };

    private static string When(DateTimeOffset at) =>
        ThaiYears.FormatThaiDate(at) + " " + ThaiTime.ToBangkok(at).ToString("HH:mm", CultureInfo.InvariantCulture) + " น.";

    private static string ScoreColor(double score) => score >= PassMark ? "#2e7d32" : score >= 65 ? "#d89b00" : "#c62828";

    private static string E(string? text) => Html.Encode(text); // the report's and e-mail's encoding policy

    private static string F(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
