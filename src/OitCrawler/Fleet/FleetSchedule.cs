using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Scheduling;
using Quartz;

namespace OitCrawler.Fleet;

/// <summary>
/// At a node's start, stores a job and a nightly trigger for every agency of the file that the cluster
/// does not have yet (every node may do this at once: the first wins, the others find it there), and
/// deletes the jobs of agencies the file no longer lists. Each
/// agency keeps its own minute of the night window (<see cref="StartMinute"/>), the same on every node,
/// so the fleet's audits are spread over the window instead of all firing at its start.
/// Misfire policy: a night missed while the whole cluster was down fires once as soon as a node is up
/// (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>), then keeps its time.
/// </summary>
internal sealed partial class FleetSchedule(
    ISchedulerFactory schedulers,
    IOptions<FleetOptions> fleetOptions,
    IOptions<ScheduleOptions> scheduleOptions,
    IOptions<Alerts.AlertOptions> alertOptions,
    ILogger<FleetSchedule> logger) : IHostedService
{
    /// <summary>The group of the cluster's own jobs (the outbox, the province digests): never an agency's.</summary>
    public const string ServiceGroup = "fleet-service";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = fleetOptions.Value;
        var agencies = AgenciesFile.Load(options.AgenciesFile!);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scheduleOptions.Value.TimeZone);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var added = await StoreJobsAsync(scheduler, agencies, options, zone, cancellationToken);
        var removed = await RemoveGoneAsync(scheduler, agencies, cancellationToken);
        await StoreServiceJobsAsync(scheduler, options, alertOptions.Value.OutboxPollInterval, zone, cancellationToken);
        LogSynced(agencies.Count, added, removed, options.NodeName);
    }

    /// <summary>
    /// The cluster's own jobs: the outbox (every <paramref name="poll"/>, on one node at a time, sending what any node
    /// queued) and the province digests (daily at <see cref="FleetOptions.DigestTime"/>). A trigger already stored
    /// as configured is kept, so a misfired digest still fires; a changed one is replaced.
    /// </summary>
    internal static async Task StoreServiceJobsAsync(IScheduler scheduler, FleetOptions options, TimeSpan poll, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var outboxTrigger = new TriggerKey("outbox", ServiceGroup);
        var interval = poll < TimeSpan.FromSeconds(1) ? TimeSpan.FromMinutes(1) : poll;
        if (await scheduler.GetTrigger(outboxTrigger, cancellationToken) is not ISimpleTrigger { } outbox || outbox.RepeatInterval != interval)
        {
            var job = JobBuilder.Create<OutboxJob>().WithIdentity(new JobKey("outbox", ServiceGroup)).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(outboxTrigger).ForJob(job).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await ReplaceAsync(scheduler, job, trigger, cancellationToken);
        }

        var digestTrigger = new TriggerKey("province-digest", ServiceGroup);
        var at = options.DigestTime;
        var cron = string.Create(CultureInfo.InvariantCulture, $"0 {at.Minutes} {at.Hours} * * ?");
        if (await scheduler.GetTrigger(digestTrigger, cancellationToken) is not ICronTrigger { } digest || digest.CronExpressionString != cron || digest.TimeZone.Id != zone.Id)
        {
            var job = JobBuilder.Create<ProvinceDigestJob>().WithIdentity(ProvinceDigestJob.Key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(digestTrigger).ForJob(job)
                .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await ReplaceAsync(scheduler, job, trigger, cancellationToken);
        }
    }

    private static async Task ReplaceAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // another node starting at the same moment stored it first
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stores the job and nightly trigger of each agency the cluster lacks; returns how many were new.</summary>
    internal static async Task<int> StoreJobsAsync(IScheduler scheduler, IReadOnlyList<Agency> agencies, FleetOptions options, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var agency in agencies)
        {
            var key = new JobKey(agency.Id, FleetAuditJob.Group);
            if (await scheduler.Exists(key, cancellationToken))
            {
                continue;
            }

            var minute = StartMinute(agency.Id, options.NightStart, options.NightLength);
            var job = JobBuilder.Create<FleetAuditJob>().WithIdentity(key).StoreDurably().RequestRecovery().Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(agency.Id, FleetAuditJob.Group)
                .ForJob(key)
                .WithCronSchedule(
                    string.Create(CultureInfo.InvariantCulture, $"0 {minute % 60} {minute / 60 % 24} * * ?"),
                    c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            try
            {
                await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
                added++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // another node starting at the same moment stored it first
            }
        }

        return added;
    }

    /// <summary>
    /// Deletes the job (and its nightly trigger) of every agency no longer in the file: a node started with the
    /// new file cleans the cluster, so a removed agency is not fired every night to find itself gone. An audit of
    /// it already running finishes. Returns how many were deleted.
    /// </summary>
    internal static async Task<int> RemoveGoneAsync(IScheduler scheduler, IReadOnlyList<Agency> agencies, CancellationToken cancellationToken)
    {
        var ids = agencies.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var gone = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FleetAuditJob.Group), cancellationToken))
            .Where(k => !ids.Contains(k.Name))
            .ToList();
        var removed = 0;
        foreach (var key in gone)
        {
            // False when another node starting with the same file deleted it first.
            removed += await scheduler.DeleteJob(key, cancellationToken) ? 1 : 0;
        }

        return removed;
    }

    /// <summary>The agency's minute of the day: the night start plus a fixed share of the window, from a hash of its id.</summary>
    internal static int StartMinute(string id, TimeSpan nightStart, TimeSpan nightLength)
    {
        var span = Math.Max(1, (int)nightLength.TotalMinutes);
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0);
        return (int)((nightStart.TotalMinutes + (hash % (uint)span)) % (24 * 60));
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Fleet: {Agencies} agencies in the file, {Added} new jobs stored, {Removed} jobs of removed agencies deleted; this node is {Node}")]
    private partial void LogSynced(int agencies, int added, int removed, string node);
}
