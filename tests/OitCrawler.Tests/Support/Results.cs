using OitCrawler.Assessment;
using OitCrawler.Rules;

namespace OitCrawler.Tests.Support;

/// <summary>Builds item results in memory for the pure parts (scoring, gaps).</summary>
internal static class Results
{
    public static RuleSet Rules(int year = 2568) => RuleLoader.Load(Repo.Path("rules", $"ita-{year}.json"));

    /// <summary>Every item passes except the codes given with their status.</summary>
    public static IReadOnlyList<ItemResult> With(RuleSet rules, params (string Code, ItemStatus Status)[] failing) =>
        rules.Items.Select(rule =>
        {
            var status = failing.FirstOrDefault(f => f.Code == rule.Code).Status;
            return new ItemResult(rule, status, [], [new Reason("เหตุผล", "reason")]);
        }).ToList();
}
