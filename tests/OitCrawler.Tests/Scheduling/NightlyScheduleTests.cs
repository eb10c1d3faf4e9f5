using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.History;
using OitCrawler.Scheduling;
using OitCrawler.Tests.Support;
using Quartz;

namespace OitCrawler.Tests.Scheduling;

[Trait("speed", "slow")]
public class NightlyScheduleTests
{
    private static readonly NightlySchedule Default = NightlySchedule.From(new ScheduleOptions());

    [Theory]
    [InlineData("2025-01-09T12:00:00Z", "2025-01-09T19:00:00Z")] // 19:00 in Bangkok → 02:00 the next morning
    [InlineData("2025-01-09T18:59:59Z", "2025-01-09T19:00:00Z")]
    [InlineData("2025-01-09T19:00:00Z", "2025-01-10T19:00:00Z")] // strictly after
    [InlineData("2025-01-09T20:00:00Z", "2025-01-10T19:00:00Z")]
    [InlineData("2024-12-31T19:30:00Z", "2025-01-01T19:00:00Z")] // across the year
    public void NextFireAfter_Default_Is0200Bangkok(string from, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Default.NextFireAfter(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(null, true)] // never audited: the first start-up is the first chance
    [InlineData("2025-01-09T19:00:03Z", false)] // ran at 02:00 this morning
    [InlineData("2025-01-09T23:30:00Z", false)] // a run-now after it counts too
    [InlineData("2025-01-08T19:00:00Z", true)] // last ran yesterday morning: this morning's was missed
    [InlineData("2025-01-09T18:59:00Z", true)] // started just before the fire time
    public void MissedRun_AtStartUp_ComparesLastRunWithThePreviousFireTime(string? lastRun, bool missed)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.FromHours(7))); // machine switched on at 08:00
        var last = lastRun is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(lastRun, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(missed, Default.MissedRun(clock.GetUtcNow(), last));
    }

    [Fact]
    public void PreviousFireAtOrBefore_NonUtcInstant_IsNeverAfterIt()
    {
        // Regression: Quartz 4.7.3 answered 02:00 of the same day for 01:30 +07:00.
        var now = new DateTimeOffset(2025, 1, 10, 1, 30, 0, TimeSpan.FromHours(7));
        Assert.Equal(new DateTimeOffset(2025, 1, 9, 2, 0, 0, TimeSpan.FromHours(7)), Default.PreviousFireAtOrBefore(now));
    }

    [Fact]
    public void MissedRun_AsTheClockMoves_OnlyAfterAFireTimePasses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 10, 1, 30, 0, TimeSpan.FromHours(7)));
        var lastRun = new DateTimeOffset(2025, 1, 9, 2, 0, 0, TimeSpan.FromHours(7));
        Assert.False(Default.MissedRun(clock.GetUtcNow(), lastRun)); // 01:30: tonight's run is not due yet

        clock.Advance(TimeSpan.FromMinutes(31)); // 02:01, and the service was not running at 02:00
        Assert.True(Default.MissedRun(clock.GetUtcNow(), lastRun));
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.FromHours(7)), Default.PreviousFireAtOrBefore(clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("0 0 2 * * ?", "Asia/Bangkok", true)]
    [InlineData("0 30 1 ? * MON-FRI", "Asia/Bangkok", true)]
    [InlineData("0 0 2 * *", "Asia/Bangkok", false)] // five fields: Quartz counts seconds
    [InlineData("0 0 25 * * ?", "Asia/Bangkok", false)]
    [InlineData("0 0 2 * * ?", "Asia/Atlantis", false)]
    public void Validate_CronAndTimeZone(string cron, string zone, bool valid) =>
        Assert.Equal(valid, new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { Cron = cron, TimeZone = zone }).Succeeded);

    [Fact]
    public async Task Quartz_RegisteredSchedule_FiresAt0200BangkokOneAtATime()
    {
        using var temp = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 9, 12, 0, 0, TimeSpan.Zero)); // Quartz takes the container's clock
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(NightlyHarness.Settings(temp, new Uri("https://www.thaphae.test/"))).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddCrawling(configuration)
            .AddAudit(configuration)
            .AddHistory(configuration)
            .AddAlerts(configuration)
            .AddNightlyAudit(configuration)
            .AddNightlySchedule(configuration)
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(); // built, not started
        try
        {
            var trigger = Assert.IsType<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("nightly", "oitcrawler")), exactMatch: false);
            Assert.Equal("0 0 2 * * ?", trigger.CronExpressionString);
            Assert.Equal(AuditJob.Key, trigger.JobKey);
            Assert.Equal(new DateTimeOffset(2025, 1, 9, 19, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
            Assert.Equal(new DateTimeOffset(2025, 1, 10, 19, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(trigger.NextFireTimeUtc));
            var job = await scheduler.GetJobDetail(AuditJob.Key);
            Assert.True(job!.ConcurrentExecutionDisallowed);
            Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("outbox", "oitcrawler")));
            Assert.True(services.GetRequiredService<IOptions<QuartzHostedServiceOptions>>().Value.WaitForJobsToComplete);
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }
}
