using OitCrawler.Assessment;
using OitCrawler.History;
using OitCrawler.Rules;

namespace OitCrawler.Fleet;

/// <summary>
/// One agency in the fleet report: its latest telling run (null when never audited), its latest complete
/// run's OIT and band, and, when that run is of the last week and worse than the complete run before it,
/// what it lost (<see cref="NewlyFailing"/>, <see cref="OitChange"/>).
/// </summary>
internal sealed record AgencyRow(
    Agency Agency,
    RunSummary? Latest,
    RunSummary? Current,
    string? Band,
    IReadOnlyDictionary<string, ItemStatus> Items,
    double? OitChange,
    IReadOnlyList<string> NewlyFailing,
    bool Regressed)
{
    /// <summary>The items the latest complete run did not pass, in code order.</summary>
    public IReadOnlyList<string> Failing { get; } = Items.Where(i => i.Value != ItemStatus.Pass).Select(i => i.Key).Order(ItemCodeOrder.Instance).ToList();

    /// <summary>The latest telling run found the site down (unreachable at the start, or failing mid-crawl).</summary>
    public bool Unreachable => Latest?.SiteDown == true;
}

/// <summary>An item across the fleet: in how many agencies' latest complete runs it fails, of how many that have it.</summary>
internal sealed record ItemTally(string Code, string Title, int Failing, int Assessed);

/// <summary>A province, or one district of it (<see cref="District"/> set): its agencies and how they stand.</summary>
internal sealed record AreaRow(
    string Province,
    string? District,
    int Agencies,
    int Audited,
    double? MeanOit,
    IReadOnlyDictionary<string, int> Bands,
    int Unreachable,
    int Regressed,
    IReadOnlyList<ItemTally> TopFailing);

