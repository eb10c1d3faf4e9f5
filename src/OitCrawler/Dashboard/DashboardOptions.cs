using System.ComponentModel.DataAnnotations;

namespace OitCrawler.Dashboard;

/// <summary>The read-only web dashboard that <c>serve</c> runs beside the schedule. Bound from the <c>Dashboard</c> section.</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Whether <c>serve</c> runs the dashboard. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where Kestrel listens, one URL or several separated by <c>;</c>. Default <c>http://127.0.0.1:5080</c>
    /// (this machine only). Any address other than loopback requires <see cref="Users"/>.
    /// </summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The dashboard's address as others reach it (e.g. <c>https://oit.intranet.example/</c>), used in the
    /// e-mail's report links when <c>Alerts:ReportBaseUrl</c> is not set. Default none.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Who may sign in (HTTP Basic) when users are configured; required for a non-loopback address. Default none.</summary>
    public List<DashboardUser> Users { get; set; } = [];

    /// <summary>Requests one client address may make per minute before it is answered 429. Default 300.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Wrong passwords one client address may send per minute before it is answered 429. Default 5.</summary>
    [Range(1, 1_000)]
    public int FailedSignInsPerMinute { get; set; } = 5;

    /// <summary>The configured URLs, split.</summary>
    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A dashboard user: a name and a salted password hash made by <c>oitcrawler hash-password</c>.</summary>
internal sealed class DashboardUser
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c> (base64), never the password itself.</summary>
    public string PasswordHash { get; set; } = string.Empty;
}
