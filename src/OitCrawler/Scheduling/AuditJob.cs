using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace OitCrawler.Scheduling;

/// <summary>
/// The scheduled audit. One at a time (Quartz will not start a second while one runs), cancelled by
/// shutdown: the job's token and the host's ApplicationStopping both stop the crawl, and
/// <see cref="NightlyAudit"/> stores what was gathered as a partial run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class AuditJob(NightlyAudit audit, IHostApplicationLifetime lifetime, ILogger<AuditJob> logger) : IJob
{
    public static readonly JobKey Key = new("nightly-audit", "oitcrawler");

    /// <summary>The job data key naming what fired the job (<c>schedule</c> or <c>startup</c>).</summary>
    public const string TriggerKey = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var trigger = context.MergedJobDataMap.TryGetValue(TriggerKey, out var value) && value is string s ? s : "schedule";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await audit.RunAsync(trigger, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogCancelled();
        }
        catch (Exception ex)
        {
            // Logged, not rethrown: Quartz would only log it again, and the next night must still run.
            LogFailed(ex, ex.Message);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Audit cancelled by shutdown")]
    private partial void LogCancelled();

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Audit failed: {Error}")]
    private partial void LogFailed(Exception exception, string error);
}
