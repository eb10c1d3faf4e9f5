using System.Globalization;
using System.Text;
using System.Text.Json;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Text;

namespace OitCrawler.Fleet;

/// <summary>
/// fleet-report.html, fleet-report.xlsx and fleet-report.json: the same <see cref="FleetReport"/> three
/// ways, written as a set. Thai first; every name from the agencies file or a site goes through
/// <see cref="Html.Encode"/>; dates are Buddhist-era on the Bangkok calendar.
/// </summary>
internal static class FleetReportWriter
{
    public const string HtmlFile = "fleet-report.html";
    public const string XlsxFile = "fleet-report.xlsx";
    public const string JsonFile = "fleet-report.json";
    public const int SchemaVersion = 1;

    /// <summary>As report.html's: no script, no request leaves the file.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the three files into <paramref name="folder"/> (created when missing); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(FleetReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var html = Encoding.UTF8.GetBytes(ToHtml(report));
        var xlsx = Spreadsheets.ToXlsx(Sheets(report));
        var json = JsonSerializer.SerializeToUtf8Bytes(ToJson(report), Json);
        var files = new (string Path, byte[] Bytes)[] { (Path.Combine(folder, HtmlFile), html), (Path.Combine(folder, XlsxFile), xlsx), (Path.Combine(folder, JsonFile), json) };
        await AtomicFile.WriteSetAsync(files.Select(f => (f.Path, (Func<Stream, CancellationToken, Task>)((s, ct) => s.WriteAsync(f.Bytes, ct).AsTask()))).ToList(), cancellationToken);
        return files.Select(f => f.Path).ToList();
    }

    public static string ToHtml(FleetReport report)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>รายงานผลการตรวจ OIT ทุกหน่วยงาน ").Append(E(ThaiYears.FormatThaiDate(report.GeneratedAt))).Append("</title>\n")
            .Append("<style>\nbody { font-family: 'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif; margin: 1.5rem; color: #1d2733; line-height: 1.5; }\n")
            .Append("""
                table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .95rem; }
                th, td { border: 1px solid #c9d3de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
                th { background: #e8eef5; }
                td.n { text-align: right; font-variant-numeric: tabular-nums; }
                .en { color: #5b6b7c; font-weight: normal; font-size: .85em; }
                .down { color: #a4001d; }
                .summary { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; list-style: none; }
                .summary li { border: 1px solid #c9d3de; border-radius: 6px; padding: .5rem 1rem; }
                .summary b { display: block; font-size: 1.6rem; }
                a { color: #0b57a4; overflow-wrap: anywhere; }
                @page { size: A4 landscape; margin: 12mm; }

                """)
            .Append("</style>\n</head>\n<body>\n");

        var audited = report.Agencies.Count(a => a.Current is not null);
        h.Append("<header>\n<h1>รายงานผลการตรวจ OIT ทุกหน่วยงาน <span class=\"en\">Fleet OIT report</span></h1>\n")
            .Append("<p>ณ วันที่ ").Append(E(ThaiYears.FormatThaiDate(report.GeneratedAt))).Append(' ').Append(E(Time(report.GeneratedAt)))
            .Append(" น. · ระดับคำนวณจากคะแนน OIT อย่างเดียวตามเกณฑ์ระดับของ ITA (ไม่มี IIT/EIT) <span class=\"en\">band: the ITA bands applied to the OIT score alone</span></p>\n</header>\n");
        h.Append("<ul class=\"summary\" id=\"summary\">\n");
        Tile(h, "หน่วยงาน", "agencies", report.Agencies.Count);
        Tile(h, "ตรวจแล้ว", "audited", audited);
        Tile(h, "ยังไม่ได้ตรวจ", "never audited", report.NeverAudited.Count());
        Tile(h, "เข้าเว็บไซต์ไม่ได้", "unreachable", report.Unreachable.Count());
        Tile(h, "คะแนนลดลงสัปดาห์นี้", "regressed this week", report.Regressed.Count());
        h.Append("</ul>\n");

        Section(h, "items", "ข้อที่ไม่ผ่านมากที่สุด", "items failing most");
        Table(h, ["ข้อ", "รายการ", "หน่วยงานที่ไม่ผ่าน", "จากที่ตรวจ", "ร้อยละ"], report.Items.Select(t => (IReadOnlyList<string?>)
            [t.Code, t.Title, Int(t.Failing), Int(t.Assessed), Pct(t.Failing, t.Assessed)]), numeric: [2, 3, 4]);

        Section(h, "provinces", "รายจังหวัด", "by province");
        AreaTable(h, report, report.Provinces, withDistrict: false);
        Section(h, "districts", "รายอำเภอ", "by district");
        AreaTable(h, report, report.Districts, withDistrict: true);

        Section(h, "regressed", "หน่วยงานที่คะแนนลดลงสัปดาห์นี้", "regressed this week (vs the previous complete run)");
        Table(h, ["รหัส", "หน่วยงาน", "จังหวัด", "OIT", "เปลี่ยน", "ข้อที่เพิ่งไม่ผ่าน"], report.Regressed.Select(a => (IReadOnlyList<string?>)
            [a.Agency.Id, a.Agency.Name, a.Agency.Province, Score(a.Current?.Oit), a.OitChange is { } d ? d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-", string.Join(", ", a.NewlyFailing)]), numeric: [3, 4]);

        Section(h, "unreachable", "เว็บไซต์ที่เข้าไม่ได้และหน่วยงานที่ยังไม่ได้ตรวจ", "unreachable sites and agencies never audited");
        Table(h, ["รหัส", "หน่วยงาน", "จังหวัด", "เว็บไซต์", "ผล", "ตรวจเมื่อ"], report.Unreachable.Concat(report.NeverAudited).Select(a => (IReadOnlyList<string?>)
            [a.Agency.Id, a.Agency.Name, a.Agency.Province, a.Agency.Site.AbsoluteUri, Latest(a), When(a.Latest?.StartedAt)]), numeric: [], linkColumn: 3);

        Section(h, "agencies", "ทุกหน่วยงาน", "every agency");
        Table(h, ["รหัส", "หน่วยงาน", "ประเภท", "จังหวัด", "อำเภอ", "เว็บไซต์", "OIT", "ระดับ", "ตัวชี้วัดที่ 9", "ตัวชี้วัดที่ 10", "ข้อที่ไม่ผ่าน", "ตรวจล่าสุด", "ผลล่าสุด"], report.Agencies.Select(a => (IReadOnlyList<string?>)
            [a.Agency.Id, a.Agency.Name, a.Agency.Kind, a.Agency.Province, a.Agency.District, a.Agency.Site.AbsoluteUri, Score(a.Current?.Oit), a.Band ?? "-", Score(a.Current?.Indicator9), Score(a.Current?.Indicator10),
                string.Join(", ", a.Failing), When(a.Latest?.StartedAt), Latest(a)]), numeric: [6, 8, 9], linkColumn: 5, rowIds: report.Agencies.Select(a => "agency-" + a.Agency.Id).ToList());

        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The workbook's sheets, the HTML's tables in the same order (numbers as numbers).</summary>
    public static IReadOnlyList<SheetTable> Sheets(FleetReport report)
    {
        var bands = report.BandOrder.Append("-").ToList();
        return
        [
            new SheetTable(
                "ทุกหน่วยงาน",
                ["รหัส", "หน่วยงาน", "ประเภท", "จังหวัด", "อำเภอ", "เว็บไซต์", "OIT", "ระดับ", "ตัวชี้วัดที่ 9", "ตัวชี้วัดที่ 10", "ข้อที่ไม่ผ่าน", "ตรวจล่าสุด", "ผลล่าสุด", "เปลี่ยนจากครั้งก่อน", "ข้อที่เพิ่งไม่ผ่าน"],
                [14, 40, 14, 16, 16, 40, 8, 16, 10, 10, 30, 22, 30, 10, 24],
                report.Agencies.Select(a => (IReadOnlyList<object?>)
                [
                    a.Agency.Id, a.Agency.Name, a.Agency.Kind, a.Agency.Province, a.Agency.District, SheetLink.Of(a.Agency.Site),
                    a.Current?.Oit, a.Band, a.Current?.Indicator9, a.Current?.Indicator10, string.Join(", ", a.Failing), When(a.Latest?.StartedAt), Latest(a),
                    a.OitChange, string.Join(", ", a.NewlyFailing),
                ]).ToList()),
            new SheetTable(
                "ข้อที่ไม่ผ่านมากที่สุด",
                ["ข้อ", "รายการ", "หน่วยงานที่ไม่ผ่าน", "จากที่ตรวจ"],
                [8, 50, 16, 12],
                report.Items.Select(t => (IReadOnlyList<object?>)[t.Code, t.Title, (double)t.Failing, (double)t.Assessed]).ToList()),
            Area("รายจังหวัด", report.Provinces, bands, withDistrict: false),
            Area("รายอำเภอ", report.Districts, bands, withDistrict: true),
            new SheetTable(
                "คะแนนลดลงสัปดาห์นี้",
                ["รหัส", "หน่วยงาน", "จังหวัด", "อำเภอ", "OIT", "เปลี่ยน", "ข้อที่เพิ่งไม่ผ่าน"],
                [14, 40, 16, 16, 8, 8, 30],
                report.Regressed.Select(a => (IReadOnlyList<object?>)[a.Agency.Id, a.Agency.Name, a.Agency.Province, a.Agency.District, a.Current?.Oit, a.OitChange, string.Join(", ", a.NewlyFailing)]).ToList()),
            new SheetTable(
                "เข้าไม่ได้และยังไม่ได้ตรวจ",
                ["รหัส", "หน่วยงาน", "จังหวัด", "อำเภอ", "เว็บไซต์", "ผล", "ตรวจเมื่อ"],
                [14, 40, 16, 16, 40, 40, 22],
                report.Unreachable.Concat(report.NeverAudited).Select(a => (IReadOnlyList<object?>)
                    [a.Agency.Id, a.Agency.Name, a.Agency.Province, a.Agency.District, SheetLink.Of(a.Agency.Site), Latest(a), When(a.Latest?.StartedAt)]).ToList()),
        ];
    }

    /// <summary>fleet-report.json: ids, scores and lists as data (English keys, Thai names), for other tools.</summary>
    public static object ToJson(FleetReport report) => new
    {
        SchemaVersion,
        GeneratedAt = report.GeneratedAt,
        Agencies = report.Agencies.Select(a => new
        {
            a.Agency.Id,
            a.Agency.Name,
            a.Agency.Kind,
            a.Agency.Province,
            a.Agency.District,
            Site = a.Agency.Site.AbsoluteUri,
            Latest = a.Latest is { } l ? new { l.RunId, l.StartedAt, State = RunStateText.En(l.State), l.Outcome } : null,
            Current = a.Current is { } c ? new { c.RunId, c.StartedAt, c.RulesYear, c.Oit, c.Indicator9, c.Indicator10, a.Band, a.Failing } : null,
            a.Unreachable,
            a.Regressed,
            a.OitChange,
            a.NewlyFailing,
        }),
        Items = report.Items,
        Provinces = report.Provinces,
        Districts = report.Districts,
        Regressed = report.Regressed.Select(a => a.Agency.Id),
        Unreachable = report.Unreachable.Select(a => a.Agency.Id),
        NeverAudited = report.NeverAudited.Select(a => a.Agency.Id),
    };

    private static SheetTable Area(string name, IReadOnlyList<AreaRow> areas, List<string> bands, bool withDistrict)
    {
        var headers = new List<string> { "จังหวัด" };
        if (withDistrict)
        {
            headers.Add("อำเภอ");
        }

        headers.AddRange(["หน่วยงาน", "ตรวจแล้ว", "OIT เฉลี่ย"]);
        headers.AddRange(bands.Select(b => "ระดับ " + b));
        headers.AddRange(["เข้าไม่ได้", "คะแนนลดลง", "ข้อที่ไม่ผ่านมากที่สุด"]);
        var rows = areas.Select(a =>
        {
            var row = new List<object?> { a.Province };
            if (withDistrict)
            {
                row.Add(a.District);
            }

            row.AddRange([(double)a.Agencies, (double)a.Audited, a.MeanOit]);
            row.AddRange(bands.Select(b => (object?)(double)a.Bands.GetValueOrDefault(b)));
            row.AddRange([(double)a.Unreachable, (double)a.Regressed, TopFailing(a)]);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new SheetTable(name, headers, headers.Select(h => h.Length > 12 ? 30.0 : 12.0).ToList(), rows);
    }

    private static void AreaTable(StringBuilder h, FleetReport report, IReadOnlyList<AreaRow> areas, bool withDistrict)
    {
        var sheet = Area(string.Empty, areas, report.BandOrder.Append("-").ToList(), withDistrict);
        var numeric = Enumerable.Range(withDistrict ? 2 : 1, sheet.Headers.Count - (withDistrict ? 3 : 2)).ToList();
        Table(h, sheet.Headers, sheet.Rows.Select(r => (IReadOnlyList<string?>)r.Select(c => c switch
        {
            double d => d.ToString(d % 1 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture),
            null => "-",
            _ => Convert.ToString(c, CultureInfo.InvariantCulture),
        }).ToList()), numeric);
    }

    private static string TopFailing(AreaRow a) =>
        string.Join(", ", a.TopFailing.Select(t => $"{t.Code} ({Int(t.Failing)}/{Int(t.Assessed)})"));

    private static void Section(StringBuilder h, string id, string th, string en) =>
        h.Append("<h2 id=\"").Append(id).Append("\">").Append(E(th)).Append(" <span class=\"en\">").Append(E(en)).Append("</span></h2>\n");

    private static void Tile(StringBuilder h, string th, string en, int value) =>
        h.Append("<li><b>").Append(Int(value)).Append("</b>").Append(E(th)).Append(" <span class=\"en\">").Append(E(en)).Append("</span></li>\n");

    private static void Table(StringBuilder h, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyCollection<int> numeric, int linkColumn = -1, List<string>? rowIds = null)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            h.Append("<p>ไม่มี <span class=\"en\">none</span></p>\n");
            return;
        }

        h.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            h.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < list.Count; r++)
        {
            h.Append(rowIds is null ? "<tr>" : $"<tr id=\"{E(rowIds[r])}\">");
            for (var c = 0; c < list[r].Count; c++)
            {
                var text = list[r][c] ?? string.Empty;
                h.Append(numeric.Contains(c) ? "<td class=\"n\">" : "<td>");
                if (c == linkColumn && Uri.TryCreate(text, UriKind.Absolute, out var url))
                {
                    Html.AppendLink(h, url, Web.UrlCanonicalizer.Display(url), "url");
                }
                else
                {
                    h.Append(E(text));
                }

                h.Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }

    private static string Latest(AgencyRow a) => RunStateText.Latest(a.Latest);

    private static string When(DateTimeOffset? at) => at is { } t ? $"{ThaiYears.FormatThaiDate(t)} {Time(t)} น." : "-";

    private static string Time(DateTimeOffset at) => ThaiTime.ToBangkok(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Pct(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => Html.Encode(text);
}
