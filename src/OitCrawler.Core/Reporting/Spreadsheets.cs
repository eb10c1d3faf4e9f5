using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

/// <summary>
/// A sheet as rows of cells, written both as CSV and as xlsx so the two never disagree. A cell is a
/// <see cref="string"/>, a <see cref="double"/>, a <see cref="Uri"/> (a link in xlsx) or null.
/// </summary>
internal sealed record SheetTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// gaps.csv / gaps.xlsx (one row per gap, for the units' own spreadsheets) and checklist.csv /
/// checklist.xlsx (the pre-assessment checklist in ITAS order: มี/ไม่มี, the URL to enter, and the
/// click path from the home page as คำอธิบาย).
/// </summary>
internal static class Spreadsheets
{
    public const string Have = "มี";

    public const string HaveNot = "ไม่มี";

    // Excel, LibreOffice and Sheets run a cell that starts with one of these as a formula.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static SheetTable Gaps(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = result.Score.Indicators.SelectMany(i => i.SubIndicators).ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var rows = result.Gaps.Select(g => (IReadOnlyList<object?>)
        [
            g.Item.Rule.Code,
            names.TryGetValue(g.Item.Rule.SubIndicator, out var name) ? $"{g.Item.Rule.SubIndicator} {name}" : g.Item.Rule.SubIndicator,
            g.Item.Rule.Title,
            ItemStatusText.Th(g.Item.Status),
            ItemStatusText.En(g.Item.Status),
            g.PointsAtStake,
            g.Action,
            string.Join("\n", g.Item.Reasons.Select(r => r.Th)),
            string.Join("\n", g.Item.Evidence.Select(e => UrlCanonicalizer.Display(e.Url))),
            string.Join("\n", g.Measures.Select(m => $"ประเด็นที่ {m.IssueNumber.ToString(CultureInfo.InvariantCulture)} {m.IssueTitle} / กิจกรรม {m.ActivityId} {m.ActivityTitle}")),
            g.HasMeasure ? string.Join(", ", g.Units.Select(u => u.Name)) : HtmlReport.NoMeasureGroup,
        ]).ToList();

        return new SheetTable(
            "สิ่งที่ต้องแก้ไข",
            ["รหัส", "ตัวชี้วัดย่อย", "รายการ", "ผลตรวจ", "status", "คะแนนที่เสี่ยงเสีย", "สิ่งที่ต้องทำ", "เหตุผล", "หลักฐานที่พบ", "ประเด็น/กิจกรรม", "หน่วยงานรับผิดชอบ"],
            [8, 28, 40, 14, 12, 12, 60, 50, 50, 50, 36],
            rows);
    }

    /// <summary>The checklist in rules order (O1, O2 …): มี only for a pass.</summary>
    public static SheetTable Checklist(AuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byCode = result.Items.ToDictionary(i => i.Rule.Code, StringComparer.OrdinalIgnoreCase);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var rule in result.Rules.Items)
        {
            var item = byCode.GetValueOrDefault(rule.Code);
            var evidence = item?.Evidence.Count > 0 ? item.Evidence[0] : null;
            rows.Add(
            [
                rule.Code,
                rule.Title,
                item?.Status == ItemStatus.Pass ? Have : HaveNot,
                evidence?.Url,
                evidence is null ? null : HtmlReport.ClickPathText(evidence.ClickPath.Count > 0 ? evidence.ClickPath : [evidence.LinkText ?? string.Empty], " > "),
            ]);
        }

        return new SheetTable("ตรวจก่อนประเมิน", ["ข้อ", "รายการ", "มี/ไม่มี", "URL", "คำอธิบาย"], [8, 50, 10, 60, 70], rows);
    }

    /// <summary>RFC 4180 text (CRLF, quotes doubled), formula-looking cells prefixed with a single quote. The caller writes it as UTF-8 with a BOM.</summary>
    public static string ToCsv(SheetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        void Line(IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        Line(table.Headers);
        foreach (var row in table.Rows)
        {
            Line(row.Select(cell => cell switch
            {
                null => string.Empty,
                double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                Uri u => u.IsAbsoluteUri ? u.AbsoluteUri : u.OriginalString,
                _ => Neutralize(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty),
            }));
        }

        return csv.ToString();
    }

    /// <summary>The sheet as an xlsx file: bold frozen header, set column widths (no font measuring: it needs GDI), text cells kept as text.</summary>
    public static byte[] ToXlsx(SheetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(table.Name);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            SetText(cell, table.Headers[c]);
            sheet.Column(c + 1).Width = c < table.Widths.Count ? table.Widths[c] : 20;
        }

        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF5");
        sheet.SheetView.FreezeRows(1);

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case double d:
                        cell.SetValue(d);
                        cell.Style.NumberFormat.Format = "0.00";
                        break;
                    case Uri u:
                        SetText(cell, u.IsAbsoluteUri ? u.AbsoluteUri : u.OriginalString);
                        if (u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                        {
                            cell.Hyperlink = new XLHyperlink(u);
                        }

                        break;
                    default:
                        SetText(cell, Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? string.Empty);
                        break;
                }
            }
        }

        var used = sheet.Range(1, 1, table.Rows.Count + 1, table.Headers.Count);
        used.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        used.Style.Alignment.WrapText = true;
        used.SetAutoFilter();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Whether a spreadsheet would read the text as a formula.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]);

    private static string Neutralize(string text) => LooksLikeFormula(text) ? "'" + text : text;

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || LooksLikeFormula(text) || text.StartsWith('\'')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;

    // Text stays text: ClosedXML would otherwise turn "9.1" into a number and "1/2" into a date.
    // A formula-looking value gets Excel's own quote prefix (hidden, and the cell never evaluates).
    private static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
