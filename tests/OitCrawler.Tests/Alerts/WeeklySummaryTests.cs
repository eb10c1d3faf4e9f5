using OitCrawler.Alerts;

namespace OitCrawler.Tests.Alerts;

[Trait("speed", "fast")]
public sealed class WeeklySummaryTests
{
    private static readonly Uri Site = new("https://www.thaphae.go.th/");

    [Theory]
    [InlineData("2026-03-02T01:00:00+07:00", true)] // Monday 2 March 2569, inside 01-15..04-30
    [InlineData("2026-03-03T01:00:00+07:00", false)] // Tuesday
    [InlineData("2026-05-04T01:00:00+07:00", false)] // a Monday after the window
    [InlineData("2026-03-01T20:00:00+00:00", true)] // Sunday in UTC, Monday 03:00 in Bangkok
    public void WeeklyKey_DayAndWindowInBangkokTime(string at, bool due)
    {
        var options = new WeeklySummaryOptions { Day = DayOfWeek.Monday, From = "01-15", Until = "04-30" };

        var key = AlertService.WeeklyKey(options, Site, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(due, key is not null);
    }

    [Fact]
    public void WeeklyKey_TwoRunsTheSameDay_SameKey_SoOneSummary()
    {
        var options = new WeeklySummaryOptions { Day = DayOfWeek.Monday, From = "12-01", Until = "02-28" }; // across the new year

        var early = AlertService.WeeklyKey(options, Site, new DateTimeOffset(2025, 12, 29, 1, 0, 0, TimeSpan.FromHours(7)));
        var late = AlertService.WeeklyKey(options, Site, new DateTimeOffset(2025, 12, 29, 23, 0, 0, TimeSpan.FromHours(7)));
        var nextWeek = AlertService.WeeklyKey(options, Site, new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.FromHours(7)));

        Assert.NotNull(early);
        Assert.Equal(early, late);
        Assert.NotNull(nextWeek);
        Assert.NotEqual(early, nextWeek);
        Assert.Null(AlertService.WeeklyKey(null, Site, new DateTimeOffset(2025, 12, 29, 1, 0, 0, TimeSpan.FromHours(7))));
    }

    [Theory]
    [InlineData("01-15", true)]
    [InlineData("02-29", true)]
    [InlineData("2-3", false)]
    [InlineData("13-01", false)]
    [InlineData("15 ม.ค.", false)]
    public void MonthDay_OnlyMMdd(string text, bool valid) =>
        Assert.Equal(valid, AlertOptionsValidator.MonthDay(text) is not null);
}
