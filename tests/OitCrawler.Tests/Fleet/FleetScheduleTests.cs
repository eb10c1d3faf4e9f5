using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.Fleet;
using OitCrawler.History;
using OitCrawler.Tests.Support;
using Quartz;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// The fleet's jobs follow the agencies file (a removed agency's job and trigger are deleted), and an
/// audit frees its hosts as soon as its crawl ends, not after its run is stored and reported.
/// </summary>
[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class FleetScheduleTests(PostgresServer server) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RemoveGoneAsync_AgencyDroppedFromTheFile_ItsJobAndTriggerAreDeletedOthersKept()
    {
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "fleet-schedule-test-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
        }).BuildScheduler(CancellationToken.None);
        try
        {
            var options = new FleetOptions { NightStart = TimeSpan.FromHours(1), NightLength = TimeSpan.FromHours(4) };
            Agency[] all = [Agency("a1"), Agency("a2"), Agency("a3")];
            Assert.Equal(3, await FleetSchedule.StoreJobsAsync(scheduler, all, options, TimeZoneInfo.Utc, CancellationToken.None));
            var other = new JobKey("keep", "not-the-fleet");
            await scheduler.AddJob(JobBuilder.Create<FleetAuditJob>().WithIdentity(other).StoreDurably().Build(), default, CancellationToken.None);

            Assert.Equal(1, await FleetSchedule.RemoveGoneAsync(scheduler, [all[0], all[2]], CancellationToken.None));

            var left = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FleetAuditJob.Group), CancellationToken.None);
            Assert.Equal(["a1", "a3"], left.Select(k => k.Name).Order(StringComparer.Ordinal));
            Assert.Null(await scheduler.GetTrigger(new TriggerKey("a2", FleetAuditJob.Group), CancellationToken.None));
            Assert.True(await scheduler.Exists(other, CancellationToken.None)); // only the fleet's group is the file's
            Assert.Equal(0, await FleetSchedule.RemoveGoneAsync(scheduler, [all[0], all[2]], CancellationToken.None));
        }
        finally
        {
            await scheduler.Shutdown(false, CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunAsync_StoringIsSlow_HostsAreFreedWhenTheCrawlEnds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        var connection = await server.CreateDatabaseAsync();
        await using var site = await StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site"), null, ct);
        var settings = SiteAudit.Settings(2569, null);
        settings["Fleet:ConnectionString"] = connection;
        settings["Fleet:NodeName"] = "node-a";
        settings["Audit:OutputDirectory"] = _temp.File("out");
        using var host = Commands.BuildHost(settings, b =>
        {
            b.Services.AddFleetStore(b.Configuration);
            b.Services.AddFleetAlerts(b.Configuration);
            b.Services.AddTransient<FleetAudit>();
        });
        var database = host.Services.GetRequiredService<PostgresDatabase>();
        await database.MigrateAsync(ct);
        var agency = Agency("a1") with { Site = site.BaseUri };

        // Storing the verdicts waits behind another session's lock on item_results, as on a busy database.
        await using var blocker = new NpgsqlConnection(connection);
        await blocker.OpenAsync(ct);
        var hold = await blocker.BeginTransactionAsync(ct);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE item_results IN ACCESS EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync(ct);
        }

        var audit = host.Services.GetRequiredService<FleetAudit>().RunAsync(agency, "run-now", null, ct);
        var leases = new HostLeases(database, TimeProvider.System);
        await using (var next = await leases.AcquireAsync(agency.Hosts, TimeSpan.FromMilliseconds(50), ct).WaitAsync(TimeSpan.FromSeconds(120), ct))
        {
            Assert.False(audit.IsCompleted, "the audit finished before its hosts were free: the lock did not hold the store back");
            Assert.Equal(RunState.Running, (await host.Services.GetRequiredService<PostgresRunStore>().ListRunsAsync(site.BaseUri, 1, ct)).Single().State);
        }

        await hold.RollbackAsync(ct);
        var (_, state) = (await audit)!.Value;
        Assert.Equal(RunState.Complete, state);
    }

    private static Agency Agency(string id) =>
        new(id, "อบต.ทดสอบ " + id, "อบต.", "น่าน", null, new Uri($"https://{id}.nan.test/"), [], null, null, null, 2);
}
