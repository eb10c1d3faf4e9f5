using Microsoft.Extensions.Logging;
using OitCrawler.Alerts;
using Quartz;

namespace OitCrawler.Scheduling;

/// <summary>Retries alerts that could not be sent (SMTP down), every Alerts:OutboxPollInterval; only rows whose backoff has passed are tried.</summary>
[DisallowConcurrentExecution]
internal sealed partial class OutboxJob(AlertOutbox outbox, ILogger<OutboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-outbox", "oitcrawler");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var flush = await outbox.FlushAsync(cancellationToken);
            if (flush.Sent > 0)
            {
                LogFlushed(flush.Sent, flush.Waiting);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, ex.Message);
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Outbox: sent {Sent} waiting alerts; {Waiting} still waiting")]
    private partial void LogFlushed(int sent, int waiting);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Outbox flush failed: {Error}")]
    private partial void LogFailed(Exception exception, string error);
}
