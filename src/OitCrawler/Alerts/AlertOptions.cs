using System.ComponentModel.DataAnnotations;

namespace OitCrawler.Alerts;

/// <summary>When to alert and how to send e-mail. Bound from the <c>Alerts</c> section.</summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Complete runs an item must fail in a row before it is reported as a new gap, so a flapping page does not spam. Default 2.</summary>
    [Range(1, 30)]
    public int ConsecutiveFailures { get; set; } = 2;

    /// <summary>Warn this many days before a passing item's period ends or a half-year report falls due. Default 30.</summary>
    [Range(1, 180)]
    public int StaleWarningDays { get; set; } = 30;

    /// <summary>Where the run folders (<c>out/runs/</c>) are published on the web, for links in e-mail; empty: links name the file path.</summary>
    [Url]
    public string? ReportBaseUrl { get; set; }

    /// <summary>Extra recipients of the digest besides the measures file's information unit.</summary>
    public IList<string> DigestTo { get; set; } = [];

    /// <summary>First wait before an unsent alert is retried; doubled each attempt. Default 1 minute.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between attempts; alerts are retried until sent, never dropped. Default 1 hour.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often <c>serve</c> looks for alerts due for a retry. Default 1 minute.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Required]
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The SMTP server. The password is best given as the environment variable <c>OITCRAWLER_Alerts__Smtp__Password</c>.</summary>
internal sealed class SmtpOptions
{
    /// <summary>The SMTP host; empty turns e-mail off (changes are still in the reports and history).</summary>
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS); 465 means TLS from the first byte.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Require STARTTLS (default true). False sends in the clear: only for a relay on the same machine or network.</summary>
    public bool StartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>oitcrawler@thaphae.go.th</c>; required when <see cref="Host"/> is set.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name. Default "OitCrawler".</summary>
    public string FromName { get; set; } = "OitCrawler";

    /// <summary>Per SMTP command. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a host is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
