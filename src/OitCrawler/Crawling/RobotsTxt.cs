using System.Globalization;
using System.Text.RegularExpressions;

namespace OitCrawler.Crawling;

/// <summary>
/// A parsed robots.txt (RFC 9309): the group for our product token if there is one, else <c>*</c>;
/// longest matching rule wins, Allow wins a tie; <c>*</c> and <c>$</c> wildcards; Crawl-delay; Sitemap lines.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<Rule> _rules;

    private RobotsTxt(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed: no robots.txt, or one that could not be read (4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>Nothing allowed (robots.txt answered 5xx: RFC 9309 says assume complete disallow).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Rule("/", Allow: false, new Regex("^/", RegexOptions.None, TimeSpan.FromSeconds(1)))], null, []);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string content, string productToken)
    {
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;

        foreach (var rawLine in content.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? rawLine[..hash] : rawLine;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (key == "sitemap" && value.Length > 0)
            {
                sitemaps.Add(value);
            }
            else if (current is not null && key is "allow" or "disallow" && value.Length > 0)
            {
                // "Disallow:" with no path allows everything, so it adds no rule. The encoded form is kept
                // because specificity counts octets of the encoded path (RFC 9309 §2.2.2), not characters.
                var encoded = Encode(value);
                current.Rules.Add(new Rule(encoded, key == "allow", ToRegex(encoded)));
            }
            else if (current is not null && key == "crawl-delay"
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
            }
        }

        var token = productToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0)
        {
            chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        return new RobotsTxt(
            chosen.SelectMany(g => g.Rules).ToList(),
            chosen.Select(g => g.Delay).FirstOrDefault(d => d is not null),
            sitemaps);
    }

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        if (_rules.Count == 0)
        {
            return true;
        }

        var target = url.PathAndQuery;
        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Pattern.IsMatch(target))
            {
                continue;
            }

            if (best is null || rule.Path.Length > best.Path.Length || (rule.Path.Length == best.Path.Length && rule.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    // Rules compare against the canonical (percent-encoded) path and query: encode a raw Thai rule
    // the same way, and keep the '?' of a query rule ("Disallow: /*?sort=") literal as it is in the URL.
    private static string Encode(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0
            ? UrlCanonicalizer.NormaliseEncoding(path, isQuery: false)
            : UrlCanonicalizer.NormaliseEncoding(path[..query], isQuery: false) + "?" + UrlCanonicalizer.NormaliseEncoding(path[(query + 1)..], isQuery: true);
    }

    private static Regex ToRegex(string encoded)
    {
        var anchored = encoded.EndsWith('$');
        var body = anchored ? encoded[..^1] : encoded;
        var pattern = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : string.Empty);
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }

    private sealed record Rule(string Path, bool Allow, Regex Pattern);
}
