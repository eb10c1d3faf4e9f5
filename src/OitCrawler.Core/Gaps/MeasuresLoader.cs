using System.Globalization;
using OitCrawler.Rules;

namespace OitCrawler.Gaps;

/// <summary>Loads a measures file and validates it against the rules catalog: file and line for every problem.</summary>
public static class MeasuresLoader
{
    /// <summary>Loads <paramref name="path"/> and checks its item codes against the rules in <paramref name="rulesDirectory"/>.</summary>
    public static MeasuresFile Load(string path, string rulesDirectory) => Load(path, RuleCatalog.Load(rulesDirectory));

    internal static MeasuresFile Load(string path, RuleCatalog catalog)
    {
        var (measures, positions) = JsonDataFile.Read<MeasuresFile>(path);
        var problems = new ProblemList(path, positions);

        if (measures.SchemaVersion != 1)
        {
            problems.Add("$.schemaVersion", $"schemaVersion {measures.SchemaVersion} is not supported (expected 1)");
        }

        if (string.IsNullOrWhiteSpace(measures.Agency))
        {
            problems.Add("$.agency", "agency is empty");
        }

        if (measures.AgencyKind is { Length: > 0 } kind && catalog.Kinds.Kinds.Count > 0 && catalog.Kinds.Find(kind) is null)
        {
            problems.Add("$.agencyKind", $"agency kind '{kind}' is not one of the kinds in {AgencyKindsFile.FileName} ({catalog.Kinds.Ids})");
        }

        CheckEmail(measures.InformationUnit.Email, "$.informationUnit.email", problems);
        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        for (var u = 0; u < measures.Units.Count; u++)
        {
            var unit = measures.Units[u];
            if (string.IsNullOrWhiteSpace(unit.Id) || !unitIds.Add(unit.Id))
            {
                problems.Add($"$.units[{u}].id", $"unit id '{unit.Id}' is empty or repeated");
            }

            CheckEmail(unit.Email, $"$.units[{u}].email", problems);
        }

        for (var i = 0; i < measures.Issues.Count; i++)
        {
            var issue = measures.Issues[i];
            for (var a = 0; a < issue.Activities.Count; a++)
            {
                var activity = issue.Activities[a];
                var at = $"$.issues[{i}].activities[{a}]";
                for (var k = 0; k < activity.Units.Count; k++)
                {
                    if (!unitIds.Contains(activity.Units[k]))
                    {
                        problems.Add($"{at}.units[{k}]", $"activity {activity.Id}: unit '{activity.Units[k]}' is not listed in units");
                    }
                }

                foreach (var (yearText, codes) in activity.Items)
                {
                    if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    {
                        problems.Add($"{at}.items.{yearText}", $"activity {activity.Id}: '{yearText}' is not a year");
                        continue;
                    }

                    var rules = catalog.Sets.FirstOrDefault(s => s.Year == year);
                    if (rules is null)
                    {
                        problems.Add($"{at}.items.{yearText}", $"activity {activity.Id}: no rules file for ITA {year}");
                        continue;
                    }

                    for (var c = 0; c < codes.Count; c++)
                    {
                        if (!rules.Items.Any(item => string.Equals(item.Code, codes[c], StringComparison.OrdinalIgnoreCase)))
                        {
                            problems.Add($"{at}.items.{yearText}[{c}]", $"activity {activity.Id}: item {codes[c]} is not an item of ITA {year}");
                        }
                    }
                }
            }
        }

        problems.ThrowIfAny();
        return measures;
    }

    private static void CheckEmail(string? email, string jsonPath, ProblemList problems)
    {
        // The same check as sending uses: an address that loads is an address that sends.
        if (email is not null && EmailAddresses.Problem(email) is { } problem)
        {
            problems.Add(jsonPath, $"'{email}' {problem}");
        }
    }
}
