
namespace OitCrawler.Rules;

/// <summary>The rules files of a folder (<c>ita-YYYY.json</c>), all validated at load.</summary>
internal sealed class RuleCatalog
{
    private RuleCatalog(IReadOnlyList<RuleSet> sets, AgencyKindsFile kinds) => (Sets, Kinds) = (sets, kinds);

    public IReadOnlyList<RuleSet> Sets { get; }

    /// <summary>The agency kinds (<see cref="AgencyKindsFile.FileName"/>), or <see cref="AgencyKindsFile.None"/>.</summary>
    public AgencyKindsFile Kinds { get; }

    /// <summary>Loads every <c>ita-*.json</c>; throws <see cref="DataFileException"/> listing every problem of every file.</summary>
    public static RuleCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DataFileException([new FileProblem(directory, 0, 0, "rules folder not found")]);
        }

        var sets = new List<RuleSet>();
        var problems = new List<FileProblem>();
        var kinds = AgencyKindsFile.None;
        var kindsPath = Path.Combine(directory, AgencyKindsFile.FileName);
        if (File.Exists(kindsPath))
        {
            try
            {
                kinds = RuleLoader.LoadKinds(kindsPath);
            }
            catch (DataFileException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        foreach (var file in Directory.GetFiles(directory, "ita-*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                sets.Add(RuleLoader.Load(file, kinds));
            }
            catch (DataFileException ex)
            {
                problems.AddRange(ex.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new DataFileException(problems);
        }

        if (sets.Count == 0)
        {
            throw new DataFileException([new FileProblem(directory, 0, 0, "no rules files (ita-YYYY.json) in the folder")]);
        }

        return new RuleCatalog(sets.OrderBy(s => s.Year).ToList(), kinds);
    }

    /// <summary>
    /// The rules for <paramref name="year"/>; when there is none, the newest older one, with a note
    /// saying so. A year older than every file is an error (null with a note).
    /// </summary>
    public (RuleSet? Rules, string? Note) For(int year)
    {
        var exact = Sets.FirstOrDefault(s => s.Year == year);
        if (exact is not null)
        {
            return (exact, null);
        }

        var older = Sets.LastOrDefault(s => s.Year < year);
        if (older is not null)
        {
            return (older, $"ยังไม่มีเกณฑ์ ITA ปี {year}: ใช้เกณฑ์ปี {older.Year} แทน / no rules for ITA {year} yet: using the {older.Year} rules");
        }

        return (null, $"ไม่มีเกณฑ์ ITA ปี {year} (มี {string.Join(", ", Sets.Select(s => s.Year))}) / no rules for ITA {year}; available: {string.Join(", ", Sets.Select(s => s.Year))}");
    }

}
