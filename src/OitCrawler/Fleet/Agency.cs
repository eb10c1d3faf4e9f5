namespace OitCrawler.Fleet;

/// <summary>
/// One agency of the fleet, as the agencies file names it: who it is, where it sits (for the
/// province digest and the fleet report), its site, and where its alerts go.
/// </summary>
/// <param name="Id">Stable id (letters, digits, <c>.</c> <c>_</c> <c>-</c>): the Quartz job name, the run folder, the history key.</param>
/// <param name="Name">The agency's Thai name.</param>
/// <param name="Kind">อบต., เทศบาลตำบล, เทศบาลเมือง…: free text, grouped by in reports.</param>
/// <param name="Province">จังหวัด.</param>
/// <param name="District">อำเภอ, when given.</param>
/// <param name="Site">The agency's main website.</param>
/// <param name="ExtraHosts">Other hosts of the same agency (a host, or host:port), as <c>Crawl:ExtraHosts</c>.</param>
/// <param name="MeasuresFile">The agency's measures file, resolved against the agencies file's folder.</param>
/// <param name="Email">The information unit's e-mail address, for its alerts.</param>
/// <param name="Line">The information unit's LINE target (a group or user id).</param>
/// <param name="SourceLine">The line of the agencies file the agency was read from.</param>
internal sealed record Agency(
    string Id,
    string Name,
    string Kind,
    string Province,
    string? District,
    Uri Site,
    IReadOnlyList<string> ExtraHosts,
    string? MeasuresFile,
    string? Email,
    string? Line,
    int SourceLine)
{
    /// <summary>
    /// The hosts an audit of this agency sends requests to (lower case, without port, sorted): what the
    /// cluster-wide host lease is taken on. A shared hosting server's sites all meet on its name here.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; } =
        ExtraHosts.Select(h => Web.SiteScope.TryParseExtraHost(h, out var host, out _) ? host : h)
            .Append(Site.IdnHost)
            .Select(h => h.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
