using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Text;
using Quartz;

namespace OitCrawler.Scheduling;

/// <summary>
/// At start-up, fires the audit job once if the last scheduled night was missed (the machine was off
/// at 02:00). The decision is <see cref="NightlySchedule.MissedRun"/>, on the injected clock; the run
/// goes through the job, so it is still one audit at a time.
/// </summary>
internal sealed partial class MissedRunCatchUp(
    ISchedulerFactory schedulers,
    NightlyAudit audit,
    IOptions<ScheduleOptions> options,
    TimeProvider timeProvider,
    ILogger<MissedRunCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunMissedOnStartup)
        {
            return;
        }

        try
        {
            var schedule = NightlySchedule.From(options.Value);
            var now = timeProvider.GetUtcNow();
            var last = await audit.LastRunStartedAsync(stoppingToken);
            if (!schedule.MissedRun(now, last))
            {
                var next = schedule.NextFireAfter(now);
                var nextText = ThaiTime.Format(next, schedule.TimeZone);
                LogNotMissed(nextText);
                return;
            }

            var missed = schedule.PreviousFireAtOrBefore(now);
            var missedText = ThaiTime.Format(missed, schedule.TimeZone);
            var lastText = last is null ? "ยังไม่เคยตรวจ" : "ตรวจครั้งล่าสุดเริ่ม " + ThaiTime.Format(last, schedule.TimeZone);
            LogMissed(missedText, lastText);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            await scheduler.TriggerJob(AuditJob.Key, new JobDataMap { [AuditJob.TriggerKey] = "startup" }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down before we decided
        }
        catch (Exception ex)
        {
            LogFailed(ex, ex.Message);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "ไม่มีรอบที่พลาด ตรวจครั้งถัดไป {NextFire}")]
    private partial void LogNotMissed(string nextFire);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "รอบตรวจ {MissedFire} ไม่ได้ทำ ({LastRun}) จึงตรวจทันที")]
    private partial void LogMissed(string missedFire, string lastRun);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Could not check for a missed night: {Error}")]
    private partial void LogFailed(Exception exception, string error);
}