/// <summary>
/// The fleet report: every agency of the agencies file with its latest scores and band, the items that
/// fail most (across the fleet, by province and by district), the agencies that regressed in the last
/// week and the sites that could not be reached. Built from the agencies and their standings only
/// (no database, no files), so it is tested in memory and written as HTML, XLSX and JSON alike.
/// </summary>
internal sealed record FleetReport(
    DateTimeOffset GeneratedAt,
    IReadOnlyList<AgencyRow> Agencies,
    IReadOnlyList<ItemTally> Items,
    IReadOnlyList<AreaRow> Provinces,
    IReadOnlyList<AreaRow> Districts,
    IReadOnlyList<string> BandOrder)
{
    /// <summary>How far back "this week" reaches from <see cref="GeneratedAt"/>.</summary>
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Items per area in <see cref="AreaRow.TopFailing"/>.</summary>
    public const int TopPerArea = 3;

    public IEnumerable<AgencyRow> Regressed => Agencies.Where(a => a.Regressed);

    public IEnumerable<AgencyRow> Unreachable => Agencies.Where(a => a.Unreachable);

    public IEnumerable<AgencyRow> NeverAudited => Agencies.Where(a => a.Latest is null);

    /// <summary>
    /// Builds the report. <paramref name="rulesOf"/> gives the rules of a rules year (null when that year's
    /// file is gone): the band is the OIT score's against that year's bands (the ITA bands applied to the
    /// OIT alone: a fleet has no IIT/EIT), the titles are that year's.
    /// </summary>
    public static FleetReport Build(IReadOnlyList<Agency> agencies, IReadOnlyList<SiteStanding> standings, Func<int, RuleSet?> rulesOf, DateTimeOffset now)
    {
        var bySite = standings.ToDictionary(s => s.Site, StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var bandOrder = new List<string>();
        var rows = agencies.Select(agency =>
        {
            if (!bySite.TryGetValue(RunOutcomes.SiteKey(agency.Site), out var s))
            {
                return new AgencyRow(agency, null, null, null, new Dictionary<string, ItemStatus>(), null, [], false);
            }

            string? band = null;
            if (s.Current is { } current && rulesOf(current.RulesYear) is { } rules)
            {
                foreach (var item in rules.Items)
                {
                    titles.TryAdd(item.Code, item.Title);
                }

                bandOrder.AddRange(rules.Scoring.Bands.Select(b => b.Name).Where(n => !bandOrder.Contains(n)));
                band = BandOf(rules, current.Oit ?? 0);
            }

            double? change = null;
            List<string> lost = [];
            if (s.Current is { } c && s.Previous is { } p && c.StartedAt > now - Week)
            {
                change = c.Oit is { } a && p.Oit is { } b ? Math.Round(a - b, 2) : null;
                lost = s.CurrentItems.Where(i => i.Value != ItemStatus.Pass).Select(i => i.Key).Order(ItemCodeOrder.Instance)
                    .Where(code => s.PreviousItems.TryGetValue(code, out var before) && before == ItemStatus.Pass).ToList();
            }

            return new AgencyRow(agency, s.Latest, s.Current, band, s.CurrentItems, change, lost, change < 0 || lost.Count > 0);
        }).ToList();

        return new FleetReport(
            now,
            rows,
            Tally(rows, titles, int.MaxValue),
            Areas(rows, titles, a => (a.Province, null)),
            Areas(rows, titles, a => (a.Province, a.District ?? "-")),
            bandOrder);
    }

    /// <summary>The report from the fleet's database now, with the rules of each run's year from the rules folder.</summary>
    public static async Task<FleetReport> LoadAsync(IReadOnlyList<Agency> agencies, PostgresRunStore store, Audit.AuditRunner runner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var standings = await store.StandingsAsync(agencies.Select(a => RunOutcomes.SiteKey(a.Site)).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var rules = new Dictionary<int, RuleSet?>();
        RuleSet? RulesOf(int year)
        {
            if (!rules.TryGetValue(year, out var set))
            {
                try
                {
                    set = runner.SelectRules(year).Rules is { } r && r.Year == year ? r : null;
                }
                catch (DataFileException)
                {
                    set = null; // that year's rules are gone: the agency shows its score without a band
                }

                rules[year] = set;
            }

            return set;
        }

        return Build(agencies, standings, RulesOf, now);
    }

    /// <summary>The band the OIT score alone reaches: a band's total and each-tool minimums are both held against it.</summary>
    public static string BandOf(RuleSet rules, double oit) =>
        rules.Scoring.Bands.FirstOrDefault(b => oit >= b.MinTotal && (b.MinEachTool is not { } each || oit >= each))?.Name ?? "-";

    private static List<AreaRow> Areas(List<AgencyRow> rows, Dictionary<string, string> titles, Func<Agency, (string Province, string? District)> key) =>
        rows.GroupBy(r => key(r.Agency))
            .Select(g =>
            {
                var audited = g.Where(r => r.Current is not null).ToList();
                return new AreaRow(
                    g.Key.Province,
                    g.Key.District,
                    g.Count(),
                    audited.Count,
                    audited.Count == 0 ? null : Math.Round(audited.Average(r => r.Current!.Oit ?? 0), 2),
                    audited.GroupBy(r => r.Band ?? "-", StringComparer.Ordinal).ToDictionary(b => b.Key, b => b.Count(), StringComparer.Ordinal),
                    g.Count(r => r.Unreachable),
                    g.Count(r => r.Regressed),
                    Tally(g, titles, TopPerArea));
            })
            .OrderBy(a => a.Province, StringComparer.Ordinal)
            .ThenBy(a => a.District, StringComparer.Ordinal)
            .ToList();

    // Items by how many agencies fail them (most first), then in code order; items no agency fails are left out.
    private static List<ItemTally> Tally(IEnumerable<AgencyRow> rows, Dictionary<string, string> titles, int take)
    {
        var audited = rows.Where(r => r.Current is not null).ToList();
        return audited.SelectMany(r => r.Failing).Distinct(StringComparer.Ordinal)
            .Select(code => new ItemTally(
                code,
                titles.GetValueOrDefault(code, code),
                audited.Count(r => r.Failing.Contains(code, StringComparer.Ordinal)),
                audited.Count(r => r.Items.ContainsKey(code))))
            .OrderByDescending(t => t.Failing)
            .ThenBy(t => t.Code, ItemCodeOrder.Instance)
            .Take(take)
            .ToList();
    }
}

/// <summary>O2 before O10: codes by their number, then as text.</summary>
internal sealed class ItemCodeOrder : IComparer<string>
{
    public static readonly ItemCodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        static (int, string) Key(string? code) =>
            (code is { Length: > 1 } && int.TryParse(code.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, code ?? string.Empty);
        var (nx, sx) = Key(x);
        var (ny, sy) = Key(y);
        return nx != ny ? nx.CompareTo(ny) : string.CompareOrdinal(sx, sy);
    }
}
