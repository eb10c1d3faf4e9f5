using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Alerts;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Scheduling;
using OitCrawler.Tests.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Scheduling;

/// <summary>The nightly pipeline end to end: a loopback fixture site, a real SQLite file, a real SMTP server.</summary>
[Trait("speed", "slow")]
public sealed class NightlyAuditTests : IDisposable
{
    private static readonly string FixtureSite = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_CancelledMidCrawl_StoredAsPartial_DatabaseFine_NextRunCompletesWithConditionalRequests()
    {
        using var cancel = new CancellationTokenSource();
        var slow = true;
        var seen = 0;
        await using var server = await StaticSiteServer.StartAsync(FixtureSite, app => app.Use(async (context, next) =>
        {
            if (slow)
            {
                if (Interlocked.Increment(ref seen) == 6)
                {
                    await cancel.CancelAsync(); // shutdown arrives mid-crawl
                }

                await Task.Delay(100, context.RequestAborted); // a slow municipal server
            }

            await next(context);
        }));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri);
        await using (var harness = NightlyHarness.Create(settings))
        {
            var partial = await Task.Run(() => harness.Audit.RunAsync("schedule", cancel.Token));

            Assert.NotNull(partial);
            Assert.Equal(RunState.Partial, partial.State);
            Assert.Equal(CrawlOutcome.Cancelled, partial.Result.Evidence.Outcome);
            Assert.Null(partial.Alerts); // an interrupted run says nothing about the site
            Assert.True(File.Exists(Path.Combine(partial.ReportDirectory, "report.json")));
            Assert.Null(await harness.Audit.LastRunStartedAsync(CancellationToken.None)); // an interrupted night still counts as missed
        }

