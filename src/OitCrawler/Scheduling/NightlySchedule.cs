using Quartz;

namespace OitCrawler.Scheduling;

/// <summary>
/// The schedule as a value: the cron expression in its time zone, and the decisions made from it.
/// Pure: every method takes the instant it reasons about, so tests drive it with a fake clock.
/// </summary>
internal sealed class NightlySchedule
{
    private readonly CronExpression _cron;

    public NightlySchedule(string cron, string timeZone)
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _cron = new CronExpression(cron, TimeZone);
        Cron = cron;
    }

    public string Cron { get; }

    public TimeZoneInfo TimeZone { get; }

    public static NightlySchedule From(ScheduleOptions options) => new(options.Cron, options.TimeZone);

    /// <summary>The first fire time strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset? NextFireAfter(DateTimeOffset instant) => _cron.GetNextValidTimeAfter(instant.ToUniversalTime());

    /// <summary>The last fire time at or before <paramref name="instant"/>.</summary>
    /// <remarks>
    /// The instant is handed to Quartz in UTC: Quartz 4.7.3's GetPreviousValidTimeBefore, given an
    /// offset other than zero, answered a time after the instant (01:30 +07:00 gave 02:00 the same day).
    /// </remarks>
    public DateTimeOffset? PreviousFireAtOrBefore(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return _cron.IsSatisfiedBy(utc) ? utc : _cron.GetPreviousValidTimeBefore(utc);
    }

    /// <summary>
    /// Whether start-up should audit at once: the schedule fired while we were not running, i.e. no run
    /// that finished on its own has started since the last fire time. With no run at all, yes — the
    /// machine may be switched off every night, and then the first start-up is the only chance.
    /// </summary>
    public bool MissedRun(DateTimeOffset now, DateTimeOffset? lastRunStartedAt)
    {
        if (PreviousFireAtOrBefore(now) is not { } previous)
        {
            return false;
        }

        return lastRunStartedAt is not { } last || last < previous;
    }
}
