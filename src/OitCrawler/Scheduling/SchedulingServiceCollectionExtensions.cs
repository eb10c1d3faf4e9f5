using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using Quartz;

namespace OitCrawler.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NightlyAudit"/> (what <c>run-now</c> needs) and the schedule options.</summary>
    public static IServiceCollection AddNightlyAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>()
            .Bind(configuration.GetSection(ScheduleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        services.AddTransient<NightlyAudit>();
        return services;
    }

    /// <summary>
    /// Registers the Quartz scheduler for <c>serve</c>: the audit job on the configured cron in its time
    /// zone (a firing missed while another audit ran is skipped, not queued), the outbox retry job,
    /// and the start-up check for a missed night. Shutdown waits for a running job to store its partial run.
    /// </summary>
    public static IServiceCollection AddNightlySchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = new ScheduleOptions();
        configuration.GetSection(ScheduleOptions.SectionName).Bind(schedule);
        var alerts = new AlertOptions();
        configuration.GetSection(AlertOptions.SectionName).Bind(alerts);
        // A bad cron or zone is reported by ScheduleOptionsValidator at start; never throw here first.
        var cron = CronExpression.TryParse(schedule.Cron, out _) ? schedule.Cron : new ScheduleOptions().Cron;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone ?? string.Empty, out var z) ? z : TimeZoneInfo.Utc;
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(2);
            q.AddJob<AuditJob>(j => j.WithIdentity(AuditJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(AuditJob.Key)
                .WithIdentity("nightly", "oitcrawler")
                .WithCronSchedule(cron, c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddJob<OutboxJob>(j => j.WithIdentity(OutboxJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(OutboxJob.Key)
                .WithIdentity("outbox", "oitcrawler")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(alerts.OutboxPollInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromMinutes(1) : alerts.OutboxPollInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<MissedRunCatchUp>();
        return services;
    }
}
