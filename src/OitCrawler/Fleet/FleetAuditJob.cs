using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace OitCrawler.Fleet;

/// <summary>
/// One durable job per agency (key: the agency's id in group <see cref="Group"/>), requesting recovery:
/// a node that dies mid-audit has the audit fired again on another node (the trigger is then
/// <c>recovery</c>). <see cref="DisallowConcurrentExecutionAttribute"/> holds across the cluster, so an
/// agency is never audited twice at once. The agency is read from the agencies file at each run,
/// so an edited file applies from the next audit.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class FleetAuditJob(FleetAudit audit, IOptions<FleetOptions> options, IHostApplicationLifetime lifetime, ILogger<FleetAuditJob> logger) : IJob
{
    public const string Group = "fleet";

    /// <summary>The job data key naming what fired the job: <c>schedule</c>, <c>run-now</c>.</summary>
    public const string TriggerKey = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.JobDetail.Key.Name;
        var trigger = context.Recovering ? "recovery"
            : context.MergedJobDataMap.TryGetValue(TriggerKey, out var value) && value is string s ? s : "schedule";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var agency = AgenciesFile.Load(options.Value.AgenciesFile!).FirstOrDefault(a => a.Id == id);
            if (agency is null)
            {
                // The file changed while the cluster ran: the job goes now, not at the next node start.
                LogGone(id);
                await context.Scheduler.DeleteJob(context.JobDetail.Key, stop.Token);
                return;
            }

            await audit.RunAsync(agency, trigger, context.Recovering ? OriginalFireTime(context.MergedJobDataMap) : null, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Rethrown: the store hands a firing cancelled by shutdown back for recovery (RecoverFiringsCancelledByShutdown).
            LogCancelled(id);
            throw;
        }
        catch (Exception ex)
        {
            // Logged, not rethrown: the run is stored as failed, and the next night must still run.
            LogFailed(ex, id);
        }
    }

    // When the dead node's firing began: Quartz puts it in a recovery firing's data, as text (milliseconds since 1970, or a date).
    private static DateTimeOffset? OriginalFireTime(JobDataMap data)
    {
        if (!data.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerFireTime, out var value) || value?.ToString() is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Agency {AgencyId} is no longer in the agencies file; nothing audited, its job deleted")]
    private partial void LogGone(string agencyId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Audit of {AgencyId} cancelled by shutdown")]
    private partial void LogCancelled(string agencyId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Audit of {AgencyId} failed")]
    private partial void LogFailed(Exception exception, string agencyId);
}
