using OitCrawler.Rules;

namespace OitCrawler.Assessment;

public sealed record SubIndicatorScore(string Id, string Name, double Score, int Passed, int Total);

public sealed record IndicatorScore(string Id, string Name, double Score, IReadOnlyList<SubIndicatorScore> SubIndicators);

/// <summary>The projected total ITA score and band, from IIT/EIT given in configuration and the estimated OIT.</summary>
public sealed record Projection(double Iit, double Eit, double Oit, double Total, string Band, string? BandEn);

/// <summary>Estimated scores: item (100/0) → sub-indicator → indicator → OIT, per the rules file's settings.</summary>
public sealed record ScoreSummary(double Oit, double Indicator9, double Indicator10, IReadOnlyList<IndicatorScore> Indicators, Projection? Projection);

public static class Scoring
{
    public static ScoreSummary Score(RuleSet rules, IReadOnlyList<ItemResult> results, double? iit, double? eit)
    {
        var s = rules.Scoring;
        var indicators = s.Indicators.Select(ind =>
        {
            var subs = ind.SubIndicators.Select(sub =>
            {
                var items = results.Where(r => r.Rule.SubIndicator == sub.Id).ToList();
                return new SubIndicatorScore(sub.Id, sub.Name, Mean(items.Select(i => (double)i.Points)), items.Count(i => i.Status == ItemStatus.Pass), items.Count);
            }).ToList();
            var itemPoints = results.Where(r => ind.SubIndicators.Any(sub => sub.Id == r.Rule.SubIndicator)).Select(r => (double)r.Points);
            var score = s.IndicatorScore == Aggregation.MeanOfSubIndicators
                ? Mean(subs.Where(x => x.Total > 0).Select(x => x.Score))
                : Mean(itemPoints);
            return new IndicatorScore(ind.Id, ind.Name, score, subs);
        }).ToList();

        var oit = s.OitScore switch
        {
            Aggregation.MeanOfIndicators or Aggregation.MeanOfSubIndicators => Mean(indicators.Select(i => i.Score)),
            _ => Mean(results.Select(r => (double)r.Points)),
        };

        Projection? projection = null;
        if (iit is { } i && eit is { } e)
        {
            var w = s.ToolWeights;
            var total = Round(((i * w.Iit) + (e * w.Eit) + (oit * w.Oit)) / (w.Iit + w.Eit + w.Oit));
            var band = s.Bands.FirstOrDefault(b => total >= b.MinTotal && (b.MinEachTool is not { } each || (i >= each && e >= each && oit >= each)));
            projection = new Projection(i, e, Round(oit), total, band?.Name ?? "-", band?.NameEn);
        }

        return new ScoreSummary(
            Round(oit),
            indicators.FirstOrDefault(x => x.Id == "9")?.Score ?? 0,
            indicators.FirstOrDefault(x => x.Id == "10")?.Score ?? 0,
            indicators,
            projection);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : Round(list.Average());
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
