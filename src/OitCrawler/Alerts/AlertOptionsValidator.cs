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

        if (smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Alerts:Smtp:Timeout must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
