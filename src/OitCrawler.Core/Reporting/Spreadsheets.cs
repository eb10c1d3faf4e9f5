using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Gaps;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

/// <summary>
/// A sheet as rows of cells, written both as CSV and as xlsx so the two never disagree. A cell is a
/// <see cref="string"/>, a <see cref="double"/>, a <see cref="SheetLink"/> (a link in xlsx) or null.
/// The last <paramref name="InputColumns"/> columns are for people to fill in (highlighted, never
/// written by us); <paramref name="Choices"/> gives a column (by header) a drop-down list.
/// </summary>
public sealed record SheetTable(
    string Name,
    IReadOnlyList<string> Headers,
    IReadOnlyList<double> Widths,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    int InputColumns = 0,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Choices = null);

/// <summary>A URL cell: the link goes to <paramref name="Url"/>, the cell shows <paramref name="Text"/> (Thai, not percent-encoded).</summary>
public sealed record SheetLink(Uri Url, string Text)
{
    public static SheetLink Of(Uri url) => new(url, UrlCanonicalizer.Display(url));
}

/// <summary>
/// gaps.csv / gaps.xlsx (a tracker: one row per item × unit, sorted by unit then code, with columns
/// the units fill in) and checklist.csv / checklist.xlsx (the pre-assessment checklist in ITAS order:
/// มี/ไม่มี, up to three URLs only when the item passes, คำอธิบาย as numbered steps from the home page,
/// and for an item that fails, the evidence found and what to do, in columns of their own).
/// </summary>
public static class Spreadsheets
{
    public const string Have = "มี";

    public const string HaveNot = "ไม่มี";

    /// <summary>The tracker's status choices.</summary>
    public static readonly IReadOnlyList<string> TrackerStates = ["ยังไม่เริ่ม", "กำลังดำเนินการ", "เสร็จแล้ว", "รอตรวจซ้ำ"];

    /// <summary>How many URLs the checklist gives an item (ITAS answer tables list a hub page and documents).</summary>
    public const int ChecklistUrls = 3;

    /// <summary>ผลตรวจ of a pass whose elements could not be read, in the gap tracker.</summary>
    public const string UncheckedStatus = "ผ่าน (ต้องเปิดตรวจองค์ประกอบเอง)";

    /// <summary><see cref="UncheckedStatus"/> in English.</summary>
    public const string UncheckedStatusEn = "pass (open it to check the elements)";

    // Excel, LibreOffice and Sheets run a cell that starts with one of these as a formula.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    // Link texts that name no page: คำอธิบาย adds the title of the page they open.
    private static readonly HashSet<string> GenericLinkTexts = new(
        ["คลิกที่นี่", "คลิก", "ที่นี่", "คลิกเลย", "ดาวน์โหลด", "อ่านต่อ", "รายละเอียด", "ดูรายละเอียด", "ดูข้อมูล", "เพิ่มเติม", "อ่านเพิ่มเติม", "clickhere", "more", "readmore", "download"],
        StringComparer.OrdinalIgnoreCase);

    public static SheetTable Gaps(AuditResult result, ReportLanguage language = ReportLanguage.Th)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = new Words(language);
        var names = result.Score.Indicators.SelectMany(i => i.SubIndicators).ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        IReadOnlyList<object?> Row(string unit, Gap g, string status, string sharedWith) =>
        [
            unit,
            g.Item.Rule.Code,
            names.TryGetValue(g.Item.Rule.SubIndicator, out var name) ? $"{g.Item.Rule.SubIndicator} {name}" : g.Item.Rule.SubIndicator,
            g.Item.Rule.Title,
            status,
            g.PointsAtStake,
            w.Lines(g.Action, g.ActionEn ?? string.Empty),
            string.Join("\n", g.Item.Reasons.Select(r => w.Lines(r.Th, r.En))),
            g.Item.Evidence.Count > 0 ? SheetLink.Of(g.Item.Evidence[0].Url) : null,
            string.Join("\n", g.Item.Evidence.Skip(1).Select(e => UrlCanonicalizer.Display(e.Url))),
            sharedWith,
            string.Join("\n", g.Measures.Select(m => w.T(
                $"ประเด็นที่ {m.IssueNumber.ToString(CultureInfo.InvariantCulture)} {m.IssueTitle} / กิจกรรม {m.ActivityId} {m.ActivityTitle}",
                $"issue {m.IssueNumber.ToString(CultureInfo.InvariantCulture)} {m.IssueTitle} / activity {m.ActivityId} {m.ActivityTitle}"))),
            null,
            null,
            null,
            null,
        ];

        var rows = ReportView.Build(result, language).Units
            .SelectMany(unit => unit.Rows.Select(row => Row(unit.Name, row.Gap, w.Status(row.Gap.Item.Status), string.Join(", ", row.SharedWith))))
            .ToList();

