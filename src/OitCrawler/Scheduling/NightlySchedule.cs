using Quartz;

namespace OitCrawler.Scheduling;

/// <summary>
/// The schedule as a value: the cron expression in its time zone, and the decisions made from it.
/// Pure: every method takes the instant it reasons about, so tests drive it with a fake clock.
/// </summary>
public sealed class NightlySchedule
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
    public DateTimeOffset? NextFireAfter(DateTimeOffset instant) => _cron.GetNextValidTimeAfter(instant);

    /// <summary>The last fire time at or before <paramref name="instant"/>.</summary>
    public DateTimeOffset? PreviousFireAtOrBefore(DateTimeOffset instant) =>
        _cron.IsSatisfiedBy(instant) ? instant : _cron.GetPreviousValidTimeBefore(instant);

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
