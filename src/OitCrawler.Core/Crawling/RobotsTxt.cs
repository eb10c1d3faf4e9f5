using System.Globalization;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Crawling;

/// <summary>
/// A parsed robots.txt (RFC 9309): the group for our product token if there is one, else <c>*</c>;
/// longest matching rule wins, Allow wins a tie; <c>*</c> and <c>$</c> wildcards; Crawl-delay; Sitemap lines.
/// Rules are matched without regular expressions or backtracking, so a hostile file cannot stall or abort a crawl.
/// </summary>
internal sealed class RobotsTxt
{
    /// <summary>Bytes of robots.txt read and parsed: RFC 9309 §2.5 asks for at least 500 KiB. No rule count cap besides.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>A rule whose path is longer than this many characters is ignored.</summary>
    public const int MaxRuleLength = 2048;

    private readonly IReadOnlyList<Rule> _rules;

    private RobotsTxt(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps, Bilingual? unreachable = null)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
        Unreachable = unreachable;
    }

    /// <summary>Everything allowed: no robots.txt, or one that could not be read (4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>Why robots.txt could not be fetched (5xx, no answer) when that means complete disallow; else null.</summary>
    public Bilingual? Unreachable { get; }

    /// <summary>Nothing allowed: robots.txt answered 5xx or not at all (RFC 9309 §2.3.1.4), for <paramref name="reason"/>.</summary>
    public static RobotsTxt DisallowAll(Bilingual reason) => new([Rule.Create("/", allow: false)], null, [], reason);

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

                // An empty "User-agent:" names nobody: it still opens a group (so the lines under it do
                // not fall into the previous one), but that group applies to no crawler.
                var agent = AgentOf(value);
                if (agent.Length > 0)
                {
                    current.Agents.Add(agent);
                }

                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (key == "sitemap" && value.Length > 0)
            {
                sitemaps.Add(value);
            }
            else if (current is not null && key is "allow" or "disallow" && value.Length is > 0 and <= MaxRuleLength)
            {
                // "Disallow:" with no path allows everything, so it adds no rule. The encoded form is kept
                // because specificity counts octets of the encoded path (RFC 9309 §2.2.2), not characters.
                var encoded = Encode(value);
                current.Rules.Add(Rule.Create(encoded, key == "allow"));
            }
            else if (current is not null && key == "crawl-delay"
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
            }
        }

        // RFC 9309 §2.2.1: the group whose user-agent equals our product token, compared case-insensitively
        // (not a prefix: "Oit" is not us); "*" only when no group names us.
        var chosen = groups.Where(g => g.Agents.Any(a => string.Equals(a, productToken, StringComparison.OrdinalIgnoreCase))).ToList();
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
            if (!rule.Matches(target))
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

    // The product token a User-agent line names: "*", or its leading run of [A-Za-z_-] (RFC 9309 §2.2.1),
    // so "OitCrawler/1.0" names OitCrawler, as Google's reference parser reads it. Empty when it names nobody.
    private static string AgentOf(string value)
    {
        if (value.Length > 0 && value[0] == '*' && (value.Length == 1 || char.IsWhiteSpace(value[1])))
        {
            return "*";
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }

        return value[..end];
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

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }

    /// <summary>
    /// One Allow or Disallow line. <see cref="Path"/> is the encoded rule as written (its length is the
    /// rule's specificity); <see cref="Parts"/> are the literal pieces between <c>*</c>s; a trailing <c>$</c>
    /// anchors the rule at the end of the path.
    /// </summary>
    private sealed record Rule(string Path, bool Allow, string[] Parts, bool Anchored)
    {
        public static Rule Create(string encoded, bool allow)
        {
            var anchored = encoded.EndsWith('$');
            var body = anchored ? encoded[..^1] : encoded;
            return new Rule(encoded, allow, body.Split('*'), anchored);
        }

        /// <summary>
        /// Whether the rule matches <paramref name="target"/> from its start. Each literal piece is taken at its
        /// leftmost place after the previous one; leftmost is always safe for <c>*</c> (it leaves the most room
        /// for what follows), so nothing is ever retried and the work is bounded by pieces × path length.
        /// </summary>
        public bool Matches(string target)
        {
            var first = Parts[0];
            if (!target.StartsWith(first, StringComparison.Ordinal))
            {
                return false;
            }

            if (Parts.Length == 1)
            {
                return !Anchored || target.Length == first.Length;
            }

            var position = first.Length;
            var middleEnd = Anchored ? Parts.Length - 1 : Parts.Length;
            for (var i = 1; i < middleEnd; i++)
            {
                var part = Parts[i];
                if (part.Length == 0)
                {
                    continue;
                }

                var found = target.IndexOf(part, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + part.Length;
            }

            if (!Anchored)
            {
                return true;
            }

            // "…*last$": the last piece must end the path, after everything matched so far.
            var last = Parts[^1];
            return target.Length - last.Length >= position && target.EndsWith(last, StringComparison.Ordinal);
        }
    }
}