        // Passes a person must open to check what could not be read: listed after the gaps, with what to check.
        foreach (var check in GapBuilder.Checks(result.Items, result.Rules, result.Measures))
        {
            var owners = string.Join(", ", check.Units.Select(u => u.Name));
            rows.Add(Row(owners.Length > 0 ? owners : w.T(ReportView.NoMeasureGroup, "no measure covers it"), check, w.T(UncheckedStatus, UncheckedStatusEn), string.Empty));
        }

        var state = w.T("สถานะ", "Status");
        return new SheetTable(
            w.Language == ReportLanguage.En ? "Gaps" : "สิ่งที่ต้องแก้ไข",
            [
                w.T("หน่วยงาน", "Unit"), w.T("รหัส", "Code"), w.T("ตัวชี้วัดย่อย", "Sub-indicator"), w.T("รายการ", "Item"), w.T("ผลตรวจ", "Verdict"),
                w.T("คะแนนที่เสี่ยงเสีย", "Points at stake"), w.T("สิ่งที่ต้องทำ", "What to do"), w.T("เหตุผล", "Why"), w.T("หลักฐานที่พบ", "Evidence found"),
                w.T("หลักฐานอื่น", "Other evidence"), w.T("ร่วมกับ", "Shared with"), w.T("ประเด็น/กิจกรรม", "Issue/activity"),
                w.T("ผู้รับผิดชอบ", "Person in charge"), w.T("กำหนดเสร็จ", "Due"), state, w.T("หมายเหตุ", "Notes"),
            ],
            [30, 8, 26, 36, 14, 12, 50, 44, 44, 40, 30, 44, 20, 14, 16, 30],
            rows,
            InputColumns: 4,
            Choices: new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [state] = TrackerStatesIn(w) });
    }

    private static IReadOnlyList<string> TrackerStatesIn(Words w) =>
        w.Language == ReportLanguage.Th ? TrackerStates : [.. TrackerStates.Zip(["not started", "in progress", "done", "to check again"], w.T)];

    /// <summary>The checklist in rules order (O1, O2 …): มี and URLs only for a pass.</summary>
    public static SheetTable Checklist(AuditResult result, ReportLanguage language = ReportLanguage.Th)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = new Words(language);
        var byCode = result.Items.ToDictionary(i => i.Rule.Code, StringComparer.OrdinalIgnoreCase);
        // What to do: a gap's action, or for a pass whose elements were not read, what to open and check.
        var actions = result.Gaps.Concat(GapBuilder.Checks(result.Items, result.Rules, result.Measures)).ToDictionary(g => g.Item.Rule.Code, StringComparer.OrdinalIgnoreCase);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var rule in result.Rules.Items)
        {
            var item = byCode.GetValueOrDefault(rule.Code);
            var passed = item?.Status == ItemStatus.Pass;
            var evidence = (item?.Evidence ?? []).DistinctBy(e => e.Url.OriginalString).ToList();
            var usable = passed ? evidence.Where(e => Html.IsWebLink(e.Url)).Take(ChecklistUrls).ToList() : [];
            var row = new List<object?> { rule.Code, rule.Title, passed ? w.T(Have, "yes") : w.T(HaveNot, "no") };
            row.AddRange(Enumerable.Range(0, ChecklistUrls).Select(i => i < usable.Count ? SheetLink.Of(usable[i].Url) : null));
            row.Add(usable.Count > 0 ? Steps(result, usable) : null);
            row.Add(!passed && evidence.Count > 0 ? string.Join("\n", evidence.Select(e => e.Url.IsAbsoluteUri ? UrlCanonicalizer.Display(e.Url) : e.Url.OriginalString)) : null);
            row.Add(actions.GetValueOrDefault(rule.Code) is { } action ? w.Lines(action.Action, action.ActionEn ?? string.Empty) : null);
            rows.Add(row);
        }

        return new SheetTable(
            w.Language == ReportLanguage.En ? "Pre-assessment" : "ตรวจก่อนประเมิน",
            [
                w.T("ข้อ", "Item"), w.T("รายการ", "Title"), w.T("มี/ไม่มี", "Published"), "URL 1", "URL 2", "URL 3", w.T("คำอธิบาย", "Description"),
                w.T("หลักฐานที่พบ (ยังใช้ไม่ได้)", "Evidence found (not usable yet)"), w.T("สิ่งที่ต้องทำ", "What to do"),
            ],
            [8, 46, 10, 48, 48, 48, 70, 48, 60],
            rows);
    }

    /// <summary>
    /// คำอธิบาย as agencies write it for ITAS: numbered steps from the home page, each naming the page
    /// by its title and the link to choose ("1. หน้าหลักของเว็บไซต์ เลือก "ITA" 2. หน้า "…" เลือก "…""), one block per URL.
    /// </summary>
    internal static string Steps(AuditResult result, IReadOnlyList<EvidenceRef> evidence)
    {
        var blocks = new List<string>();
        for (var k = 0; k < evidence.Count; k++)
        {
            var steps = StepsTo(result.Evidence, evidence[k]);
            var text = string.Join(" ", steps.Select((s, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {s}"));
            blocks.Add(evidence.Count > 1 ? $"URL {(k + 1).ToString(CultureInfo.InvariantCulture)}: {text}" : text);
        }

        return string.Join("\n", blocks);
    }

    private static List<string> StepsTo(EvidenceIndex index, EvidenceRef ev)
    {
        // Back from the page where the link was found to the home page, each page with the link chosen on it.
        var steps = new List<string>();
        var choose = Quote(ev.LinkText, index.Page(ev.Url)?.Title);
        var page = ev.FoundOn is null ? null : index.Page(ev.FoundOn);
        for (var guard = 0; page?.FoundOn is not null && guard < 10; guard++)
        {
            steps.Add($"หน้า \"{ThaiText.Fold(page.Title is { Length: > 0 } t ? t : UrlCanonicalizer.Display(page.Url))}\" เลือก {choose}");
            choose = Quote(page.FoundVia, page.Title);
            page = index.Page(page.FoundOn);
        }

        steps.Add($"หน้าหลักของเว็บไซต์ เลือก {choose}");
        steps.Reverse();
        return steps;
    }

    // "ข้อความลิงก์"; a link that says only "คลิกที่นี่" is named by the page it opens.
    private static string Quote(string? linkText, string? targetTitle)
    {
        var text = ThaiText.Fold(linkText);
        var title = ThaiText.Fold(targetTitle);
        if (text.Length == 0)
        {
            return title.Length == 0 ? "ลิงก์" : $"\"{title}\"";
        }

        return title.Length > 0 && GenericLinkTexts.Contains(ThaiText.Compact(text))
            ? $"\"{text}\" (หน้า \"{title}\")"
            : $"\"{text}\"";
    }

    /// <summary>RFC 4180 text (CRLF, quotes doubled), formula-looking cells prefixed with a single quote. The caller writes it as UTF-8 with a BOM.</summary>
    public static string ToCsv(SheetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        void Line(IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        Line(table.Headers.Select(ShownText.Clean));
        foreach (var row in table.Rows)
        {
            Line(row.Select(cell => cell switch
            {
                null => string.Empty,
                double d => d.ToString("0.##", CultureInfo.InvariantCulture),
                SheetLink link => link.Url.IsAbsoluteUri ? link.Url.AbsoluteUri : link.Url.OriginalString,
                _ => Neutralize(ShownText.Clean(Convert.ToString(cell, CultureInfo.InvariantCulture))),
            }));
        }

        return csv.ToString();
    }

    /// <summary>The sheet as an xlsx file: bold frozen header, set column widths (no font measuring: it needs GDI), text cells kept as text.</summary>
    public static byte[] ToXlsx(SheetTable table) => ToXlsx([table]);

    /// <summary>The sheets, in order, as one xlsx file (each as <see cref="ToXlsx(SheetTable)"/> writes one).</summary>
    public static byte[] ToXlsx(IReadOnlyList<SheetTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Tahoma"; // has Thai on every Windows and in LibreOffice; Calibri has none
        workbook.Style.Font.FontSize = 10;
        foreach (var table in tables)
        {
            AddSheet(workbook, table);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddSheet(XLWorkbook workbook, SheetTable table)
    {
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
                    case SheetLink link:
                        SetText(cell, link.Text);
                        if (Html.IsWebLink(link.Url))
                        {
                            cell.Hyperlink = new XLHyperlink(link.Url);
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
        for (var c = table.Headers.Count - table.InputColumns; c < table.Headers.Count; c++)
        {
            // The columns the units fill in: yellow, so nobody waits for the tool to fill them.
            sheet.Cell(1, c + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF2CC");
            if (table.Rows.Count > 0)
            {
                sheet.Range(2, c + 1, table.Rows.Count + 1, c + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFFBEA");
            }
        }

        foreach (var (headerText, choices) in table.Choices ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var column = table.Headers.ToList().IndexOf(headerText) + 1;
            if (column > 0)
            {
                sheet.Range(2, column, Math.Max(2, table.Rows.Count + 1), column).SetDataValidation()
                    .List("\"" + string.Join(",", choices) + "\"", true);
            }
        }
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
        text = ShownText.Clean(text);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
