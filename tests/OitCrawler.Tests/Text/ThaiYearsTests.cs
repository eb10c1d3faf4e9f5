using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public class ThaiYearsTests
{
    [Theory]
    [InlineData("ปีงบประมาณ พ.ศ. 2568", 2568)]
    [InlineData("ปีงบประมาณ พ.ศ.. 2568", 2568)]
    [InlineData("ประจำปีงบประมาณ ๒๕๖๘", 2568)]
    [InlineData("รายงานประจำปี 2567", 2567)]
    [InlineData("ITA 2025", 2568)]
    [InlineData("FY 2568", 2568)]
    [InlineData("ตุลาคม 2567", 2568)]
    [InlineData("ต.ค. 67", 2568)]
    [InlineData("มีนาคม 2568", 2568)]
    [InlineData("ก.ย. 2568", 2568)]
    [InlineData("ธ.ค.๖๗", 2568)]
    public void Find_SingleYearForms_MapToFiscalYear(string text, int fiscalYear)
    {
        var years = ThaiYears.Find(text);
        Assert.Contains(years, y => y.IsSingle && y.FromFY == fiscalYear);
    }

    [Theory]
    [InlineData("15/11/2567", 2568)]
    [InlineData("15-11-2567", 2568)]
    [InlineData("15.11.67", 2568)]
    [InlineData("15/11/67", 2568)]
    [InlineData("1/10/2567", 2568)]
    [InlineData("30/9/2567", 2567)]
    [InlineData("30/09/2568", 2568)]
    [InlineData("๑๕/๑๑/๒๕๖๗", 2568)]
    [InlineData("ประกาศ ณ วันที่ 15/11/2024", 2568)]
    [InlineData("15/03/2025", 2568)]
    [InlineData("2024-10-15", 2568)]
    [InlineData("2024-09-30", 2567)]
    [InlineData("updated 2025-03-01T10:00:00", 2568)]
    [InlineData("2567-10-15", 2568)]
    [InlineData("October 2024", 2568)]
    [InlineData("March 2025", 2568)]
    [InlineData("Sep 2025", 2568)]
    [InlineData("ตุลาคม 2024", 2568)]
    public void Find_NumericDatesAndCommonEraMonths_MapToFiscalYearOfTheDate(string text, int fiscalYear)
    {
        // A day in October–December belongs to the next fiscal year; the bare-year pass must not add the calendar year too.
        var mention = Assert.Single(ThaiYears.Find(text));
        Assert.Equal(YearKind.Date, mention.Kind);
        Assert.True(mention.IsSingle);
        Assert.Equal(fiscalYear, mention.FromFY);
    }

    [Theory]
    [InlineData("เวอร์ชัน 1.10.67.2")]
    [InlineData("IP 10.10.10.67")]
    [InlineData("โทร 0-2141-1267")]
    [InlineData("โทร 075-11-6789")]
    [InlineData("31/02/2567")]
    [InlineData("15/13/2567")]
    [InlineData("15/11-2567")]
    [InlineData("15.11.24")]
    public void Find_NumberRunsThatAreNotDates_AreNotDates(string text) =>
        Assert.DoesNotContain(ThaiYears.Find(text), y => y.Kind == YearKind.Date);

    [Fact]
    public void Find_Range_IsOneRangeNotTwoYears()
    {
        var years = ThaiYears.Find("แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)");
        var range = Assert.Single(years);
        Assert.Equal(YearKind.Range, range.Kind);
        Assert.True(range.Covers(2568));
        Assert.False(range.Covers(2571));
    }

    [Fact]
    public void Find_DateSplitAcrossTagsAfterExtraction_IsRead()
    {
        // HtmlExtractor joins "256</span>8" without a space; the year parser then sees 2568.
        Assert.Contains(ThaiYears.Find("ประกาศ ณ วันที่ 1 ตุลาคม 2568"), y => y.FromFY == 2569);
    }

    [Fact]
    public void Find_NoYear_IsEmpty() => Assert.Empty(ThaiYears.Find("คู่มือการปฏิบัติงาน โทร 075-765267"));

    [Theory]
    [InlineData("http://x/wp-content/uploads/2025/03/report-68.pdf", 2568)]
    [InlineData("http://x/docs/%E0%B8%AA%E0%B8%82%E0%B8%A3-68.pdf", 2568)]
    [InlineData("http://x/files/plan_2567.pdf", 2567)]
    public void FindInUrl_FileNameYears_AreRead(string url, int fiscalYear) =>
        Assert.Contains(ThaiYears.FindInUrl(new Uri(url)), y => y.FromFY == fiscalYear);

    [Theory]
    [InlineData("http://x/files/notice-15.11.67.pdf", 2568)]
    [InlineData("http://x/files/notice_15-11-2567.pdf", 2568)]
    [InlineData("http://x/files/report-2024-10-15.pdf", 2568)]
    public void FindInUrl_DateInFileName_OnlyItsFiscalYear(string url, int fiscalYear)
    {
        var mention = Assert.Single(ThaiYears.FindInUrl(new Uri(url)));
        Assert.Equal(fiscalYear, mention.FromFY);
    }

    [Theory]
    [InlineData("http://x/wp-content/uploads/2025/03/manual.pdf")]
    [InlineData("http://x/files/uploads/2568/01/hr_report.pdf")]
    [InlineData("http://x/ita-2568/o11/")]
    [InlineData("http://x/ITA2568/stat.pdf")]
    public void FindInUrl_UploadAndAssessmentFolders_AreIgnored(string url) =>
        Assert.Empty(ThaiYears.FindInUrl(new Uri(url)));

    [Theory]
    [InlineData("2024-09-30T23:00:00+07:00", 2567)]
    [InlineData("2024-10-01T00:00:00+07:00", 2568)]
    [InlineData("2024-09-30T17:30:00+00:00", 2568)]
    [InlineData("2026-11-24T00:00:00+00:00", 2570)]
    public void FiscalYearOf_UsesBangkokCalendarAndOctoberStart(string instant, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).BuddhistYear);

    [Theory]
    [InlineData("รายงานความก้าวหน้า รอบ 6 เดือน", true)]
    [InlineData("ไตรมาสที่ 2", true)]
    [InlineData("ต.ค. 67 - มี.ค. 68", true)]
    [InlineData("ไตรมาสที่ 1", false)]
    [InlineData("แผนการดำเนินงาน", false)]
    public void CoversFirstHalf_ReadsHalfYearWording(string text, bool expected) =>
        Assert.Equal(expected, ThaiYears.CoversFirstHalf(text));

    [Fact]
    public void FormatThaiDate_IsBuddhistEra() =>
        Assert.Equal("24 พฤศจิกายน 2569", ThaiYears.FormatThaiDate(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)));
}
