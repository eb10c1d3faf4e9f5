using Microsoft.Extensions.Options;
using MimeKit;

namespace OitCrawler.Alerts;

/// <summary>Checks what data annotations cannot: a sender when SMTP is on, addresses that parse, sane delays.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        var smtp = options.Smtp;
        if (smtp.Enabled)
        {
            if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out _))
            {
                failures.Add("Alerts:Smtp:From must be an e-mail address when Alerts:Smtp:Host is set");
            }

            if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Alerts:Smtp:Username and Alerts:Smtp:Password go together (the password is best set as OITCRAWLER_Alerts__Smtp__Password)");
            }
        }

        foreach (var address in options.DigestTo)
        {
            if (!MailboxAddress.TryParse(address, out _))
            {
                failures.Add($"Alerts:DigestTo: '{address}' is not an e-mail address");
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
