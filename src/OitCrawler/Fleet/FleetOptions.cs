using System.ComponentModel.DataAnnotations;

namespace OitCrawler.Fleet;

/// <summary>The fleet: many agencies audited by a cluster of nodes sharing one PostgreSQL database. Bound from the <c>Fleet</c> section.</summary>
internal sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>The agencies file (CSV or JSON, see <c>fleet/agencies.schema.json</c>); <c>--fleet FILE</c> on the command line.</summary>
    public string? AgenciesFile { get; set; }
}
