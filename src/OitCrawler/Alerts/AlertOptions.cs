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

    /// <summary>
    /// Where <c>Audit:OutputDirectory</c> (<c>out/</c>, holding <c>&lt;host&gt;/&lt;date-time&gt;/</c>) is published on the web, for
    /// links in e-mail and LINE: <c>{ReportBaseUrl}/&lt;host&gt;/&lt;date-time&gt;/report.html</c>; empty: the dashboard's link, else the file path.
    /// </summary>
    [Url]
    public string? ReportBaseUrl { get; set; }

    /// <summary>The dashboard's <c>/runs</c> address (<c>Dashboard:PublicUrl</c>), set by the host: links by run id when <see cref="ReportBaseUrl"/> is empty.</summary>
    internal string? DashboardRunsUrl { get; set; }

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

    /// <summary>A LINE Official Account that pushes the digest to a group or user; off unless a token and a recipient are set.</summary>
    [Required]
    public LineOptions Line { get; set; } = new();

    /// <summary>
    /// A weekly summary of the current gaps per unit, sent by the first run of the given day inside the
    /// window before ITAS opens; null (the default) sends none.
    /// </summary>
    public WeeklySummaryOptions? WeeklySummary { get; set; }

    /// <summary>
    /// Set by a fleet node, never from configuration: every site's alerts go to its own agency's information unit
    /// (<see cref="AlertRecipients"/>), so <see cref="DigestTo"/> and <c>Line:To</c> are not used and LINE needs only its token.
    /// </summary>
    internal bool RecipientsPerSite { get; set; }
}

/// <summary>A fleet agency's own recipients, instead of <c>Alerts:DigestTo</c> and <c>Alerts:Line:To</c>.</summary>
/// <param name="DigestTo">The information unit's e-mail addresses (beside the measures file's information unit).</param>
/// <param name="LineTo">Its LINE group or user ids.</param>
internal sealed record AlertRecipients(IReadOnlyList<string> DigestTo, IReadOnlyList<string> LineTo);

/// <summary>
/// LINE Messaging API push (<c>POST {BaseUrl}v2/bot/message/push</c>). The token is best given as the
/// environment variable <c>OITCRAWLER_Alerts__Line__ChannelAccessToken</c>.
/// </summary>
internal sealed class LineOptions
{
    /// <summary>The channel access token of the agency's LINE Official Account (LINE Developers console → Messaging API).</summary>
    public string? ChannelAccessToken { get; set; }

    /// <summary>User, group or room IDs that receive the digest (the bot must be in the group).</summary>
    public IList<string> To { get; set; } = [];

    /// <summary>The API's address. Default <c>https://api.line.me/</c>.</summary>
    [Url]
    public string BaseUrl { get; set; } = "https://api.line.me/";

    /// <summary>Per attempt. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts within one send when LINE answers 5xx or 429 (same retry key, so never delivered twice); then the outbox retries later. Default 3.</summary>
    [Range(2, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>First wait between those attempts, doubled each time. Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when a channel access token is configured: LINE rows in the outbox can be sent.</summary>
    public bool HasToken => !string.IsNullOrWhiteSpace(ChannelAccessToken);

    /// <summary>True when a token and at least one recipient are configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ChannelAccessToken) && To.Any(t => !string.IsNullOrWhiteSpace(t));
}

/// <summary>When the weekly summary is sent: on <see cref="Day"/>, from <see cref="From"/> to <see cref="Until"/> (month-day, Bangkok time).</summary>
internal sealed class WeeklySummaryOptions
{
    /// <summary>The day of the week. Default Monday.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>First day of the window, <c>MM-dd</c>. Default <c>01-01</c> (ITAS usually opens for OIT answers in March).</summary>
    public string From { get; set; } = "01-01";

    /// <summary>Last day of the window, <c>MM-dd</c>. Default <c>04-30</c>.</summary>
    public string Until { get; set; } = "04-30";
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
