using OitCrawler.Assessment;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Tests.Support;
using OitCrawler.Reporting;

namespace OitCrawler.Tests.History;

[Trait("speed", "fast")]
public sealed class SqliteRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset Night = new(2025, 1, 9, 19, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FinishRunAsync_Complete_StoresStateScoresAndItems()
    {
        var store = await StoreAsync();
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing }, at: Night);
        await store.BeginRunAsync("r1", result.Site, 2568, 2568, Night, "schedule", CancellationToken.None);
        Assert.Equal(RunState.Running, (await store.ListRunsAsync(result.Site, 10, CancellationToken.None))[0].State);

        await store.FinishRunAsync("r1", RunState.Complete, result, null, null, CancellationToken.None);
        await store.SetReportPathAsync("r1", "/out/runs/r1", CancellationToken.None);

        var run = Assert.Single(await store.ListRunsAsync(result.Site, 10, CancellationToken.None));
        Assert.Equal(RunState.Complete, run.State);
        Assert.Equal(result.Score.Oit, run.Oit);
        Assert.Equal(result.Score.Indicator9, run.Indicator9);
        Assert.NotEmpty(run.SubIndicators);
        Assert.Equal("/out/runs/r1", run.ReportPath);
        Assert.Equal("schedule", run.Trigger);
        var detail = await store.LastCompleteRunAsync(result.Site, null, CancellationToken.None);
        Assert.Equal(26, detail!.Items.Count);
        Assert.Equal(ItemStatus.Missing, detail.Items.Single(i => i.Code == "O12").Status);
        Assert.Null(detail.Items.Single(i => i.Code == "O12").EvidenceUrl);
    }

    [Fact]
    public async Task ItemHistoryAsync_CountsCompleteRunsOnlyNewestFirst()
    {
        var store = await StoreAsync();
        await RunAsync(store, "a", Night, RunState.Complete, ItemStatus.Pass);
        await RunAsync(store, "b", Night.AddDays(1), RunState.Complete, ItemStatus.Missing);
        await RunAsync(store, "c", Night.AddDays(2), RunState.Unreachable, ItemStatus.Unreachable, CrawlOutcome.Unreachable);
        await RunAsync(store, "d", Night.AddDays(3), RunState.Partial, ItemStatus.Missing, CrawlOutcome.Cancelled);
        await RunAsync(store, "e", Night.AddDays(4), RunState.Complete, ItemStatus.Broken);

        var history = await store.ItemHistoryAsync(Audits.Site, "e", 10, CancellationToken.None);

        Assert.Equal([ItemStatus.Missing, ItemStatus.Pass], history["O12"]);
        Assert.Equal("b", (await store.LastCompleteRunAsync(Audits.Site, "e", CancellationToken.None))!.Run.RunId);
        var runs = await store.ListRunsAsync(Audits.Site, 10, CancellationToken.None);
        Assert.Equal(["e", "d", "c", "b", "a"], runs.Select(r => r.RunId));
        Assert.True(runs.Single(r => r.RunId == "d").WasInterrupted);
        Assert.True(runs.Single(r => r.RunId == "c").SiteDown);
    }

    [Fact]
    public async Task AbandonRunningAsync_RunLeftRunning_BecomesPartialAbandoned()
    {
        var store = await StoreAsync();
        await store.BeginRunAsync("killed", Audits.Site, 2568, 2568, Night, "schedule", CancellationToken.None);

        Assert.Equal(1, await store.AbandonRunningAsync(Night.AddHours(1), CancellationToken.None));

        var run = Assert.Single(await store.ListRunsAsync(null, 10, CancellationToken.None));
        Assert.Equal(RunState.Partial, run.State);
        Assert.Equal(RunOutcomes.Abandoned, run.Outcome);
        Assert.True(run.WasInterrupted);
    }

    [Fact]
    public async Task FinishRunAsync_WithoutReports_ReadsReportingUntilTheyAreInPlaceOrTheirFailureIsNoted()
    {
        // Regression: a run read complete from the moment it was stored, before its reports: a process killed
        // in between left a "complete" run with no report and no note.
        var store = await StoreAsync();
        var result = Audits.Make(null, at: Night);
        await store.BeginRunAsync("written", result.Site, 2568, 2568, Night, "schedule", CancellationToken.None);
        await store.FinishRunAsync("written", RunState.Unreachable, result, null, null, CancellationToken.None);
        await store.BeginRunAsync("failed", result.Site, 2568, 2568, Night.AddDays(1), "schedule", CancellationToken.None);
        await store.FinishRunAsync("failed", RunState.Complete, result, null, null, CancellationToken.None);

        Assert.All(await store.ListRunsAsync(null, 10, CancellationToken.None), r => Assert.Equal(RunState.Reporting, r.State));
        Assert.Null(await store.LastCompleteRunAsync(result.Site, null, CancellationToken.None));

        await store.SetReportPathAsync("written", "/out/runs/written", CancellationToken.None);
        await store.AddNoteAsync("failed", "reports failed: IOException: No space left on device", CancellationToken.None);
        await store.SettleWithoutReportsAsync("failed", CancellationToken.None);

        var runs = (await store.ListRunsAsync(null, 10, CancellationToken.None)).ToDictionary(r => r.RunId);
        Assert.Equal(RunState.Unreachable, runs["written"].State); // the state it was stored with, now that its reports are in place
        Assert.Equal("/out/runs/written", runs["written"].ReportPath);
        Assert.Equal(RunState.Complete, runs["failed"].State);
        Assert.Equal("reports failed: IOException: No space left on device", runs["failed"].Notes);
    }

    [Fact]
    public async Task AbandonRunningAsync_RunStoredButKilledBeforeItsReports_TakesItsStateWithANote()
    {
        var store = await StoreAsync();
        var result = Audits.Make(null, at: Night);
        await store.BeginRunAsync("killed", result.Site, 2568, 2568, Night, "schedule", CancellationToken.None);
        await store.FinishRunAsync("killed", RunState.Complete, result, null, null, CancellationToken.None); // what the nightly audit stores before the reports
        await RunAsync(store, "failed", Night.AddDays(1), RunState.Complete, ItemStatus.Pass);
        await store.AddNoteAsync("failed", "reports failed: IOException: No space left on device", CancellationToken.None);
        await RunAsync(store, "written", Night.AddDays(2), RunState.Complete, ItemStatus.Pass);

        Assert.Equal(0, await store.AbandonRunningAsync(Night.AddDays(3), CancellationToken.None));

        var runs = (await store.ListRunsAsync(null, 10, CancellationToken.None)).ToDictionary(r => r.RunId);
        Assert.Equal(RunState.Complete, runs["killed"].State); // its verdicts (and the alerts queued with them) stand
        Assert.False(runs["killed"].WasInterrupted);
        Assert.Contains("before its reports", runs["killed"].Notes, StringComparison.Ordinal);
        Assert.Contains("โปรแกรมหยุดก่อนเขียนรายงาน", runs["killed"].Notes, StringComparison.Ordinal);
        Assert.Null(runs["killed"].ReportPath);
        Assert.Equal("reports failed: IOException: No space left on device", runs["failed"].Notes); // already says why
        Assert.Null(runs["written"].Notes);
    }

    [Fact]
    public async Task TrendReport_ListsCompleteRunsOldestFirst()
    {
        var store = await StoreAsync();
        await RunAsync(store, "a", Night, RunState.Complete, ItemStatus.Pass);
        await RunAsync(store, "b", Night.AddDays(1), RunState.Unreachable, ItemStatus.Unreachable, CrawlOutcome.Unreachable);
        await RunAsync(store, "c", Night.AddDays(2), RunState.Complete, ItemStatus.Missing);

        var trend = TrendReport.Build(RunOutcomes.SiteKey(Audits.Site), RunOutcomes.CompleteScores(await store.ListRunsAsync(Audits.Site, 10, CancellationToken.None)));

        Assert.Equal(["a", "c"], trend.Runs.Select(r => r.RunId));
        Assert.True(trend.Runs[0].Oit > trend.Runs[1].Oit);
        Assert.Contains("9.1", trend.Runs[0].SubIndicators.Keys);
        var path = await TrendReport.WriteAsync(trend, _temp.File("run"), CancellationToken.None);
        Assert.Contains("\"indicator9\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRunAsync_StoredRun_ReadsItemsWithEvidenceAndReasons()
    {
        var store = await StoreAsync();
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Stale }, at: Night, reason: "<b>ปี 2566</b>", linkText: "<script>x()</script>");
        await store.BeginRunAsync("r1", result.Site, 2568, 2568, Night, "schedule", CancellationToken.None);
        await store.FinishRunAsync("r1", RunState.Complete, result, null, null, CancellationToken.None);

        var detail = await store.GetRunAsync("r1", CancellationToken.None);

        Assert.Null(await store.GetRunAsync("nope", CancellationToken.None));
        Assert.Equal("r1", detail!.Run.RunId);
        var o12 = detail.Items.Single(i => i.Code == "O12");
        Assert.Equal(ItemStatus.Stale, o12.Status);
        Assert.Equal("<script>x()</script>", Assert.Single(o12.Evidence).LinkText);
        Assert.Equal(new Uri(Audits.Site, "ita/o12/"), o12.Evidence[0].Url);
        Assert.Equal("<b>ปี 2566</b>", Assert.Single(o12.Reasons).Th);
    }

    [Fact]
    public async Task ItemTimelineAsync_OneItemAcrossStoredRuns_NewestFirstWithoutRunning()
    {
        var store = await StoreAsync();
        await RunAsync(store, "a", Night, RunState.Complete, ItemStatus.Pass);
        await RunAsync(store, "b", Night.AddDays(1), RunState.Unreachable, ItemStatus.Unreachable, CrawlOutcome.Unreachable);
        await RunAsync(store, "c", Night.AddDays(2), RunState.Complete, ItemStatus.Missing);
        await store.BeginRunAsync("d", Audits.Site, 2568, 2568, Night.AddDays(3), "schedule", CancellationToken.None);

        var timeline = await store.ItemTimelineAsync(Audits.Site, "O12", 10, CancellationToken.None);

        Assert.Equal(["c", "b", "a"], timeline.Select(v => v.Run.RunId));
        Assert.Equal([ItemStatus.Missing, ItemStatus.Unreachable, ItemStatus.Pass], timeline.Select(v => v.Item.Status));
        Assert.NotEmpty(timeline[2].Item.Evidence);
        Assert.Equal(["c"], (await store.ItemTimelineAsync(Audits.Site, "O12", 1, CancellationToken.None)).Select(v => v.Run.RunId));
        Assert.Empty(await store.ItemTimelineAsync(new Uri("https://other.test/"), "O12", 10, CancellationToken.None));
    }

    private async Task<SqliteRunStore> StoreAsync()
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        return new SqliteRunStore(database);
    }

    private static async Task RunAsync(SqliteRunStore store, string id, DateTimeOffset at, RunState state, ItemStatus o12, CrawlOutcome outcome = CrawlOutcome.Completed)
    {
        var result = Audits.Make(o12 == ItemStatus.Pass ? null : new Dictionary<string, ItemStatus> { ["O12"] = o12 }, outcome, at);
        await store.BeginRunAsync(id, result.Site, 2568, 2568, at, "schedule", CancellationToken.None);
        await store.FinishRunAsync(id, state, result, $"/out/runs/{id}", null, CancellationToken.None);
    }
}
