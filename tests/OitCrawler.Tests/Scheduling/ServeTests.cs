using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Tests.Support;

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
        Assert.True(File.Exists(Path.Combine(_temp.File("out"), "runs", run.RunId, "report.json")));
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
}
