using OitCrawler.Assessment;
using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Gaps;

[Trait("speed", "fast")]
public class GapBuilderTests
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Load(Repo.Path("rules"));
    private static readonly MeasuresFile ThaPhae = MeasuresLoader.Load(Repo.Path("measures", "thaphae.json"), Catalog);

    [Fact]
    public void Build_OneGapPerNonPassingItem_WithMeasureUnitsAndAction()
    {
        var rules = Results.Rules();
        var gaps = GapBuilder.Build(Results.With(rules, ("O13", ItemStatus.Stale), ("O22", ItemStatus.Missing)), rules, 2568, ThaPhae);

        Assert.Equal(2, gaps.Count);
        var procurement = gaps.Single(g => g.Item.Rule.Code == "O13");
        Assert.True(procurement.HasMeasure);
        Assert.Contains(procurement.Measures, m => m.IssueNumber == 5 && m.ActivityId == "5.2");
        Assert.Equal(["กองคลัง"], procurement.Units.Select(u => u.Name));
        Assert.Contains("2567", procurement.Action, StringComparison.Ordinal); // {previousYear} filled in
        Assert.DoesNotContain("{", procurement.Action, StringComparison.Ordinal);

        var gifts = gaps.Single(g => g.Item.Rule.Code == "O22");
        Assert.False(gifts.HasMeasure); // the plan itself has a hole
        Assert.Empty(gifts.Units);
    }

    [Fact]
    public void Build_SortsByPointsThenMeasuredFirstThenUnit()
    {
        var rules = Results.Rules();
        var gaps = GapBuilder.Build(Results.With(rules, ("O22", ItemStatus.Missing), ("O12", ItemStatus.Missing), ("O1", ItemStatus.Missing)), rules, 2568, ThaPhae);

        Assert.Equal(["O12", "O1", "O22"], gaps.Select(g => g.Item.Rule.Code));
        Assert.All(gaps, g => Assert.Equal(Math.Round(100.0 / 26, 2), g.PointsAtStake));
    }

    [Fact]
    public void Build_WithoutMeasures_EveryGapHasNoMeasure()
    {
        var rules = Results.Rules();
        var gaps = GapBuilder.Build(Results.With(rules, ("O5", ItemStatus.Missing)), rules, 2568, null);
        Assert.False(Assert.Single(gaps).HasMeasure);
    }
}
