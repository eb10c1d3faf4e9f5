using Microsoft.Extensions.Logging;
using Quartz;

namespace OitCrawler.Fleet;

/// <summary>
/// The nightly province digests, one job for the whole cluster (<see cref="Key"/>): fired once a day at
/// <c>Fleet:DigestAt</c> on whichever node is free; a firing missed while every node was down fires once
/// when one is back. The outbox's dedup key (province and date) keeps a repeated firing from sending twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ProvinceDigestJob(FleetDigests digests, ILogger<ProvinceDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("province-digest", FleetSchedule.ServiceGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await digests.SendAsync(null, cancellationToken);
            LogDone(outcome.Provinces, outcome.Queued, outcome.Flush?.Sent ?? 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, ex.Message);
        }
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Province digests: {Provinces} provinces, {Queued} messages queued, {Sent} sent")]
    private partial void LogDone(int provinces, int queued, int sent);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Error, Message = "Province digests failed: {Error}")]
    private partial void LogFailed(Exception exception, string error);
}
