namespace OitCrawler.Web;

/// <summary>
/// Which URLs belong to the audited site: the start host and its www/bare twin on the start URL's port
/// (or on default ports when it uses one: http/https twins), and any extra hosts. An extra host is a
/// name (<c>e-service.thaphae.go.th</c>, matched like the start host) or a name with a port
/// (<c>thaphae.go.th:8080</c>, matched on that port only). The crawler decides what to fetch with it,
/// and the assessment what counts as the main website, so both agree.
/// </summary>
public sealed class SiteScope
{
    private readonly HashSet<string> _hosts;
    private readonly HashSet<(string Host, int Port)> _hostPorts;
    private readonly Uri _start;

    private SiteScope(Uri start, HashSet<string> hosts, HashSet<(string Host, int Port)> hostPorts)
    {
        _start = start;
        _hosts = hosts;
        _hostPorts = hostPorts;
    }

    /// <param name="start">The start URL.</param>
    /// <param name="extraHosts">Entries of <c>Crawl:ExtraHosts</c>, each checked by <see cref="TryParseExtraHost"/> when the options were validated.</param>
    public static SiteScope For(Uri start, IEnumerable<string> extraHosts)
    {
        var host = start.IdnHost;
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { host };
        hosts.Add(host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host);
        var hostPorts = new HashSet<(string, int)>();
        foreach (var entry in extraHosts)
        {
            if (TryParseExtraHost(entry, out var extra, out var port))
            {
                if (port is { } p)
                {
                    hostPorts.Add((extra.ToUpperInvariant(), p));
                }
                else
                {
                    hosts.Add(extra);
                }
            }
        }

        return new SiteScope(start, hosts, hostPorts);
    }

    /// <summary>Reads one <c>Crawl:ExtraHosts</c> entry: a host name or IP literal, optionally with <c>:port</c>; nothing else (no scheme, path or user).</summary>
    public static bool TryParseExtraHost(string? entry, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        var text = entry?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.EndsWith(':')
            || !Uri.TryCreate("http://" + text, UriKind.Absolute, out var u)
            || u.AbsolutePath != "/" || u.Query.Length > 0 || u.Fragment.Length > 0 || u.UserInfo.Length > 0
            || text.Contains('/', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        host = u.IdnHost;
        port = text[(text.LastIndexOf(']') + 1)..].Contains(':', StringComparison.Ordinal) ? u.Port : null; // "[::1]" has colons of its own
        return true;
    }

    public bool Contains(Uri url) =>
        (_hosts.Contains(url.IdnHost) && (url.Port == _start.Port || (url.IsDefaultPort && _start.IsDefaultPort))) // another port is another site
        || (_hostPorts.Count > 0 && _hostPorts.Contains((url.IdnHost.ToUpperInvariant(), url.Port)));
}
