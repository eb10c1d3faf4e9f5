using System.ComponentModel.DataAnnotations;

namespace OitCrawler.Fleet;

/// <summary>The fleet: many agencies audited by a cluster of nodes sharing one PostgreSQL database. Bound from the <c>Fleet</c> section.</summary>
internal sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>The agencies file (CSV or JSON, see <c>fleet/agencies.schema.json</c>); <c>--fleet FILE</c> on the command line.</summary>
    public string? AgenciesFile { get; set; }

    /// <summary>The shared PostgreSQL database (an Npgsql connection string): history, host leases and Quartz's tables. Required for a fleet.</summary>
    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>This node's name, unique in the cluster and the same after a restart (its runs left running are then known as its own). Default: the machine name.</summary>
    [Required]
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>Audits run at once on this node (Quartz threads). Default 4.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>When the night's audits start, local time in <c>Schedule:TimeZone</c>. Default 01:00.</summary>
    public TimeSpan NightStart { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Over how long the agencies' start times are spread (each agency keeps its own minute every night). Default 4 hours.</summary>
    public TimeSpan NightLength { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How often a node records in the database that it is alive. Default 15 s.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long past a missed check-in the other nodes wait before recovering a node's audits. Default 60 s.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an audit waiting for a host another audit holds tries again. Default 2 s.</summary>
    public TimeSpan HostRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where <c>out/fleet/</c> is published on the web, for the report links in an agency's alerts; empty: the links are file paths.</summary>
    [Url]
    public string? ReportBaseUrl { get; set; }

    /// <summary>Who receives each province's digest of the night (one message per province and night); none configured: no digests.</summary>
    public IList<ProvinceDigestOptions> ProvinceDigests { get; set; } = [];

    /// <summary>When the province digests are sent, local time in <c>Schedule:TimeZone</c>. Default: an hour after the night window ends.</summary>
    public TimeSpan? DigestAt { get; set; }

    /// <summary>The digests' time of day: <see cref="DigestAt"/>, or an hour after the night window ends.</summary>
    public TimeSpan DigestTime => TimeSpan.FromMinutes(((long)(DigestAt ?? NightStart + NightLength + TimeSpan.FromHours(1)).TotalMinutes % (24 * 60) + (24 * 60)) % (24 * 60));
}

/// <summary>One province's digest: the province as the agencies file spells it, and where its digest goes.</summary>
internal sealed class ProvinceDigestOptions
{
    /// <summary>The province, exactly as in the agencies file's <c>province</c> column (e.g. น่าน).</summary>
    public string? Province { get; set; }

    /// <summary>E-mail addresses of the province office (สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด); one message to them all.</summary>
    public IList<string> Email { get; set; } = [];

    /// <summary>LINE group or user ids; one push to each (needs <c>Alerts:Line:ChannelAccessToken</c>).</summary>
    public IList<string> Line { get; set; } = [];
}
