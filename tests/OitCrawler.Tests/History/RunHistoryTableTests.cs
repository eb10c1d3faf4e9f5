using OitCrawler.History;
using OitCrawler.Cli;

namespace OitCrawler.Tests.History;

[Trait("speed", "fast")]
public sealed class RunHistoryTableTests
{
    private static readonly DateTimeOffset Night = new(2025, 1, 9, 19, 0, 0, TimeSpan.Zero); // 10 Jan 2025, 02:00 Bangkok

    [Fact]
    public void Started_ShowsTheBuddhistEraDateInTheScheduleTimeZone_NotAlwaysUtcPlus7()
    {
        Assert.Equal("10 มกราคม 2568 02:00", RunHistoryTable.Started(Night, RunHistoryTable.Zone("Asia/Bangkok")));
        Assert.Equal("9 มกราคม 2568 19:00", RunHistoryTable.Started(Night, RunHistoryTable.Zone("UTC")));
        Assert.Equal("10 มกราคม 2568 04:00", RunHistoryTable.Started(Night, RunHistoryTable.Zone("Asia/Tokyo")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus")]
    public void Zone_NotSetOrUnknown_IsBangkok(string? configured) =>
        Assert.Equal(TimeSpan.FromHours(7), RunHistoryTable.Zone(configured).GetUtcOffset(Night));

    [Fact]
    public void Write_ThaiMonthsOfDifferentLengths_KeepTheColumnsAfterThemAligned()
    {
        var runs = new[]
        {
            Run("r-feb", new DateTimeOffset(2025, 2, 9, 19, 0, 0, TimeSpan.Zero), 80.5), // กุมภาพันธ์: combining marks
            Run("r-nov", new DateTimeOffset(2024, 11, 20, 19, 0, 0, TimeSpan.Zero), 79.25), // พฤศจิกายน
            Run("r-may", new DateTimeOffset(2024, 5, 1, 19, 0, 0, TimeSpan.Zero), 81), // พฤษภาคม
        };
        using var w = new StringWriter();

        RunHistoryTable.Write(w, runs, showSite: false, RunHistoryTable.Zone("Asia/Bangkok"));

        var lines = w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("run ", lines[0], StringComparison.Ordinal);
        Assert.Contains("started (Asia/Bangkok)", lines[0], StringComparison.Ordinal);
        Assert.Contains("10 กุมภาพันธ์ 2568 02:00", lines[1], StringComparison.Ordinal);
        Assert.Contains("21 พฤศจิกายน 2567 02:00", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 พฤษภาคม 2567 02:00", lines[3], StringComparison.Ordinal);
        var stateColumn = lines.Take(4).Select(l => RunHistoryTable.DisplayWidth(l[..l.IndexOf(lines[0] == l ? "state" : "complete", StringComparison.Ordinal)])).Distinct();
        Assert.Single(stateColumn); // the state column starts at the same screen column on every line
        Assert.Contains("80.50↑", lines[1], StringComparison.Ordinal);
        Assert.Contains("79.25↓", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RunWithNotes_ShowsEachNoteUnderItsRun()
    {
        var runs = new[]
        {
            Run("r-new", Night, 80) with { Notes = "reports failed: IOException: disk full\nalerts failed: SmtpCommandException: 550" },
            Run("r-old", Night.AddDays(-1), 79),
        };
        using var w = new StringWriter();

        RunHistoryTable.Write(w, runs, showSite: false, RunHistoryTable.Zone("Asia/Bangkok"));

        var lines = w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("r-new", lines[1], StringComparison.Ordinal);
        Assert.Equal("    ! reports failed: IOException: disk full", lines[2]);
        Assert.Equal("    ! alerts failed: SmtpCommandException: 550", lines[3]);
        Assert.StartsWith("r-old", lines[4], StringComparison.Ordinal);
    }

    private static RunSummary Run(string id, DateTimeOffset startedAt, double oit) =>
        new(id, "https://www.thaphae.test/", 2569, 2569, startedAt, startedAt.AddMinutes(20), RunState.Complete, "Completed", null,
            120, 8, oit, 70, 90, new Dictionary<string, double>(), null, "schedule");
}
