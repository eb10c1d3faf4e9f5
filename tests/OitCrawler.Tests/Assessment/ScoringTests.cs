using OitCrawler.Assessment;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Assessment;

[Trait("speed", "fast")]
public class ScoringTests
{
    [Fact]
    public void Score_AllPass_Is100Everywhere()
    {
        var rules = Results.Rules();
        var score = Scoring.Score(rules, Results.With(rules), null, null);
        Assert.Equal(100, score.Oit);
        Assert.Equal(100, score.Indicator9);
        Assert.Equal(100, score.Indicator10);
        Assert.Null(score.Projection);
    }

    [Fact]
    public void Score_FailedItems_LowerTheirIndicatorOnly()
    {
        var rules = Results.Rules();
        var results = Results.With(rules, ("O25", ItemStatus.Stale), ("O26", ItemStatus.Missing));
        var score = Scoring.Score(rules, results, null, null);

        var indicator10Items = rules.Items.Count(i => i.SubIndicator.StartsWith("10.", StringComparison.Ordinal));
        Assert.Equal(100, score.Indicator9);
        Assert.Equal(Math.Round(100.0 * (indicator10Items - 2) / indicator10Items, 2), score.Indicator10);
        Assert.Equal(Math.Round(100.0 * 24 / 26, 2), score.Oit);
        Assert.Equal(0, score.Indicators.Single(i => i.Id == "10").SubIndicators.Single(s => s.Id == "10.2").Score);
    }

    [Theory]
    [InlineData(98, 97, 100, "ผ่านดีเยี่ยม")]
    [InlineData(99, 99, 92.31, "ผ่านดี")]        // total ≥ 95 but OIT < 95: the each-tool rule drops it a band
    [InlineData(90, 80, 92.31, "ผ่าน")]          // total ≥ 85 but EIT < 85
    [InlineData(82.5, 65.2, 63.57, "ต้องปรับปรุง")]
    [InlineData(60, 60, 40, "ต้องปรับปรุงโดยด่วน")]
    public void Score_Projection_AppliesBandsAndTheEachToolRule(double iit, double eit, double oitWanted, string band)
    {
        var rules = Results.Rules();
        var failing = (int)Math.Round(26 - (oitWanted / 100 * 26));
        var results = Results.With(rules, rules.Items.Take(failing).Select(i => (i.Code, ItemStatus.Missing)).ToArray());
        var score = Scoring.Score(rules, results, iit, eit);

        Assert.NotNull(score.Projection);
        Assert.Equal(band, score.Projection!.Band);
        Assert.Equal(Math.Round(((iit * 30) + (eit * 30) + (score.Oit * 40)) / 100, 2), score.Projection.Total);
    }
}
