namespace OitCrawler.Reporting;

/// <summary>
/// One point of the score history: the estimated scores of a past run (<see cref="At"/> set), or a
/// year's published scores (<see cref="FromPastScores"/> true, usually without <see cref="At"/>).
/// Supplied by the history feature; the year-over-year table reads it.
/// </summary>
public sealed record TrendPoint(int Year, DateTimeOffset? At, double? Oit, double? Indicator9, double? Indicator10, bool FromPastScores);
