using OitCrawler.Assessment;

namespace OitCrawler.Gaps;

/// <summary>Who must act on a gap: the activity of the measures that addresses it and its units.</summary>
public sealed record MeasureRef(int IssueNumber, string IssueTitle, string ActivityId, string ActivityTitle, IReadOnlyList<Unit> Units);

/// <summary>
/// A non-passing item as work: verdict and reasons, evidence found (or where it was looked for),
/// the measure and units that own it (none: the plan has a hole), the concrete action, and the
/// points at stake (the item's weight in the OIT score).
/// </summary>
public sealed record Gap(ItemResult Item, IReadOnlyList<MeasureRef> Measures, string Action, string? ActionEn, double PointsAtStake)
{
    public bool HasMeasure => Measures.Count > 0;

    /// <summary>Every unit that owns the gap, or none.</summary>
    public IReadOnlyList<Unit> Units => Measures.SelectMany(m => m.Units).DistinctBy(u => u.Id).ToList();
}
