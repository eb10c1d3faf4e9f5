using System.Globalization;
using System.Text;
using System.Text.Json;
using OitCrawler.Assessment;
using OitCrawler.Tests.Support;
using Xunit.Abstractions;

namespace OitCrawler.Tests.Assessment;

/// <summary>
/// Accuracy, measured: the real audit over every fixture site (served over real HTTP on loopback)
/// against a ground truth written by hand as a skeptical assessor would. Requires ≥ 95% agreement
/// on pass/not-pass, the exact status on ≥ 90% of items, and zero false passes. The per-site
/// figures are printed and written to artifacts/accuracy.md so a regression is visible.
/// </summary>
[Trait("speed", "slow")]
public sealed class FixtureSiteAccuracyTests(ITestOutputHelper output)
{
    private static readonly string SitesRoot = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites");

    // Built blind (its author never saw the code or rules) and never used for tuning: it measures
    // how the assessment generalises. Only "no false pass" is required of it; its figures are reported.
    private static readonly string HeldOutRoot = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "HeldOut");

    // Built blind in round 2 (ITAS text tables, pointer pages, two-year WordPress accordions, script-built
    // menus, external evidence, a public organisation). Their first-run figures are in README; the
    // figures below are enforced so that a fix for one behaviour cannot quietly undo another.
    private static readonly string BlindRoot = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Blind");

    // Built blind in round 3 (a department scored per sub-indicator, a windows-874 query-string CMS with Thai
    // digits, a university's paginated card grid, an SAO publishing through Drive, Facebook and placeholders).
    // Their first-run figures are in README; like the round-2 sites, a floor below keeps what fixes reach.
    private static readonly string Blind3Root = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Blind3");

    // Built blind in round 4 (a city municipality on Drupal with one long ITA table, a provincial health office on ASP.NET
    // with an iframe content area, a tambon municipality on Google Sites with Drive embeds). Reported, not yet enforced:
    // their first-run figures are in README.
    private static readonly string Blind4Root = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Blind4");

    private static IEnumerable<string> Sites(string root) => !Directory.Exists(root) ? [] :
        Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "truth.json"))).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Audit_AllFixtureSites_MeetsAccuracyTargets()
    {
        var rows = new List<SiteScore>();
        foreach (var site in Sites(SitesRoot))
        {
            rows.Add(await ScoreSiteAsync(site));
        }

        var heldOut = new List<SiteScore>();
        foreach (var site in Sites(HeldOutRoot))
        {
            heldOut.Add(await ScoreSiteAsync(site));
        }

        var blind = new List<SiteScore>();
        foreach (var site in Sites(BlindRoot))
        {
            blind.Add(await ScoreSiteAsync(site));
        }

        var blind3 = new List<SiteScore>();
        foreach (var site in Sites(Blind3Root))
        {
            blind3.Add(await ScoreSiteAsync(site));
        }

        var blind4 = new List<SiteScore>();
        foreach (var site in Sites(Blind4Root))
        {
            blind4.Add(await ScoreSiteAsync(site));
        }

        Assert.True(rows.Count >= 6, $"expected at least six fixture sites, found {rows.Count}");
        var total = rows.Sum(r => r.Items);
        var binary = (double)rows.Sum(r => r.BinaryAgree) / total;
        var exact = (double)rows.Sum(r => r.ExactAgree) / total;
        var falsePasses = rows.SelectMany(r => r.FalsePasses).ToList();

        var table = new StringBuilder();
        table.AppendLine("| site | year | items | pass/not-pass | exact | evidence URL acceptable | false passes | false incomplete | mismatches |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|");
        void Rows(string prefix, List<SiteScore> group)
        {
            foreach (var r in group)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {prefix}{r.Site} | {r.Year} | {r.Items} | {Pct(r.BinaryAgree, r.Items)} | {Pct(r.ExactAgree, r.Items)} | {Pct(r.EvidenceAcceptable, r.EvidenceItems)} | {r.FalsePasses.Count} | {r.FalseIncompletes} | {string.Join("; ", r.Mismatches)} |");
            }

            if (group.Count > 1)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| **{prefix}all** | | {group.Sum(r => r.Items)} | {Pct(group.Sum(r => r.BinaryAgree), group.Sum(r => r.Items))} | {Pct(group.Sum(r => r.ExactAgree), group.Sum(r => r.Items))} | {Pct(group.Sum(r => r.EvidenceAcceptable), group.Sum(r => r.EvidenceItems))} | {group.Sum(r => r.FalsePasses.Count)} | {Pct(group.Sum(r => r.FalseIncompletes), group.Sum(r => r.Items))} | |");
            }
        }

        Rows(string.Empty, rows);
        Rows("held-out: ", heldOut);
        Rows("blind: ", blind);
        Rows("blind3: ", blind3);
        Rows("blind4: ", blind4);
        var evidenceLines = rows.Concat(heldOut).Concat(blind).Concat(blind3).Concat(blind4).SelectMany(r => r.EvidenceMisses.Select(m => $"- {r.Site} {m}"));
        table.AppendLine().AppendLine("Why each mismatch:").AppendLine(string.Join(Environment.NewLine, Why));
        table.AppendLine().AppendLine("First evidence URL not acceptable:").AppendLine(string.Join(Environment.NewLine, evidenceLines));

        output.WriteLine(table.ToString());
        Directory.CreateDirectory(Repo.Path("artifacts"));
        await File.WriteAllTextAsync(Repo.Path("artifacts", "accuracy.md"), table.ToString());

        Assert.True(falsePasses.Count == 0, "false passes: " + string.Join("; ", falsePasses));
        Assert.True(heldOut.All(r => r.FalsePasses.Count == 0), "false passes on held-out sites: " + string.Join("; ", heldOut.SelectMany(r => r.FalsePasses)));
        Assert.True(binary >= 0.95, $"pass/not-pass agreement {binary:P1} < 95%");

        // Round-2 blind sites: a ratchet at what the generic fixes reached (first run: 69% / 59% / 4 false passes).
        // The issue's targets (≥ 98% / ≥ 95% / no false pass / < 2% false incomplete) are NOT met yet: see README.
        var blindItems = blind.Sum(r => r.Items);
        Assert.True(blind.Count >= 6, $"expected six round-2 blind sites, found {blind.Count}");
        Assert.True(blind.Sum(r => r.BinaryAgree) >= 0.94 * blindItems, $"blind pass/not-pass {blind.Sum(r => r.BinaryAgree)}/{blindItems} fell below 94%");
        Assert.True(blind.Sum(r => r.ExactAgree) >= 0.93 * blindItems, $"blind exact {blind.Sum(r => r.ExactAgree)}/{blindItems} fell below 93%");
        Assert.True(blind.Sum(r => r.FalsePasses.Count) == 0, "false passes on round-2 blind sites: " + string.Join("; ", blind.SelectMany(r => r.FalsePasses)));

        // Round-3 blind sites: first run 88% / 87% / 3 false passes (README); held at what the fixes reached.
        var blind3Items = blind3.Sum(r => r.Items);
        Assert.True(blind3.Count >= 4, $"expected four round-3 blind sites, found {blind3.Count}");
        Assert.True(blind3.Sum(r => r.BinaryAgree) >= 0.97 * blind3Items, $"round-3 pass/not-pass {blind3.Sum(r => r.BinaryAgree)}/{blind3Items} fell below 97%");
        Assert.True(blind3.Sum(r => r.ExactAgree) >= 0.95 * blind3Items, $"round-3 exact {blind3.Sum(r => r.ExactAgree)}/{blind3Items} fell below 95%");
        Assert.True(blind3.Sum(r => r.FalsePasses.Count) <= 1, "more false passes on round-3 sites than the 1 left: " + string.Join("; ", blind3.SelectMany(r => r.FalsePasses)));
        Assert.True(exact >= 0.90, $"exact status agreement {exact:P1} < 90%");
    }

    private static readonly List<string> Why = [];

    private static string Pct(int a, int n) => n == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{(double)a / n:P0} ({a}/{n})");

    /// <summary>
    /// Whether the site's page at <paramref name="path"/> links directly to one of <paramref name="targets"/>: the format
    /// lets a grader accept the page that links the evidence document (read from the fixture's files).
    /// </summary>
    private static bool LinksTo(string root, string path, HashSet<string> targets)
    {
        if (path.StartsWith("http", StringComparison.Ordinal))
        {
            return false;
        }

        var file = Path.Combine(root, path.TrimStart('/'));
        file = Directory.Exists(file) ? Path.Combine(file, "index.html") : file;
        if (!File.Exists(file) || !(file.EndsWith(".html", StringComparison.Ordinal) || file.EndsWith(".htm", StringComparison.Ordinal)))
        {
            return false;
        }

        var self = new Uri("http://127.0.0.1" + (Directory.Exists(Path.Combine(root, path.TrimStart('/'))) ? path.TrimEnd('/') + "/" : path));
        var html = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file));
        return System.Text.RegularExpressions.Regex.Matches(html, "href\\s*=\\s*[\"']([^\"'#]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(m => Uri.TryCreate(self, m.Groups[1].Value.Trim(), out var u) ? u : null)
            .Any(u => u is not null && targets.Contains(Comparable(u.Host == "127.0.0.1" ? u.PathAndQuery : u.ToString())));
    }

    /// <summary>A URL as the truth writes it: percent-decoded path (and query), no host, no trailing slash.</summary>
    private static string Comparable(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Host is "127.0.0.1" or "localhost"
            ? abs.PathAndQuery
            : url;
        return Uri.UnescapeDataString(path).TrimEnd('/');
    }

    private static async Task<SiteScore> ScoreSiteAsync(string dir)
    {
        var site = Path.GetFileName(dir);
        using var truthDoc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "truth.json")));
        var year = truthDoc.RootElement.GetProperty("year").GetInt32();
        var items = truthDoc.RootElement.GetProperty("items").EnumerateObject().ToDictionary(p => p.Name.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
        var truth = items.ToDictionary(p => p.Key, p => p.Value.GetProperty("status").GetString()!, StringComparer.Ordinal);
        var root = truthDoc.RootElement;
        var kind = root.TryGetProperty("agencyKind", out var k) ? k.GetString() : null;
        var origin = root.TryGetProperty("origin", out var o) ? o.GetString() : null;

        var result = await SiteAudit.RunAsync(Path.Combine(dir, "site"), year, agencyKind: kind, origin: origin);
        var evidenceItems = 0;
        var evidenceAcceptable = 0;
        var falseIncompletes = 0;
        var evidenceMisses = new List<string>();
        var binary = 0;
        var exact = 0;
        var falsePasses = new List<string>();
        var mismatches = new List<string>();
        foreach (var item in result.Items)
        {
            var expected = truth.GetValueOrDefault(item.Rule.Code.ToUpperInvariant(), "missing");
            var actual = item.Status.ToString().ToLowerInvariant();
            if ((expected == "pass") == (item.Status == ItemStatus.Pass))
            {
                binary++;
            }

            if (expected == actual)
            {
                exact++;
            }
            else
            {
                mismatches.Add($"{item.Rule.Code} {expected}→{actual}");
                Why.Add($"- {site} {item.Rule.Code} {expected}→{actual} [{string.Join(" ", item.Evidence.Take(1).Select(e => Comparable(e.Url.ToString())))}]: {string.Join(" / ", item.Reasons.Select(r => r.En))}");
            }

            if (item.Status == ItemStatus.Incomplete && expected != "incomplete")
            {
                falseIncompletes++;
            }

            if (items.TryGetValue(item.Rule.Code.ToUpperInvariant(), out var truthItem)
                && truthItem.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.String)
            {
                evidenceItems++;
                var accepted = new HashSet<string>(StringComparer.Ordinal) { Comparable(ev.GetString()!) };
                if (truthItem.TryGetProperty("acceptable", out var more) && more.ValueKind == JsonValueKind.Array)
                {
                    accepted.UnionWith(more.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => Comparable(e.GetString()!)));
                }

                var first = item.Evidence.Count > 0 ? Comparable(item.Evidence[0].Url.ToString()) : null;
                if (first is not null && (accepted.Contains(first) || LinksTo(Path.Combine(dir, "site"), first, accepted)))
                {
                    evidenceAcceptable++;
                }
                else
                {
                    evidenceMisses.Add($"{item.Rule.Code}: {first ?? "(none)"} ∉ {{{string.Join(", ", accepted)}}}");
                }
            }

            if (item.Status == ItemStatus.Pass && expected != "pass")
            {
                falsePasses.Add($"{site} {item.Rule.Code} (truth {expected})");
            }
        }

        return new SiteScore(site, year, result.Items.Count, binary, exact, falsePasses, mismatches)
        {
            EvidenceItems = evidenceItems,
            EvidenceAcceptable = evidenceAcceptable,
            FalseIncompletes = falseIncompletes,
            EvidenceMisses = evidenceMisses,
        };
    }

    private sealed record SiteScore(string Site, int Year, int Items, int BinaryAgree, int ExactAgree, List<string> FalsePasses, List<string> Mismatches)
    {
        public int EvidenceItems { get; init; }

        public int EvidenceAcceptable { get; init; }

        public int FalseIncompletes { get; init; }

        public List<string> EvidenceMisses { get; init; } = [];
    }
}
