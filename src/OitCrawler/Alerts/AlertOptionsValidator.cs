using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OitCrawler.Gaps;

namespace OitCrawler.Alerts;

/// <summary>Checks what top-level data annotations cannot: the nested SMTP section, a sender when SMTP is on, plain addresses that send, sane delays.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        var smtp = options.Smtp;

        // ValidateDataAnnotations checks only the top level: the nested Alerts:Smtp section ([Range] on Port…) is checked here.
        var smtpResults = new List<ValidationResult>();
        if (!Validator.TryValidateObject(smtp, new ValidationContext(smtp), smtpResults, validateAllProperties: true))
        {
            failures.AddRange(smtpResults.Select(r =>
                $"Alerts:Smtp:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        if (smtp.Enabled)
        {
            if (EmailAddresses.Problem(smtp.From) is { } fromProblem)
            {
                failures.Add($"Alerts:Smtp:From must be a plain e-mail address when Alerts:Smtp:Host is set: '{smtp.From}' {fromProblem} (the display name is Alerts:Smtp:FromName)");
            }

            if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Alerts:Smtp:Username and Alerts:Smtp:Password go together (the password is best set as OITCRAWLER_Alerts__Smtp__Password)");
            }
        }

        for (var i = 0; i < options.DigestTo.Count; i++)
        {
            if (EmailAddresses.Problem(options.DigestTo[i]) is { } problem)
            {
                failures.Add($"Alerts:DigestTo:{i}: '{options.DigestTo[i]}' {problem}");
            }
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Alerts:RetryBaseDelay must be positive and not above Alerts:RetryMaxDelay");
        }

        if (options.OutboxPollInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Alerts:OutboxPollInterval must be at least one second");
        }

        var line = options.Line;
        var lineResults = new List<ValidationResult>();
        if (!Validator.TryValidateObject(line, new ValidationContext(line), lineResults, validateAllProperties: true))
        {
            failures.AddRange(lineResults.Select(r => $"Alerts:Line:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        if (!string.IsNullOrWhiteSpace(line.ChannelAccessToken) && !line.Enabled && !options.RecipientsPerSite)
        {
            failures.Add("Alerts:Line:To must name at least one LINE user or group ID when Alerts:Line:ChannelAccessToken is set");
        }

        if (line.Timeout <= TimeSpan.Zero || line.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Alerts:Line:Timeout and Alerts:Line:RetryDelay must be positive");
        }

        if (options.WeeklySummary is { } weekly && (MonthDay(weekly.From) is null || MonthDay(weekly.Until) is null))
        {
            failures.Add($"Alerts:WeeklySummary:From and Until must be month-day as MM-dd, e.g. 01-15 (they are '{weekly.From}' and '{weekly.Until}')");
        }

        if (smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Alerts:Smtp:Timeout must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A month-day <c>MM-dd</c> as (month, day), or null.</summary>
    public static (int Month, int Day)? MonthDay(string? text) =>
        DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? (d.Month, d.Day)
            : null;
}
