using System.Text;
using ClosedXML.Excel;
using OitCrawler.Assessment;
using OitCrawler.Reporting;

namespace OitCrawler.Tests.Reporting;

public sealed class SpreadsheetTests : IDisposable
{
    private static readonly string[] GapHeaders =
        ["รหัส", "ตัวชี้วัดย่อย", "รายการ", "ผลตรวจ", "status", "คะแนนที่เสี่ยงเสีย", "สิ่งที่ต้องทำ", "เหตุผล", "หลักฐานที่พบ", "ประเด็น/กิจกรรม", "หน่วยงานรับผิดชอบ"];

    private readonly string _dir = Directory.CreateTempSubdirectory("oit-sheets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GapsXlsx_OneRowPerGap_WithThaiHeadersStatusesAndUnits()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, CancellationToken.None);

        using var book = new XLWorkbook(Path.Combine(_dir, "gaps.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(GapHeaders, Enumerable.Range(1, GapHeaders.Length).Select(c => sheet.Cell(1, c).GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow); // header frozen
        Assert.Equal(result.Gaps.Count + 1, sheet.LastRowUsed().RowNumber());

        var o7 = Row(sheet, "O7");
        Assert.Equal("9.2 การบริหารงานและการใช้จ่ายงบประมาณ", o7.Cell(2).GetString());
        Assert.Equal("รายงานผลการดำเนินงานประจำปี", o7.Cell(3).GetString());
        Assert.Equal("ไม่เป็นปัจจุบัน", o7.Cell(4).GetString());
        Assert.Equal("stale", o7.Cell(5).GetString());
        Assert.Equal(XLDataType.Number, o7.Cell(6).DataType);
        Assert.Equal(3.85, o7.Cell(6).GetDouble(), 2);
        Assert.Contains("กองคลัง", o7.Cell(11).GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ประเด็นที่ 1 ", o7.Cell(10).GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.thaphae.go.th/files/O7-2567.pdf", o7.Cell(9).GetString());

        Assert.Equal("ไม่มีมาตรการรองรับ", Row(sheet, "O5").Cell(11).GetString());

        var injected = Row(sheet, "O16").Cell(8);
        Assert.Equal(SampleAudit.Formula, injected.GetString());
        Assert.False(injected.HasFormula);
        Assert.Equal(XLDataType.Text, injected.DataType);
        Assert.True(injected.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task ChecklistXlsx_RulesOrder_HaveOnlyForPass_UrlAndClickPath()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, CancellationToken.None);

        using var book = new XLWorkbook(Path.Combine(_dir, "checklist.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(["ข้อ", "รายการ", "มี/ไม่มี", "URL", "คำอธิบาย"], Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(result.Rules.Items.Select(i => i.Code), Enumerable.Range(2, result.Rules.Items.Count).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal("โครงสร้างและอำนาจหน้าที่", sheet.Cell(2, 2).GetString());
        Assert.Equal("มี", sheet.Cell(2, 3).GetString());
        Assert.Equal(SampleAudit.ThaiUrl.AbsoluteUri, sheet.Cell(2, 4).GetString());
        Assert.Equal(SampleAudit.ThaiUrl, sheet.Cell(2, 4).GetHyperlink().ExternalAddress);
        Assert.Equal($"หน้าแรก > การประเมิน ITA 2568 > {SampleAudit.Xss}", sheet.Cell(2, 5).GetString());

        var rows = result.Items.ToDictionary(i => i.Rule.Code);
        for (var r = 2; r <= result.Rules.Items.Count + 1; r++)
        {
            var item = rows[sheet.Cell(r, 1).GetString()];
            Assert.Equal(item.Status == ItemStatus.Pass ? "มี" : "ไม่มี", sheet.Cell(r, 3).GetString());
        }

        var missing = Enumerable.Range(2, result.Rules.Items.Count).Single(r => sheet.Cell(r, 1).GetString() == "O5");
        Assert.Equal(string.Empty, sheet.Cell(missing, 4).GetString());
        Assert.Equal(string.Empty, sheet.Cell(missing, 5).GetString());
        var review = Enumerable.Range(2, result.Rules.Items.Count).Single(r => sheet.Cell(r, 1).GetString() == "O13");
        Assert.False(sheet.Cell(review, 4).HasHyperlink); // javascript: is text, never a link
    }

    [Fact]
    public async Task GapsCsv_Utf8WithBom_Rfc4180_AndFormulaNeutralised()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "gaps.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(',', GapHeaders) + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"คลิก\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);

        var records = ParseCsv(text);
        Assert.Equal(result.Gaps.Count + 1, records.Count);
        Assert.All(records, r => Assert.Equal(GapHeaders.Length, r.Count));
        Assert.All(records.Skip(1).SelectMany(r => r), cell => Assert.False(Spreadsheets.LooksLikeFormula(cell), cell));
    }

    [Fact]
    public async Task ChecklistCsv_HasEveryItemWithBom()
    {
        var result = SampleAudit.Build();
        await ReportWriter.WriteAllAsync(result, [], _dir, false, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir, "checklist.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["ข้อ", "รายการ", "มี/ไม่มี", "URL", "คำอธิบาย"], records[0]);
        Assert.Equal(["O1", "โครงสร้างและอำนาจหน้าที่", "มี", SampleAudit.ThaiUrl.AbsoluteUri, $"หน้าแรก > การประเมิน ITA 2568 > {SampleAudit.Xss}"], records[1]);
        Assert.Equal(result.Rules.Items.Count + 1, records.Count);
    }

    [Fact]
    public async Task WriteAll_WritesSixFiles_AndLeavesNoTempFiles()
    {
        var files = await ReportWriter.WriteAllAsync(SampleAudit.Build(), [], _dir, false, CancellationToken.None);

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

    private static IXLRow Row(IXLWorksheet sheet, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == code);

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
