using System.Text;
using ClosedXML.Excel;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Reporting;

[Trait("speed", "fast")]
public sealed class SpreadsheetTests : IDisposable
{
    private static readonly string[] GapHeaders =
        ["หน่วยงาน", "รหัส", "ตัวชี้วัดย่อย", "รายการ", "ผลตรวจ", "คะแนนที่เสี่ยงเสีย", "สิ่งที่ต้องทำ", "เหตุผล", "หลักฐานที่พบ", "หลักฐานอื่น", "ร่วมกับ", "ประเด็น/กิจกรรม", "ผู้รับผิดชอบ", "กำหนดเสร็จ", "สถานะ", "หมายเหตุ"];

    private static readonly string[] ChecklistHeaders =
        ["ข้อ", "รายการ", "มี/ไม่มี", "URL 1", "URL 2", "URL 3", "คำอธิบาย", "หลักฐานที่พบ (ยังใช้ไม่ได้)", "สิ่งที่ต้องทำ"];

    private static readonly string O1Steps = $"1. หน้าหลักของเว็บไซต์ เลือก \"การประเมิน ITA 2568\" 2. หน้า \"{SampleAudit.Xss}\" เลือก \"{SampleAudit.Xss}\"";

    private readonly string _dir = Directory.CreateTempSubdirectory("oit-sheets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GapsXlsx_Tracker_OneRowPerItemAndUnit_ByUnitThenCode_LinksAndFillInColumns()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        using var book = new XLWorkbook(Path.Combine(_dir, "gaps.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(GapHeaders, Enumerable.Range(1, GapHeaders.Length).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("Tahoma", sheet.Cell(1, 1).Style.Font.FontName); // a font with Thai, not Calibri
        Assert.Equal(1, sheet.SheetView.SplitRow); // header frozen
        var view = ReportView.Build(result);
        var expected = view.Units.SelectMany(u => u.Rows.Select(r => $"{u.Name}|{r.Gap.Item.Rule.Code}")).ToList();
        Assert.Equal(expected, sheet.RowsUsed().Skip(1).Select(r => $"{r.Cell(1).GetString()}|{r.Cell(2).GetString()}"));
        Assert.True(expected.Count > result.Gaps.Count); // a shared gap is one row per unit

        var o7 = Row(sheet, "กองคลัง", "O7");
        Assert.Equal("9.2 การบริหารงานและการใช้จ่ายงบประมาณ", o7.Cell(3).GetString());
        Assert.Equal("รายงานผลการดำเนินงานประจำปี", o7.Cell(4).GetString());
        Assert.Equal("ไม่เป็นปัจจุบัน", o7.Cell(5).GetString());
        Assert.Equal(XLDataType.Number, o7.Cell(6).DataType);
        Assert.Equal(3.85, o7.Cell(6).GetDouble(), 2);
        Assert.Equal("https://www.thaphae.go.th/files/O7-2567.pdf", o7.Cell(9).GetString());
        Assert.Equal(new Uri("https://www.thaphae.go.th/files/O7-2567.pdf"), o7.Cell(9).GetHyperlink().ExternalAddress);
        Assert.Contains("กองช่าง", o7.Cell(11).GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("กองคลัง", o7.Cell(11).GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ประเด็นที่ 1 ", o7.Cell(12).GetString(), StringComparison.Ordinal);
        Assert.All(Enumerable.Range(13, 4), c => Assert.True(o7.Cell(c).IsEmpty())); // the units fill these in
        Assert.Contains(sheet.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber == 15) && v.Value.Contains("เสร็จแล้ว", StringComparison.Ordinal));

        Assert.Equal(ReportView.NoMeasureGroup, Row(sheet, ReportView.NoMeasureGroup, "O5").Cell(1).GetString());

        var injected = sheet.RowsUsed().First(r => r.Cell(2).GetString() == "O16").Cell(8);
        Assert.Equal(SampleAudit.Formula, injected.GetString());
        Assert.False(injected.HasFormula);
        Assert.Equal(XLDataType.Text, injected.DataType);
        Assert.True(injected.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task ChecklistXlsx_RulesOrder_UrlsOnlyForPass_NumberedSteps_FailingEvidenceApart()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        using var book = new XLWorkbook(Path.Combine(_dir, "checklist.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(ChecklistHeaders, Enumerable.Range(1, ChecklistHeaders.Length).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(result.Rules.Items.Select(i => i.Code), Enumerable.Range(2, result.Rules.Items.Count).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal("โครงสร้างและอำนาจหน้าที่", sheet.Cell(2, 2).GetString());
        Assert.Equal("มี", sheet.Cell(2, 3).GetString());
        Assert.Equal(OitCrawler.Web.UrlCanonicalizer.Display(SampleAudit.ThaiUrl), sheet.Cell(2, 4).GetString()); // Thai, not %E0%B8…
        Assert.Equal(SampleAudit.ThaiUrl, sheet.Cell(2, 4).GetHyperlink().ExternalAddress);
        Assert.Equal(O1Steps, sheet.Cell(2, 7).GetString());

        var items = result.Items.ToDictionary(i => i.Rule.Code);
        var gaps = result.Gaps.ToDictionary(g => g.Item.Rule.Code);
        for (var r = 2; r <= result.Rules.Items.Count + 1; r++)
        {
            var item = items[sheet.Cell(r, 1).GetString()];
            var pass = item.Status == ItemStatus.Pass;
            Assert.Equal(pass ? "มี" : "ไม่มี", sheet.Cell(r, 3).GetString());
            if (!pass)
            {
                // never a stale, broken or missing URL on a "ไม่มี" row: the evidence and the action go apart
                Assert.All(Enumerable.Range(4, 4), c => Assert.True(sheet.Cell(r, c).IsEmpty(), $"{item.Rule.Code} column {c}"));
                Assert.Equal(gaps[item.Rule.Code].Action, sheet.Cell(r, 9).GetString());
                Assert.Equal(item.Evidence.Count > 0, !sheet.Cell(r, 8).IsEmpty());
            }
            else
            {
                Assert.False(sheet.Cell(r, 4).IsEmpty(), item.Rule.Code);
                Assert.StartsWith("1. หน้าหลักของเว็บไซต์ เลือก ", sheet.Cell(r, 7).GetString(), StringComparison.Ordinal);
            }
        }

        var review = Enumerable.Range(2, result.Rules.Items.Count).Single(r => sheet.Cell(r, 1).GetString() == "O13");
        Assert.Equal("javascript:alert(2)", sheet.Cell(review, 8).GetString()); // text, never a link
        Assert.False(sheet.Cell(review, 8).HasHyperlink);
    }

    [Fact]
    public async Task PassWhoseElementsWereNotRead_IsListedToOpen_InTheTrackerAndTheChecklist()
    {
        // A pass judged on a scan's label: not a gap, but a person must open it and check what could not be read.
        var sample = SampleAudit.Build();
        var passed = sample.Items.First(i => i.Status == ItemStatus.Pass);
        var result = sample with { Items = [.. sample.Items.Select(i => i == passed ? i with { Unchecked = ["รายชื่อผู้รับผิดชอบ"] } : i)] };
        await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        using var gaps = new XLWorkbook(Path.Combine(_dir, "gaps.xlsx"));
        var row = gaps.Worksheet(1).RowsUsed().Single(r => r.Cell(2).GetString() == passed.Rule.Code);
        Assert.Equal(Spreadsheets.UncheckedStatus, row.Cell(5).GetString());
        Assert.Contains("รายชื่อผู้รับผิดชอบ", row.Cell(7).GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gaps.Worksheet(1).RowsUsed().Skip(1), r => r.Cell(5).GetString() == Spreadsheets.UncheckedStatus && r.Cell(2).GetString() != passed.Rule.Code);

        using var checklist = new XLWorkbook(Path.Combine(_dir, "checklist.xlsx"));
        var line = checklist.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == passed.Rule.Code);
        Assert.Equal(Spreadsheets.Have, line.Cell(3).GetString());
        Assert.Contains("รายชื่อผู้รับผิดชอบ", line.Cell(9).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_SeveralEvidence_UpToThreeUrls_EachWithItsSteps()
    {
        var sample = SampleAudit.Build();
        var o1 = sample.Items.Single(i => i.Rule.Code == "O1");
        var extra = Enumerable.Range(1, 4).Select(i => new EvidenceRef(new Uri($"https://www.thaphae.go.th/o1/{i}.pdf"), SampleAudit.Site, $"เอกสาร {i}")).ToList();
        var result = sample with { Items = [.. sample.Items.Select(i => i == o1 ? i with { Evidence = [.. o1.Evidence, .. extra] } : i)] };

        var row = Spreadsheets.Checklist(result).Rows[0];

        Assert.Equal([SampleAudit.ThaiUrl, new Uri("https://www.thaphae.go.th/o1/1.pdf"), new Uri("https://www.thaphae.go.th/o1/2.pdf")], row.Skip(3).Take(3).Select(c => ((SheetLink)c!).Url));
        var steps = ((string)row[6]!).Split('\n');
        Assert.Equal(3, steps.Length);
        Assert.Equal("URL 1: " + O1Steps, steps[0]);
        Assert.Equal("URL 2: 1. หน้าหลักของเว็บไซต์ เลือก \"เอกสาร 1\"", steps[1]);
    }

    [Fact]
    public async Task GapsCsv_Utf8WithBom_Rfc4180_AndFormulaNeutralised()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "gaps.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(',', GapHeaders) + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"คลิก\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);

        var records = ParseCsv(text);
        Assert.Equal(ReportView.Build(result).Units.Sum(u => u.Rows.Count) + 1, records.Count);
        Assert.All(records, r => Assert.Equal(GapHeaders.Length, r.Count));
        Assert.All(records.Skip(1).SelectMany(r => r), cell => Assert.False(Spreadsheets.LooksLikeFormula(cell), cell));
    }

    [Fact]
    public async Task ChecklistCsv_HasEveryItemWithBom()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "checklist.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(ChecklistHeaders, records[0]);
        Assert.Equal(["O1", "โครงสร้างและอำนาจหน้าที่", "มี", SampleAudit.ThaiUrl.AbsoluteUri, "", "", O1Steps, "", ""], records[1]);
        Assert.Equal(result.Rules.Items.Count + 1, records.Count);
    }

    [Fact]
    public async Task WriteAll_WritesSixFiles_AndLeavesNoTempFiles()
    {
        var files = await ReportWriter.WriteAllAsync(SampleAudit.Build(), [], _dir, false, ReportLanguage.Th, CancellationToken.None);

        Assert.Equal(["report.json", "report.html", "gaps.csv", "gaps.xlsx", "checklist.csv", "checklist.xlsx"], files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData("=1+2", true)]
    [InlineData("+66 2 123 4567", true)]
    [InlineData("-1", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("โครงสร้าง", false)]
    [InlineData("", false)]
    [InlineData("O1", false)]
    public void LooksLikeFormula_FirstCharacter_Decides(string text, bool expected) =>
        Assert.Equal(expected, Spreadsheets.LooksLikeFormula(text));

    private static IXLRow Row(IXLWorksheet sheet, string unit, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == unit && r.Cell(2).GetString() == code);

    // A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.NotEqual('"', c);
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.Equal(0, field.Length + record.Count); // the file ends with CRLF
        return records;
    }
}
