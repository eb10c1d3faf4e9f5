using Microsoft.Extensions.Time.Testing;
using OitCrawler.Alerts;
using OitCrawler.Assessment;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Alerts;

[Trait("speed", "fast")]
public class RegressionDetectorTests
{
    // 10 Jan 2025 in Bangkok: far from both fiscal deadlines, so no warnings interfere.
    private static readonly DateTimeOffset Quiet = new(2025, 1, 10, 2, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(2, "pass", "missing", "PendingRegression")]
    [InlineData(2, "missing,pass", "missing", "NewGap")]
    [InlineData(2, "missing,missing,pass", "missing", null)] // alerted last run already
    [InlineData(1, "pass", "stale", "NewGap")]
    [InlineData(3, "broken,pass", "missing", "PendingRegression")]
    [InlineData(3, "broken,missing,pass,pass", "missing", "NewGap")]
    [InlineData(2, "", "missing", null)] // first run: an existing gap, not a new one
    [InlineData(2, "missing,missing", "missing", null)] // never passed
    [InlineData(2, "missing,missing,pass", "pass", "Fixed")]
    [InlineData(2, "missing,pass", "pass", null)] // a flap: its failure was never alerted
    [InlineData(2, "missing", "pass", "Fixed")] // failing since history began
    [InlineData(1, "missing,pass", "pass", "Fixed")]
    [InlineData(2, "pass,pass", "pass", null)]
    public void Detect_ItemStreaks_FollowTheThreshold(int threshold, string history, string current, string? expectedKind)
    {
        ChangeKind? expected = expectedKind is null ? null : Enum.Parse<ChangeKind>(expectedKind);
        var statuses = history.Length == 0 ? [] : history.Split(',').Select(Parse).ToList();
        var now = Parse(current);
        var result = Audits.Make(now == ItemStatus.Pass ? null : new Dictionary<string, ItemStatus> { ["O12"] = now });
        var input = Input(result, new Dictionary<string, IReadOnlyList<ItemStatus>> { ["O12"] = statuses }, Quiet);

        var changes = RegressionDetector.Detect(input, threshold, 30);

        var change = Assert.Single(changes.Items.Where(i => i.Code == "O12").DefaultIfEmpty());
        Assert.Equal(expected, change?.Kind);
        Assert.Equal(expected is not null and not ChangeKind.PendingRegression, changes.ShouldAlert);
    }

