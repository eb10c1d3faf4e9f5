using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OitCrawler.Scheduling;

/// <summary>When <c>serve</c> audits the site. Bound from the <c>Schedule</c> section.</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>A Quartz cron expression (seconds first). Default <c>0 0 2 * * ?</c>: 02:00 every night.</summary>
    [Required]
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>The time zone the cron expression is read in (IANA or Windows id). Default <c>Asia/Bangkok</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Bangkok";

    /// <summary>At start-up, audit once if the last scheduled night was missed (the machine was off). Default true.</summary>
    public bool RunMissedOnStartup { get; set; } = true;
}

/// <summary>Checks that the cron expression parses and the time zone exists, so a typo stops the service at start.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (!Quartz.CronExpression.TryParse(options.Cron, out _))
        {
            failures.Add($"Schedule:Cron '{options.Cron}' is not a Quartz cron expression (seconds first, e.g. \"0 0 2 * * ?\" for 02:00 nightly)");
        }

        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"Schedule:TimeZone '{options.TimeZone}' is not a time zone on this machine (e.g. \"Asia/Bangkok\" or \"SE Asia Standard Time\")");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