        // A new process: the file opens, is intact, and the next run completes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        slow = false;
        await using (var harness = NightlyHarness.Create(settings))
        {
            await harness.Database.MigrateAsync(CancellationToken.None);
            Assert.Equal("ok", await HistoryDatabaseTests.ScalarAsync(harness.Database, "PRAGMA integrity_check"));
            var complete = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));

            Assert.Equal(RunState.Complete, complete!.State);
            Assert.Contains(complete.Result.Evidence.Fetches, f => f.Status == 304); // pages kept from the partial run were revalidated
            var runs = await harness.Store.ListRunsAsync(null, 10, CancellationToken.None);
            Assert.Equal([RunState.Complete, RunState.Partial], runs.Select(r => r.State));
            Assert.Equal(RunOutcomes.Cancelled, runs[1].Outcome);
            Assert.True(File.Exists(Path.Combine(complete.ReportDirectory, "trend.json")));
            Assert.Equal(runs[0].StartedAt, await harness.Audit.LastRunStartedAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task RunNow_ProcessKilledMidCrawl_DatabaseUsable_NextRunCompletesAndMarksTheKilledRun()
    {
        var crawling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = true;
        var seen = 0;
        await using var server = await StaticSiteServer.StartAsync(FixtureSite, app => app.Use(async (context, next) =>
        {
            if (slow)
            {
                if (Interlocked.Increment(ref seen) == 3)
                {
                    crawling.TrySetResult();
                }

                await Task.Delay(200, context.RequestAborted);
            }

            await next(context);
        }));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri);

        using (var child = StartRunNow(settings))
        {
            try
            {
                await crawling.Task.WaitAsync(TimeSpan.FromSeconds(60)); // a bound for a failing test, not a sleep
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
            finally
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
            }
        }

        slow = false;
        await using var harness = NightlyHarness.Create(settings);
        Assert.Equal("ok", await HistoryDatabaseTests.ScalarAsync(harness.Database, "PRAGMA integrity_check"));
        var killed = Assert.Single(await harness.Store.ListRunsAsync(null, 10, CancellationToken.None));
        Assert.Equal(RunState.Running, killed.State); // as the killed process left it

        var next = await Task.Run(() => harness.Audit.RunAsync("startup", CancellationToken.None));

        Assert.Equal(RunState.Complete, next!.State);
        var runs = await harness.Store.ListRunsAsync(null, 10, CancellationToken.None);
        Assert.Equal([RunState.Complete, RunState.Partial], runs.Select(r => r.State));
        Assert.Equal(RunOutcomes.Abandoned, runs[1].Outcome);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RunNow_KilledAfterStoringBeforeItsReports_NeverReadsCompleteWithoutThem_AlertsQueuedWithIt_NextStartNotesIt()
    {
        // Regression: a run read complete as soon as it was stored; killed before its reports, it showed as complete
        // with no report and no note. The child process stops for real between the two: its report.json is a named
        // pipe nobody reads (made as the crawl starts, when the run's id is known), so it blocks there until killed.
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", SmtpSink.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)), // SMTP down: alerts wait
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"));
        string? killedRunId = null;
        var fifo = new Lock();
        await using var server = await StaticSiteServer.StartAsync(FixtureSite, app => app.Use(async (context, next) =>
        {
            lock (fifo)
            {
                if (killedRunId is null)
                {
                    killedRunId = RunningRunId(settings["History:DatabasePath"]!);
                    var folder = Path.Combine(settings["Audit:OutputDirectory"]!, "runs", killedRunId);
                    Directory.CreateDirectory(folder);
                    using var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "report.json.tmp"));
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }
            }

            await next(context);
        }));
        settings["Audit:Site"] = server.BaseUri.AbsoluteUri;

        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using (var child = StartRunNow(settings, line =>
        {
            output.Enqueue(line);
            if (line.Contains(" stored as ", StringComparison.Ordinal))
            {
                stored.TrySetResult();
            }
        }))
        {
            try
            {
                var exited = child.WaitForExitAsync();
                var first = await Task.WhenAny(stored.Task, exited).WaitAsync(TimeSpan.FromSeconds(120)); // a bound for a failing test, not a sleep
                Assert.True(first == stored.Task, "run-now ended without storing the run:\n" + string.Join("\n", output));
                child.Kill(entireProcessTree: true); // stored; its reports cannot be in place (the pipe blocks them)
                await child.WaitForExitAsync();
            }
            finally
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var harness = NightlyHarness.Create(settings);
        var killed = Assert.Single(await harness.Store.ListRunsAsync(null, 10, CancellationToken.None));
        Assert.Equal(killedRunId, killed.RunId);
        Assert.Equal(RunState.Reporting, killed.State); // not complete: its reports are not in place
        Assert.Null(killed.ReportPath);
        Assert.False(File.Exists(Path.Combine(settings["Audit:OutputDirectory"]!, "runs", killedRunId!, "report.html")));
        Assert.True(await HistoryDatabaseTests.ScalarAsync(harness.Database, $"SELECT count(*) FROM outbox WHERE run_id = '{killedRunId}'") is long queued && queued > 0); // queued with the run, not after it
        using (var table = new StringWriter())
        {
            RunHistoryTable.Write(table, [killed], showSite: false, RunHistoryTable.Zone(null));
            Assert.Matches($@"{killedRunId} [^\n]* reporting [^\n]*\n\s+! ยังไม่มีรายงาน", table.ToString().ReplaceLineEndings("\n"));
        }

        File.Delete(Path.Combine(settings["Audit:OutputDirectory"]!, "runs", killedRunId!, "report.json.tmp"));
        var next = await Task.Run(() => harness.Audit.RunAsync("startup", CancellationToken.None));

        Assert.Equal(RunState.Complete, next!.State);
        var runs = (await harness.Store.ListRunsAsync(null, 10, CancellationToken.None)).ToDictionary(r => r.RunId);
        Assert.Equal(RunState.Complete, runs[killedRunId!].State); // its verdicts stand, and the next run compared itself with them
        Assert.Contains("โปรแกรมหยุดก่อนเขียนรายงาน", runs[killedRunId!].Notes, StringComparison.Ordinal);
        Assert.Equal(next.ReportDirectory, runs[next.RunId].ReportPath);
        Assert.Null(runs[next.RunId].Notes);
        Assert.False(next.Alerts!.Changes.ShouldAlert); // nothing new since the killed run: its alerts are not sent twice
    }

    private static string RunningRunId(string databasePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id FROM runs WHERE state = 'running'";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task RunAsync_PageRemovedBetweenRuns_MailsTheNewGapToTheInformationUnitAndItsOwnerOnce()
    {
        var site = _temp.File("site");
        CopyDirectory(FixtureSite, site);
        await using var server = await StaticSiteServer.StartAsync(site);
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:ReportBaseUrl", "https://reports.thaphae.example/out"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"));
        var log = new LogRecorder();
        await using var harness = NightlyHarness.Create(settings, log: log);

        var first = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, first!.State);
        Assert.Equal(OitCrawler.Assessment.ItemStatus.Pass, first.Result.Items.Single(i => i.Rule.Code == "O11").Status);
        var before = sink.Messages().Count; // warnings may go out on the first run, depending on today's date

        File.Delete(Path.Combine(site, "procurement", "monthly-2569", "index.html")); // O11's evidence disappears
        var second = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));

        Assert.NotEqual(OitCrawler.Assessment.ItemStatus.Pass, second!.Result.Items.Single(i => i.Rule.Code == "O11").Status);
        var gap = Assert.Single(second.Alerts!.Changes.OfKind(ChangeKind.NewGap));
        Assert.Equal("O11", gap.Code);
        Assert.Equal(2, second.Alerts.Flush!.Sent);
        var mails = (await sink.WaitForAsync(before + 2)).Skip(before).ToList();
        Assert.Equal(2, mails.Count);
        var digest = Assert.Single(mails, m => m.To.SequenceEqual(["info@thaphae.example"]));
        Assert.Contains("ไม่ผ่านใหม่ 1 ข้อ", digest.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("เทศบาลตำบลท่าแพ", digest.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("O11", digest.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://reports.thaphae.example/out/{OitCrawler.Reporting.ReportFolders.RelativeUrl(_temp.File("out"), second.ReportDirectory)}/report.html", digest.Message.TextBody, StringComparison.Ordinal);

        // Queued as soon as the run was stored, before the reports and the page cache (seconds of work a
        // killed process would otherwise lose the alerts in); sent after them, so the link works when read.
        var queued = log.IndexOf($"alerts of run {second.RunId}");
        Assert.True(queued > log.IndexOf($"Run {second.RunId} stored"), string.Join("\n", log.Messages));
        Assert.True(queued < log.Messages.ToList().FindLastIndex(m => m.StartsWith("Saved ", StringComparison.Ordinal)), string.Join("\n", log.Messages));
        Assert.True(log.Messages.ToList().FindLastIndex(m => m.StartsWith("Saved ", StringComparison.Ordinal)) < log.Messages.ToList().FindLastIndex(m => m.StartsWith("Sent alert", StringComparison.Ordinal)));
        Assert.Contains("/procurement/monthly-2569/", digest.Message.TextBody, StringComparison.Ordinal); // where it was, or the broken link
        var klang = Assert.Single(mails, m => m.To.SequenceEqual(["klang@thaphae.example"]));
        Assert.Contains("O11", klang.Message.TextBody, StringComparison.Ordinal);

        // The same state the next night: already reported, nothing sent.
        var third = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.False(third!.Alerts!.Changes.ShouldAlert);
        Assert.Equal(before + 2, sink.Messages().Count);
    }

    [Fact]
    public async Task RunAsync_SiteRefusesEveryPageButHomeWithLongRetryAfter_NotStoredComplete_NoItemGapMailedToUnits()
    {
        // Issue 9, case 3 end to end: a site throttling every page but the home page with a long Retry-After gave a
        // "complete" run (OIT 0.00) and e-mailed "16 new gaps" to every unit. After a good night, such a night is not
        // stored complete and sends no item's gap to anyone: at most a site-level message to the information unit.
        var refusing = 0;
        await using var server = await StaticSiteServer.StartAsync(FixtureSite, app => app.Use(async (context, next) =>
        {
            if (Volatile.Read(ref refusing) == 1 && context.Request.Path != "/" && context.Request.Path != "/robots.txt")
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "3600";
                return;
            }

            await next(context);
        }));
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"),
            ("Crawl:MaxRetryAfter", "00:00:00.05"), // the hour asked for, capped: the test does not wait it
            ("Crawl:CircuitMinimumThroughput", "10000")); // a long Retry-After spreads the failures past the breaker's window
        await using var harness = NightlyHarness.Create(settings);

        var first = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, first!.State);
        Assert.Contains(first.Result.Items, i => i.Status == OitCrawler.Assessment.ItemStatus.Pass);
        var before = sink.Messages().Count; // the baseline (and warnings, depending on today's date)

        Volatile.Write(ref refusing, 1);
        var second = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));

        Assert.NotNull(second);
        Assert.Equal(CrawlOutcome.HostFailing, second.Result.Evidence.Outcome);
        Assert.Contains("HTTP 429", second.Result.Evidence.OutcomeReason, StringComparison.Ordinal);
        Assert.NotEqual(RunState.Complete, second.State);
        var stored = await harness.Store.LastCompleteRunAsync(new Uri(settings["Audit:Site"]!), null, CancellationToken.None);
        Assert.Equal(first.RunId, stored!.Run.RunId); // the good night is still the last complete one
        Assert.NotEqual(RunState.Complete, (await harness.Store.ListRunsAsync(null, 1, CancellationToken.None))[0].State);
        Assert.Empty(second.Alerts!.Changes.Items); // no item changed: the site did not answer for them
        Assert.Equal(ChangeKind.SiteUnreachable, second.Alerts.Changes.Site?.Kind);

        var mails = sink.Messages().Skip(before).ToList();
        var siteLevel = Assert.Single(mails); // at most one message about the site
        Assert.Equal(["info@thaphae.example"], siteLevel.To); // to the information unit, not to every unit
        Assert.DoesNotContain("ไม่ผ่านใหม่", siteLevel.Message.Subject, StringComparison.Ordinal);
        var body = siteLevel.Message.TextBody ?? string.Empty;
        Assert.DoesNotContain("ข้อที่ไม่ผ่านใหม่", body, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Result.Items, i => body.Contains($"{i.Rule.Code} ", StringComparison.Ordinal));
        Assert.Equal(0L, await HistoryDatabaseTests.ScalarAsync(harness.Database, $"SELECT count(*) FROM outbox WHERE run_id = '{second.RunId}' AND kind <> '{AlertComposer.DigestKind}'"));
    }

    [Fact]
    public async Task RunAsync_OutputFolderUnwritable_RunStoredCompleteWithVerdicts_AlertsStillQueued()
    {
        var site = _temp.File("site");
        CopyDirectory(FixtureSite, site);
        await using var server = await StaticSiteServer.StartAsync(site);
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", SmtpSink.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)), // SMTP down: alerts wait
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"));
        await using var harness = NightlyHarness.Create(settings);
        var first = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, first!.State);

        File.Delete(Path.Combine(site, "procurement", "monthly-2569", "index.html")); // O11 becomes a new gap
        var output = settings["Audit:OutputDirectory"]!;
        Directory.Delete(output, recursive: true);
        await File.WriteAllTextAsync(output, "not a folder"); // the reports cannot be written

        var second = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));

        Assert.NotNull(second);
        Assert.Empty(second.Files);
        var stored = await harness.Store.LastCompleteRunAsync(new Uri(settings["Audit:Site"]!), null, CancellationToken.None);
        Assert.Equal(second.RunId, stored!.Run.RunId);
        Assert.Equal(RunState.Complete, stored.Run.State);
        Assert.Equal(second.Result.Items.Count, stored.Items.Count);
        Assert.NotEqual(OitCrawler.Assessment.ItemStatus.Pass, stored.Items.Single(i => i.Code == "O11").Status);
        Assert.Equal("O11", Assert.Single(second.Alerts!.Changes.OfKind(ChangeKind.NewGap)).Code);
        Assert.True(second.Alerts.Queued > 0);
        Assert.True(second.Alerts.Flush!.Waiting >= second.Alerts.Queued);
        Assert.StartsWith("reports failed", Assert.Single(second.Problems, p => p.StartsWith("reports", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("reports failed", stored.Run.Notes, StringComparison.Ordinal);

        // run-now says so: a warning on stderr, and no "reports in" pointing at a folder that has none.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        NightlyCommands.WriteRun(new Say(stdout, stderr), second);
        Assert.DoesNotContain("reports in", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("no reports written", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"warning: run {second.RunId} is stored, but reports failed", stderr.ToString(), StringComparison.Ordinal);

        // and history shows it under the run.
        using var table = new StringWriter();
        RunHistoryTable.Write(table, await harness.Store.ListRunsAsync(null, 10, CancellationToken.None), showSite: false, RunHistoryTable.Zone(null));
        Assert.Matches($@"{second.RunId}[^\n]*\n\s+! reports failed", table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_AlertsCannotBeQueued_RunNotStoredComplete_NextRunFindsTheGapAgain()
    {
        // Regression: the run was committed first and its alerts queued in a second transaction, so a process
        // dying between the two (48–192 ms measured) lost the alerts for good: the next run compares itself with
        // the stored one and finds nothing new. A trigger refusing the outbox insert stands for that death here.
        var site = _temp.File("site");
        CopyDirectory(FixtureSite, site);
        await using var server = await StaticSiteServer.StartAsync(site);
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", SmtpSink.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)), // SMTP down: alerts wait
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"));
        await using var harness = NightlyHarness.Create(settings);
        var first = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, first!.State);
        File.Delete(Path.Combine(site, "procurement", "monthly-2569", "index.html")); // O11 becomes a new gap
        await HistoryDatabaseTests.ScalarAsync(harness.Database, "CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END");
        var queuedBefore = await HistoryDatabaseTests.ScalarAsync(harness.Database, "SELECT count(*) FROM outbox");

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None)));

        var site0 = new Uri(settings["Audit:Site"]!);
        Assert.Equal(first.RunId, (await harness.Store.LastCompleteRunAsync(site0, null, CancellationToken.None))!.Run.RunId);
        var failed = (await harness.Store.ListRunsAsync(null, 10, CancellationToken.None))[0];
        Assert.Equal(RunState.Partial, failed.State);
        Assert.Equal(RunOutcomes.Error, failed.Outcome);
        Assert.Equal(queuedBefore, await HistoryDatabaseTests.ScalarAsync(harness.Database, "SELECT count(*) FROM outbox"));

        await HistoryDatabaseTests.ScalarAsync(harness.Database, "DROP TRIGGER refuse");
        var third = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal("O11", Assert.Single(third!.Alerts!.Changes.OfKind(ChangeKind.NewGap)).Code);
        Assert.True(third.Alerts.Queued > 0);
        Assert.Equal(Path.Combine(third.ReportDirectory), (await harness.Store.ListRunsAsync(null, 1, CancellationToken.None))[0].ReportPath);
    }

    [Fact]
    public void StoreTimeout_FitsInsideTheHostShutdownTimeout()
    {
        // serve's host gives 100 s on shutdown and systemd's TimeoutStopSec is 120 s: storing a partial run must fit well inside.
        Assert.True(NightlyAudit.StoreTimeout <= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task RunAsync_AnotherAuditHoldsTheLock_ReturnsNullWithoutARun()
    {
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"));
        await using var harness = NightlyHarness.Create(settings);
        using var held = AuditLock.TryAcquire(harness.Database.Path + ".lock");
        Assert.NotNull(held);

        Assert.Null(await harness.Audit.RunAsync("run-now", CancellationToken.None));
        Assert.False(File.Exists(harness.Database.Path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RunAsync_DatabaseFolderReadOnly_SaysTheFolderCannotBeWritten_NotThatAnotherAuditRuns()
    {
        // Regression: the lock file could not be created, which was taken for the lock being held: run-now said
        // "another audit is running" (exit 4) and serve skipped every night with the same message.
        using var folder = ReadOnlyFolder.Create(_temp.File("data"));
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"), ("History:DatabasePath", Path.Combine(folder.Path, "history.db")));
        await using var harness = NightlyHarness.Create(settings);

        NightlyRun? run = null;
        var error = await Record.ExceptionAsync(async () => run = await harness.Audit.RunAsync("run-now", CancellationToken.None));

        Assert.True(error is IOException, $"{folder.How}: {(error is null ? "returned " + (run is null ? "null (busy)" : run.State) : error.GetType().Name + ": " + error.Message)}");
        Assert.Contains(folder.Path, error!.Message, StringComparison.Ordinal);
        Assert.Contains("History:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_NoSiteConfigured_IsExit2NamingTheSetting()
    {
        var stderr = new StringWriter();
        var code = await Commands.RunAsync(["run-now"], TextWriter.Null, stderr, CancellationToken.None);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Audit:Site", stderr.ToString(), StringComparison.Ordinal);
    }

    private Process StartRunNow(Dictionary<string, string?> settings, Action<string>? onLine = null)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _temp.Path,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oitcrawler.dll"));
        info.ArgumentList.Add("run-now");
        foreach (var (key, value) in settings)
        {
            info.Environment["OITCRAWLER_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { onLine?.Invoke(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { onLine?.Invoke(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [Fact]
    public async Task RunAsync_FirstRun_SendsTheBaselineOnceByMailAndByLine_EvenWhenLineAnswers500First()
    {
        await using var server = await StaticSiteServer.StartAsync(FixtureSite);
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        await using var line = await LineApiServer.StartAsync(failFirst: 1);
        const string group = "C4af4980629f1e8d5f2b7a04c7e4f1a23";
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ReportBaseUrl", "https://reports.thaphae.example/out"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"),
            ("Alerts:Line:ChannelAccessToken", LineApiServer.Token),
            ("Alerts:Line:To:0", group),
            ("Alerts:Line:BaseUrl", line.BaseUri.AbsoluteUri),
            ("Alerts:Line:RetryDelay", "00:00:00.050"));
        await using var harness = NightlyHarness.Create(settings);

        var first = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));

        Assert.Equal(RunState.Complete, first!.State);
        Assert.True(first.Result.Gaps.Count > 0);
        Assert.Equal(new OutboxFlush(2, 0, 0), first.Alerts!.Flush); // one e-mail, one push, nothing left waiting
        var mail = Assert.Single(sink.Messages());
        Assert.Equal(["info@thaphae.example"], mail.To);
        Assert.Contains("สถานะตั้งต้น: ไม่ผ่าน " + first.Result.Gaps.Count + " ข้อ", mail.Message.Subject, StringComparison.Ordinal);
        var units = OitCrawler.Reporting.ReportView.Build(first.Result).Units;
        Assert.All(units, u => Assert.Contains($"{u.Name} — {u.Rows.Count} ข้อ", mail.Message.TextBody, StringComparison.Ordinal));
        Assert.Contains($"https://reports.thaphae.example/out/{OitCrawler.Reporting.ReportFolders.RelativeUrl(_temp.File("out"), first.ReportDirectory)}/report.html", mail.Message.TextBody, StringComparison.Ordinal);

        // LINE: a 500, then the same request again under the same retry key, delivered once.
        Assert.Equal([500, 200], line.Requests.Select(r => r.Status));
        Assert.Single(line.Requests.Select(r => r.RetryKey).Distinct());
        Assert.NotNull(line.Requests[0].RetryKey);
        var push = Assert.Single(line.Delivered);
        Assert.Equal(group, push.To);
        var text = Assert.Single(push.Texts);
        Assert.Contains("สถานะตั้งต้น", text, StringComparison.Ordinal);
        Assert.All(units, u => Assert.Contains($"• {u.Name} {u.Rows.Count} ข้อ: ", text, StringComparison.Ordinal));

        // The next run has nothing new: no second baseline, by either channel.
        var second = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));
        Assert.Equal(RunState.Complete, second!.State);
        Assert.Single(sink.Messages());
        Assert.Single(line.Delivered);
        Assert.Equal(2, line.Requests.Count);
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, kind, attempts, sent_at IS NOT NULL FROM outbox ORDER BY channel";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetInt32(2)} {reader.GetBoolean(3)}");
        }

        Assert.Equal(["email baseline 1 True", "line baseline 1 True"], rows);
    }

    [Fact]
    public async Task RunAsync_LineDownForEveryAttempt_PushWaitsInTheOutbox_ThenGoesOutOnce()
    {
        await using var server = await StaticSiteServer.StartAsync(FixtureSite);
        await using var line = await LineApiServer.StartAsync(failFirst: 3);
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:Line:ChannelAccessToken", LineApiServer.Token),
            ("Alerts:Line:To:0", "U4af4980629f1e8d5f2b7a04c7e4f1a23"),
            ("Alerts:Line:BaseUrl", line.BaseUri.AbsoluteUri),
            ("Alerts:Line:Attempts", "2"),
            ("Alerts:Line:RetryDelay", "00:00:00.010"),
            ("Alerts:RetryBaseDelay", "00:00:00.001"),
            ("Alerts:RetryMaxDelay", "00:00:00.001"));
        await using var harness = NightlyHarness.Create(settings);

        var first = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));

        Assert.Equal(new OutboxFlush(0, 1, 1), first!.Alerts!.Flush); // two attempts, both 500: kept, not lost
        Assert.Empty(line.Delivered);
        await Task.Delay(20); // past the outbox's 1 ms retry delay (a due time, not a rate)
        var outbox = harness.Services.GetRequiredService<AlertOutbox>();
        Assert.Equal(new OutboxFlush(1, 0, 0), await outbox.FlushAsync(CancellationToken.None)); // a third 500, then accepted
        Assert.Equal([500, 500, 500, 200], line.Requests.Select(r => r.Status));
        Assert.Single(line.Delivered);
        Assert.Single(line.Requests.Select(r => r.RetryKey).Distinct()); // one key across process-level retries too
    }

    [Fact]
    public async Task RunAsync_CutByItsPageBudget_StoredPartial_ScoresShownAsDash_Exit5_NothingAlerted_ReportsUnderHostAndLatest()
    {
        await using var server = await StaticSiteServer.StartAsync(FixtureSite);
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Crawl:MaxPages", "3"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"));
        await using var harness = NightlyHarness.Create(settings);

        var run = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));

        // Not a complete run: stored partial, a distinct exit code.
        Assert.Equal(CrawlOutcome.BudgetExhausted, run!.Result.Evidence.Outcome);
        Assert.Equal(RunState.Partial, run.State);
        Assert.Equal(ExitCodes.Incomplete, ExitCodes.For(run.Result));

        // History marks it: partial, the outcome, no score.
        var stored = Assert.Single(await harness.Store.ListRunsAsync(null, 10, CancellationToken.None));
        Assert.Equal(RunState.Partial, stored.State);
        Assert.Equal(nameof(CrawlOutcome.BudgetExhausted), stored.Outcome);
        var table = new StringWriter();
        RunHistoryTable.Write(table, [stored], showSite: false, OitCrawler.Text.ThaiTime.Bangkok);
        var row = table.ToString().Split('\n')[1];
        Assert.Contains("partial", row, StringComparison.Ordinal);
        Assert.Contains("BudgetExhausted", row, StringComparison.Ordinal);
        Assert.Equal(3, row.Count(c => c == '—')); // OIT, indicator 9, indicator 10
        Assert.DoesNotContain(run.RunId, await File.ReadAllTextAsync(Path.Combine(run.ReportDirectory, "trend.json"))); // no trend point

        // The report and run-now's console show "—" with the reason, not a score.
        var html = await File.ReadAllTextAsync(Path.Combine(run.ReportDirectory, "report.html"));
        Assert.Contains(OitCrawler.Text.Html.Encode(OitCrawler.Reporting.ReportView.NotScored(run.Result.Evidence)), html, StringComparison.Ordinal);
        var console = new StringWriter();
        NightlyCommands.WriteRun(new Say(console, TextWriter.Null), run);
        var printed = console.ToString();
        Assert.Contains("ไม่แสดงคะแนน เพราะเก็บข้อมูลถึงจำนวนหน้าสูงสุดที่กำหนด", printed, StringComparison.Ordinal);
        Assert.Contains("ถึงจำนวนหน้าสูงสุดที่กำหนด (3 หน้า)", printed, StringComparison.Ordinal); // the crawl's own reason, in Thai
        Assert.DoesNotContain("คะแนนประมาณการ", printed, StringComparison.Ordinal);
        Assert.Contains("ไม่ครบ", printed, StringComparison.Ordinal);

        // Nothing alerted from a run that did not see the whole site, not even a baseline.
        Assert.Equal(0, run.Alerts!.Queued);
        Assert.Empty(sink.Messages());

        // Reports like audit's: out/<host>/<date-time>/, and out/<host>/latest at them.
        var siteFolder = OitCrawler.Reporting.ReportFolders.SiteFolder(_temp.File("out"), server.BaseUri);
        Assert.Equal(siteFolder, Path.GetDirectoryName(run.ReportDirectory));
        Assert.Equal(html, await File.ReadAllTextAsync(Path.Combine(OitCrawler.Reporting.ReportFolders.ResolveLatest(siteFolder)!, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(_temp.File("out"), "runs")));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("both")]
    public async Task RunAsync_FirstRun_BaselineByMailAndLine_InTheConfiguredLanguage(string language)
    {
        await using var server = await StaticSiteServer.StartAsync(FixtureSite);
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        await using var line = await LineApiServer.StartAsync(failFirst: 0);
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Audit:Language", language),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"),
            ("Alerts:Line:ChannelAccessToken", LineApiServer.Token),
            ("Alerts:Line:To:0", "C4af4980629f1e8d5f2b7a04c7e4f1a23"),
            ("Alerts:Line:BaseUrl", line.BaseUri.AbsoluteUri));
        await using var harness = NightlyHarness.Create(settings);

        var run = await Task.Run(() => harness.Audit.RunAsync("run-now", CancellationToken.None));

        Assert.Equal(RunState.Complete, run!.State);
        var gaps = run.Result.Gaps.Count;
        var mail = Assert.Single(sink.Messages()).Message;
        var push = Assert.Single(Assert.Single(line.Delivered).Texts);
        var english = new[] { "Starting point from the first audit", "Full report", "To do", "This is the first audit" };
        var thai = new[] { "สถานะตั้งต้นจากการตรวจครั้งแรก", "รายงานฉบับเต็ม", "สิ่งที่ต้องทำ", "นี่คือการตรวจครั้งแรก" };
        Assert.All(english, e => Assert.Contains(e, mail.TextBody, StringComparison.Ordinal));
        Assert.Contains($"Starting point: {gaps} items not passing", push, StringComparison.Ordinal);
        Assert.Contains("Items not yet passing, by unit:", push, StringComparison.Ordinal);
        if (language == "en")
        {
            Assert.StartsWith($"OitCrawler: Tha Phae Subdistrict Municipality, Mueang Nakhon Si Thammarat — Starting point: {gaps} items not passing", mail.Subject, StringComparison.Ordinal);
            Assert.All(thai, t => Assert.DoesNotContain(t, mail.TextBody, StringComparison.Ordinal));
            Assert.DoesNotContain("ข้อที่ยังไม่ผ่าน", push, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", mail.HtmlBody, StringComparison.Ordinal);
        }
        else
        {
            // Thai first, the English beneath; the subject (one line) in Thai.
            Assert.Contains($"สถานะตั้งต้น: ไม่ผ่าน {gaps} ข้อ", mail.Subject, StringComparison.Ordinal);
            Assert.All(thai, t => Assert.Contains(t, mail.TextBody, StringComparison.Ordinal));
            Assert.True(mail.TextBody!.IndexOf("นี่คือการตรวจครั้งแรก", StringComparison.Ordinal) < mail.TextBody.IndexOf("This is the first audit", StringComparison.Ordinal));
            Assert.True(push.IndexOf("ข้อที่ยังไม่ผ่าน แยกตามหน่วยงาน:", StringComparison.Ordinal) < push.IndexOf("Items not yet passing, by unit:", StringComparison.Ordinal));
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