    [Fact]
    public void Detect_NewGap_CarriesTheStreakAndThePreviousPass()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing });
        var changes = RegressionDetector.Detect(Input(result, new() { ["O12"] = [ItemStatus.Missing, ItemStatus.Pass] }, Quiet), 2, 30);

        var gap = Assert.Single(changes.OfKind(ChangeKind.NewGap));
        Assert.Equal(2, gap.FailingRuns);
        Assert.Equal(ItemStatus.Pass, gap.Previous);
        Assert.Equal(ItemStatus.Missing, gap.Item.Status);
    }

    [Theory]
    [InlineData("", false)] // first night down: could be a blip
    [InlineData("true", true)] // second night in a row: alert
    [InlineData("true,true", false)] // already alerted for this outage
    [InlineData("true,false,true", true)] // a new outage after a good night
    public void Detect_SiteUnreachable_IsOneChangeNeverEveryItem(string earlierDown, bool alerts)
    {
        var result = Audits.Make(outcome: CrawlOutcome.Unreachable);
        Assert.Equal(26, result.Items.Count(i => i.Status == ItemStatus.Unreachable));
        var history = result.Rules.Items.ToDictionary(r => r.Code, _ => (IReadOnlyList<ItemStatus>)[ItemStatus.Pass, ItemStatus.Pass]);
        var earlier = earlierDown.Length == 0 ? [] : earlierDown.Split(',').Select(bool.Parse).ToList();
        var input = Input(result, history, Quiet) with { SiteDown = true, SiteDownReason = "no answer", EarlierSiteDown = earlier };

        var changes = RegressionDetector.Detect(input, 2, 30);

        Assert.Empty(changes.Items);
        Assert.Equal(alerts, changes.ShouldAlert);
        if (alerts)
        {
            Assert.Equal(ChangeKind.SiteUnreachable, changes.Site!.Kind);
            Assert.Equal("no answer", changes.Site.Reason);
        }
    }

    [Fact]
    public void Detect_SiteBackAfterAnAlertedOutage_IsRecoveredAndItemsCompareWithTheLastCompleteRun()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing });
        var input = Input(result, new() { ["O12"] = [ItemStatus.Missing, ItemStatus.Pass] }, Quiet) with { EarlierSiteDown = [true, true, false] };

        var changes = RegressionDetector.Detect(input, 2, 30);

        Assert.Equal(ChangeKind.SiteRecovered, changes.Site!.Kind);
        Assert.Equal(2, changes.Site.Runs);
        Assert.Single(changes.OfKind(ChangeKind.NewGap));
    }

    [Fact]
    public void Detect_FiscalYearEndsWithinWindow_WarnsPassingPeriodItemsOnce()
    {
        // 5 Sep 2025 (Bangkok): FY 2568 ends 30 Sep, 26 days away; the window (30 days) opened 1 Sep.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 9, 4, 19, 0, 0, TimeSpan.Zero));
        var result = Audits.Make();
        var firstInWindow = Input(result, [], time.GetUtcNow()) with { PreviousCompleteRunAt = new DateTimeOffset(2025, 8, 20, 19, 0, 0, TimeSpan.Zero) };

        var changes = RegressionDetector.Detect(firstInWindow, 2, 30);

        var warned = changes.OfKind(ChangeKind.AboutToGoStale).Select(c => c.Code).ToList();
        Assert.Contains("O4", warned); // CurrentFY
        Assert.Contains("O7", warned); // PreviousFY
        Assert.Contains("O6", warned); // FirstHalfCurrentFY
        Assert.DoesNotContain("O8", warned); // InForce: no period
        Assert.DoesNotContain("O1", warned); // Current
        Assert.DoesNotContain("O5", warned); // a multi-year plan: its span is not known here
        Assert.All(changes.OfKind(ChangeKind.AboutToGoStale), c => Assert.Equal(new DateOnly(2025, 9, 30), c.DueDate));
        Assert.True(changes.ShouldAlert);

        time.Advance(TimeSpan.FromDays(1));
        var nextNight = Input(result, [], time.GetUtcNow()) with { PreviousCompleteRunAt = time.GetUtcNow().AddDays(-1) };
        Assert.Empty(RegressionDetector.Detect(nextNight, 2, 30).OfKind(ChangeKind.AboutToGoStale));
    }

    [Theory]
    [InlineData(2025, 8, 15, false)] // 46 days before the year ends
    [InlineData(2025, 9, 29, true)]
    [InlineData(2025, 10, 2, false)] // a new fiscal year: its end is a year away
    public void Detect_StaleWindow_DependsOnTheClock(int y, int m, int d, bool warns)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(y, m, d, 2, 0, 0, TimeSpan.FromHours(7)));
        var changes = RegressionDetector.Detect(Input(Audits.Make(), [], time.GetUtcNow()), 2, 30);
        Assert.Equal(warns, changes.OfKind(ChangeKind.AboutToGoStale).Any());
    }

    [Fact]
    public void Detect_FirstHalfEndsWithinWindowAndReportMissing_WarnsHalfYearReportDue()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.FromHours(7)));
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O6"] = ItemStatus.Incomplete, ["O12"] = ItemStatus.Missing });

        var changes = RegressionDetector.Detect(Input(result, [], time.GetUtcNow()), 2, 30);

        var due = Assert.Single(changes.OfKind(ChangeKind.HalfYearReportDue));
        Assert.Equal("O6", due.Code);
        Assert.Equal(new DateOnly(2025, 3, 31), due.DueDate);
    }

    private static DetectorInput Input(OitCrawler.Audit.AuditResult result, Dictionary<string, IReadOnlyList<ItemStatus>> history, DateTimeOffset now) =>
        new(false, null, result.Items, history, [], null, now);

    private static ItemStatus Parse(string s) => Enum.Parse<ItemStatus>(s, ignoreCase: true);

    [Theory]
    [InlineData("O2", 2)]
    [InlineData("O10", 10)]
    [InlineData("o33", 33)]
    [InlineData("O", int.MaxValue)]
    [InlineData("X-1", int.MaxValue)]
    [InlineData("", int.MaxValue)]
    [InlineData("O99999999999", int.MaxValue)]
    public void CodeNumber_ReadsRulesCodesWithItemCodesAndPutsOthersLast(string code, int expected) =>
        Assert.Equal(expected, RegressionDetector.CodeNumber(code));
}
