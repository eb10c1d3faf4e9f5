namespace OitCrawler.Evidence;

/// <summary>
/// Which URLs belong to the audited site: the start host, its www/bare twin and any extra hosts, on
/// the start URL's port (or on default ports when it uses one: http/https twins). The crawler decides
/// what to fetch with it, and the assessment what counts as the main website, so both agree.
/// </summary>
public sealed class SiteScope
{
    private readonly HashSet<string> _hosts;
    private readonly Uri _start;

    private SiteScope(Uri start, HashSet<string> hosts)
    {
        _start = start;
        _hosts = hosts;
    }

    public static SiteScope For(Uri start, IEnumerable<string> extraHosts)
    {
        var host = start.IdnHost;
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { host };
        hosts.Add(host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host);
        foreach (var h in extraHosts)
        {
            if (Uri.TryCreate("http://" + h.Trim(), UriKind.Absolute, out var u))
            {
                hosts.Add(u.IdnHost);
            }
        }

        return new SiteScope(start, hosts);
    }

    public bool Contains(Uri url) =>
        _hosts.Contains(url.IdnHost)
        && (url.Port == _start.Port || (url.IsDefaultPort && _start.IsDefaultPort)); // another port is another site
}
