using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Scheduling;
using OitCrawler.Tests.Support;
using Quartz;

namespace OitCrawler.Tests.Scheduling;

/// <summary><c>serve</c> as a whole: Generic Host, Quartz, the start-up catch-up, shutdown mid-crawl.</summary>
[Trait("speed", "slow")]
public sealed class ServeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_FirstStartThenShutdownMidCrawl_CatchUpRunIsStoredAsPartial()
    {
        using var stop = new CancellationTokenSource();
        var seen = 0;
        await using var server = await StaticSiteServer.StartAsync(
            Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site"),
            app => app.Use(async (context, next) =>
            {
                if (Interlocked.Increment(ref seen) == 6)
                {
                    await stop.CancelAsync(); // the service is stopped while the start-up audit crawls
                }

                await Task.Delay(100, context.RequestAborted);
                await next(context);
            }));
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Serilog:WriteTo:1:Args:path", _temp.File("logs/oitcrawler-.log")),
            ("Serilog:WriteTo:2:Args:path", _temp.File("logs/oitcrawler-.clef")));

        // No run yet: the first start-up counts as a missed night and audits at once.
        using var banner = new StringWriter();
        var code = await Task.Run(() => ServeCommand.RunAsync(new Say(banner, TextWriter.Null), settings, stop.Token)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, code);
        var database = new HistoryDatabase(_temp.File("history.db"));
        var run = Assert.Single(await new SqliteRunStore(database).ListRunsAsync(null, 10, CancellationToken.None));
        Assert.Equal("startup", run.Trigger);
        Assert.Equal(RunState.Partial, run.State); // stored before the host let go, not left running
        Assert.Equal(nameof(CrawlOutcome.Cancelled), run.Outcome);
        // Like audit: out/<host>/<date-time>/ with out/<host>/latest pointing at it.
        var siteFolder = OitCrawler.Reporting.ReportFolders.SiteFolder(_temp.File("out"), new Uri(run.Site));
        Assert.Equal(siteFolder, Path.GetDirectoryName(run.ReportPath));
        Assert.True(File.Exists(Path.Combine(run.ReportPath!, "report.json")));
        Assert.Equal(
            File.ReadAllText(Path.Combine(run.ReportPath!, "report.json")),
            File.ReadAllText(Path.Combine(OitCrawler.Reporting.ReportFolders.ResolveLatest(siteFolder)!, "report.json")));
        var log = string.Concat(Directory.GetFiles(_temp.File("logs"), "*.clef").Select(File.ReadAllText)); // one file a day: two across midnight
        Assert.Contains($"\"RunId\":\"{run.RunId}\"", log, StringComparison.Ordinal);

        // One Thai banner at start (English beneath), the next audit in Bangkok time with the Buddhist-era year; no Quartz chatter in the log.
        var text = banner.ToString();
        Assert.Contains($"  เว็บไซต์: {server.BaseUri.AbsoluteUri}", text, StringComparison.Ordinal);
        Assert.Matches(@"  ตรวจครั้งถัดไป: \d{1,2} \p{IsThai}+ 25\d\d \d\d:\d\d น\.", text);
        Assert.Contains("  ฐานข้อมูล: " + _temp.File("history.db"), text, StringComparison.Ordinal);
        Assert.Contains("  next audit: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RAMJobStore", log, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_DatabaseFolderReadOnly_StopsAtStartSayingTheFolderCannotBeWritten()
    {
        // Issue 9, case 7 for serve: a read-only database folder stopped serve on SQLite's "unable to open database
        // file" (naming neither file nor folder), where run-now says what is wrong. Serve now says it too, at start.
        using var folder = ReadOnlyFolder.Create(_temp.File("data"));
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"),
            ("History:DatabasePath", Path.Combine(folder.Path, "history.db")),
            ("Serilog:WriteTo:1:Args:path", _temp.File("logs/oitcrawler-.log")),
            ("Serilog:WriteTo:2:Args:path", _temp.File("logs/oitcrawler-.clef")));
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a bound for a failing test (serve would keep running), not a sleep

        var error = await Record.ExceptionAsync(() => Task.Run(() => ServeCommand.RunAsync(new Say(TextWriter.Null, TextWriter.Null), settings, bound.Token)));

        Assert.True(error is IOException, $"{folder.How}: {(error is null ? "serve ran" : error.GetType().Name + ": " + error.Message)}"); // Commands: one line, exit 2
        Assert.Contains(folder.Path, error!.Message, StringComparison.Ordinal);
        Assert.Contains("must be writable (History:DatabasePath)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another audit", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Serve_NightlyJobWithDatabaseFolderReadOnly_LogsThatTheFolderCannotBeWritten_NotThatAnotherAuditRuns()
    {
        // Issue 9, case 7, the scheduled path: serve skipped every night with "another audit is running" when the
        // database folder could not be written. serve's own host (Quartz, the audit job), the folder read-only by the
        // time the night comes (its start-up check is the test above); the job is fired as the schedule fires it.
        using var folder = ReadOnlyFolder.Create(_temp.File("data"));
        var clef = _temp.File("logs/oitcrawler-.clef");
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"),
            ("History:DatabasePath", Path.Combine(folder.Path, "history.db")),
            ("Schedule:RunMissedOnStartup", "false"),
            ("Serilog:WriteTo:1:Args:path", _temp.File("logs/oitcrawler-.log")),
            ("Serilog:WriteTo:2:Args:path", clef));
        using (var host = Commands.BuildHost(settings, builder =>
        {
            NightlyCommands.AddNightly(builder);
            builder.Services.AddNightlySchedule(builder.Configuration);
        }))
        {
            await host.StartAsync();
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(AuditJob.Key, new JobDataMap { [AuditJob.TriggerKey] = "schedule" });

            var deadline = System.Diagnostics.Stopwatch.StartNew(); // a bound for a failing test, not a sleep
            while (!Logged("Audit failed", "Another audit") && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            await host.StopAsync();
        }

        var log = Read();
        Assert.Contains("Audit failed", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Another audit", log, StringComparison.Ordinal);
        Assert.Contains($"{folder.Path}/history.db.lock", log, StringComparison.Ordinal);
        Assert.Contains("its folder must be writable (History:DatabasePath)", log, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "history.db")));

        bool Logged(params string[] any)
        {
            var text = Read();
            return any.Any(a => text.Contains(a, StringComparison.Ordinal));
        }

        string Read() => Directory.Exists(_temp.File("logs"))
            ? string.Concat(Directory.GetFiles(_temp.File("logs"), "*.clef").Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream).ReadToEnd();
            }))
            : string.Empty;
    }
}
