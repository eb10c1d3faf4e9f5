using ClosedXML.Excel;
using OitCrawler.Audit;
using OitCrawler.Reporting;

namespace OitCrawler.Tests.Reporting;

/// <summary><c>--lang th|en|both</c> (Audit:Language) as each written report shows it: Thai only by default.</summary>
[Trait("speed", "fast")]
public sealed class ReportLanguageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oit-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(ReportLanguage.Th)]
    [InlineData(ReportLanguage.En)]
    [InlineData(ReportLanguage.Both)]
    public async Task ReportHtml_Language_HeadingsReasonsActionsAndStatusInThatLanguage(ReportLanguage language)
    {
        await ReportWriter.WriteAllAsync(SampleAudit.Build(), [], _dir, false, language, CancellationToken.None);
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "report.html"));
        var thai = language != ReportLanguage.En;
        var english = language != ReportLanguage.Th;

        Assert.Contains(language == ReportLanguage.En ? "<html lang=\"en\">" : "<html lang=\"th\">", html, StringComparison.Ordinal);
        Assert.Equal(thai, html.Contains("คะแนนประมาณการ", StringComparison.Ordinal));
        Assert.Equal(english, html.Contains("Estimated scores", StringComparison.Ordinal));
        // O7's reason, its action and its status badge
        Assert.Equal(thai, html.Contains("พบเฉพาะปี 2567", StringComparison.Ordinal));
        Assert.Equal(english, html.Contains("found only for 2567; required: FY 2568", StringComparison.Ordinal));
        Assert.Equal(thai, html.Contains("(ฉบับที่พบเป็นของปีอื่น)", StringComparison.Ordinal));
        Assert.Equal(english, html.Contains("(the version found is for another year)", StringComparison.Ordinal));
        Assert.Equal(thai, html.Contains("\">ไม่เป็นปัจจุบัน", StringComparison.Ordinal));
        Assert.Equal(english, html.Contains("out of date</span>", StringComparison.Ordinal));
        Assert.Equal(thai, html.Contains("15 มิถุนายน 2568", StringComparison.Ordinal));
        Assert.Equal(!thai, html.Contains("15 June 2025", StringComparison.Ordinal)); // a date is said once, in Thai when there is Thai
        if (language == ReportLanguage.En)
        {
            // Thai is left only where it comes from the site or the agency's own files (titles, units, measures).
            string[] ours = ["สิ่งที่ต้องทำ", "เหตุผล", "หลักฐาน", "ผลตรวจ", "ตรวจเมื่อ", "ตัวชี้วัดที่", "ร่วมกับ", "คะแนนที่เสี่ยงเสีย", "พ.ศ.", "ประมาณการ", "สร้างโดย", " น.", "หน่วยงาน</th>"];
            Assert.All(ours, word => Assert.DoesNotContain(word, html, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(ReportLanguage.Th, "สิ่งที่ต้องทำ", "ไม่เป็นปัจจุบัน")]
    [InlineData(ReportLanguage.En, "What to do", "out of date")]
    [InlineData(ReportLanguage.Both, "สิ่งที่ต้องทำ / What to do", "ไม่เป็นปัจจุบัน / out of date")]
    public async Task GapsXlsx_Language_HeadersStatusActionAndReasonInThatLanguage(ReportLanguage language, string actionHeader, string stale)
    {
        await ReportWriter.WriteAllAsync(SampleAudit.Build(), [], _dir, false, language, CancellationToken.None);
        using var book = new XLWorkbook(Path.Combine(_dir, "gaps.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(actionHeader, sheet.Cell(1, 7).GetString());
        var o7 = sheet.RowsUsed().First(r => r.Cell(2).GetString() == "O7");
        Assert.Equal(stale, o7.Cell(5).GetString());
        var action = o7.Cell(7).GetString();
        var reason = o7.Cell(8).GetString();
        Assert.Equal(language != ReportLanguage.En, action.Contains("(ฉบับที่พบเป็นของปีอื่น)", StringComparison.Ordinal));
        Assert.Equal(language != ReportLanguage.Th, action.Contains("(the version found is for another year)", StringComparison.Ordinal));
        Assert.Equal(language != ReportLanguage.En, reason.Contains("พบเฉพาะปี 2567", StringComparison.Ordinal));
        Assert.Equal(language != ReportLanguage.Th, reason.Contains("found only for 2567", StringComparison.Ordinal));
        // The tracker's status drop-down speaks the same language as its header.
        var statusColumn = Enumerable.Range(1, 16).Single(c => sheet.Cell(1, c).GetString().Contains(language == ReportLanguage.En ? "Status" : "สถานะ", StringComparison.Ordinal));
        Assert.Contains(sheet.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnNumber == statusColumn)
            && v.Value.Contains(language == ReportLanguage.Th ? "เสร็จแล้ว" : "done", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReportLanguage.Th, "มี/ไม่มี", "มี", "ไม่มี")]
    [InlineData(ReportLanguage.En, "Published", "yes", "no")]
    [InlineData(ReportLanguage.Both, "มี/ไม่มี / Published", "มี / yes", "ไม่มี / no")]
    public async Task ChecklistXlsx_Language_HaveColumnAndActionInThatLanguage(ReportLanguage language, string header, string have, string haveNot)
    {
        await ReportWriter.WriteAllAsync(SampleAudit.Build(), [], _dir, false, language, CancellationToken.None);
        using var book = new XLWorkbook(Path.Combine(_dir, "checklist.xlsx"));
        var sheet = book.Worksheet(1);

        Assert.Equal(header, sheet.Cell(1, 3).GetString());
        Assert.Equal(have, sheet.RowsUsed().First(r => r.Cell(1).GetString() == "O1").Cell(3).GetString());
        var o14 = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "O14");
        Assert.Equal(haveNot, o14.Cell(3).GetString());
        var action = o14.Cell(9).GetString();
        Assert.Equal(language != ReportLanguage.En, action.StartsWith("แก้ลิงก์ที่เสีย", StringComparison.Ordinal));
        Assert.Equal(language != ReportLanguage.Th, action.Contains("fix the broken link", StringComparison.Ordinal));
    }
}
