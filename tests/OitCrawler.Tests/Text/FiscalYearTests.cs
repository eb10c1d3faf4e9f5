using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public class FiscalYearTests
{
    [Theory]
    [InlineData("2024-09-30T16:59:59Z", 2567)] // 23:59:59 on 30 Sep in Bangkok: still FY 2567
    [InlineData("2024-09-30T17:00:00Z", 2568)] // 00:00 on 1 Oct in Bangkok: FY 2568 begins
    [InlineData("2025-03-31T23:00:00+07:00", 2568)]
    public void Of_BangkokCalendarOctoberStart(string instant, int expected) =>
        Assert.Equal(new FiscalYear(expected), FiscalYear.Of(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Boundaries_AreBangkokMidnights()
    {
        var fy = new FiscalYear(2568);

        Assert.Equal(new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.FromHours(7)), fy.Start);
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.FromHours(7)), fy.End);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(7)), fy.FirstHalfEnd);
        Assert.Equal(new FiscalYear(2567), fy.Previous);
        Assert.Equal(fy.Previous.End, fy.Start);
    }

    [Theory]
    [InlineData(2025, 2568)]
    [InlineData(1990, 2533)]
    public void Eras_ConvertBothWays(int commonEra, int buddhistEra)
    {
        Assert.Equal(buddhistEra, FiscalYear.ToBuddhistEra(commonEra));
        Assert.Equal(commonEra, FiscalYear.ToCommonEra(buddhistEra));
    }
}
