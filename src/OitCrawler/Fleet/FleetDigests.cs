using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Scheduling;

namespace OitCrawler.Fleet;

/// <summary>What one digest round did: the provinces digested, the messages newly queued, and the send.</summary>
internal sealed record DigestOutcome(int Provinces, int Queued, OutboxFlush? Flush);

/// <summary>
/// The province digests of the night: builds the fleet report from the database now, composes one digest
/// per configured province (<c>Fleet:ProvinceDigests</c>) over the 24 hours before, queues them in the
/// fleet's outbox under a key of province and date (a second round the same day queues nothing), then sends.
/// Run by <see cref="ProvinceDigestJob"/> once a night on one node of the cluster, and by <c>fleet digest</c>.
/// </summary>
internal sealed partial class FleetDigests(
    PostgresRunStore store,
    AuditRunner runner,
    AlertOutbox outbox,
    IOptions<FleetOptions> fleetOptions,
    IOptions<ScheduleOptions> scheduleOptions,
    TimeProvider timeProvider,
    ILogger<FleetDigests> logger)
{
    /// <param name="province">Only this province (it must be configured), or every configured one when null.</param>
    /// <param name="cancellationToken">Shutdown: what is queued waits in the outbox.</param>
    public async Task<DigestOutcome> SendAsync(string? province, CancellationToken cancellationToken)
    {
        var options = fleetOptions.Value;
        var configured = options.ProvinceDigests.Where(p => !string.IsNullOrWhiteSpace(p.Province) && (province is null || p.Province == province)).ToList();
        if (configured.Count == 0)
        {
            return new DigestOutcome(0, 0, null);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(scheduleOptions.Value.TimeZone);
        var now = timeProvider.GetUtcNow();
        var agencies = AgenciesFile.Load(options.AgenciesFile!);
        var report = await FleetReport.LoadAsync(agencies, store, runner, now, cancellationToken);
        var batch = ProvinceDigest.BatchId(now, zone);
        var queued = 0;
        foreach (var digest in configured)
        {
            var night = ProvinceNight.Of(report, digest.Province!);
            if (night.Rows.Count == 0)
            {
                LogNoAgencies(digest.Province!);
            }

            var added = await outbox.EnqueueAsync(batch, ProvinceDigest.Compose(night, digest, zone), TimeSpan.Zero, cancellationToken);
            queued += added;
            LogDigest(digest.Province!, night.Audited.Count, night.Rows.Count, night.Regressed.Count, night.Unreachable.Count, added);
        }

        OutboxFlush? flush = null;
        try
        {
            flush = await outbox.FlushAsync(batch, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // queued: the outbox job of any node sends it
        }

        return new DigestOutcome(configured.Count, queued, flush);
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Fleet:ProvinceDigests names province {Province}, which no agency of the agencies file is in")]
    private partial void LogNoAgencies(string province);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Province digest {Province}: {Audited} of {Agencies} agencies audited, {Regressed} regressed, {Unreachable} unreachable; {Queued} messages newly queued")]
    private partial void LogDigest(string province, int audited, int agencies, int regressed, int unreachable, int queued);
}
