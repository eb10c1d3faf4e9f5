using OitCrawler.Assessment;
using OitCrawler.Rules;
using OitCrawler.Text;

namespace OitCrawler.Alerts;

/// <summary>What the detector compares a run with. Histories are newest first and exclude the current run.</summary>
/// <param name="SiteDown">The current run found the site not answering (unreachable, or it stopped answering mid-crawl).</param>
/// <param name="SiteDownReason">Why, as the crawl said it.</param>
/// <param name="Items">The current run's verdicts (ignored when the site is down).</param>
/// <param name="ItemHistory">Each item's statuses in earlier complete runs.</param>
/// <param name="EarlierSiteDown">For earlier runs that finished on their own (not interrupted): whether the site was down.</param>
/// <param name="PreviousCompleteRunAt">When the last complete run started: a warning is given once, on the first run inside its window.</param>
/// <param name="Now">The clock, from the injected TimeProvider.</param>
internal sealed record DetectorInput(
    bool SiteDown,
    string? SiteDownReason,
    IReadOnlyList<ItemResult> Items,
    IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>> ItemHistory,
    IReadOnlyList<bool> EarlierSiteDown,
    DateTimeOffset? PreviousCompleteRunAt,
    DateTimeOffset Now);

/// <summary>
/// Compares a run with the runs before it. Pure. A site that does not answer is one change, never a
/// failure of every item; an item must fail <c>ConsecutiveFailures</c> complete runs in a row before it
/// is a new gap, and a flapping item's return to pass is not news either.
/// </summary>
internal static partial class RegressionDetector
{

    public static Changes Detect(DetectorInput input, int consecutiveFailures, int staleWarningDays)
    {
        var downBefore = input.EarlierSiteDown.TakeWhile(d => d).Count();
        if (input.SiteDown)
        {
            var runs = downBefore + 1;
            return runs == consecutiveFailures
                ? new Changes([], new SiteChange(ChangeKind.SiteUnreachable, runs, input.SiteDownReason))
                : Changes.None;
        }

        var site = downBefore >= consecutiveFailures ? new SiteChange(ChangeKind.SiteRecovered, downBefore, null) : null;
        var changes = new List<ItemChange>();
        foreach (var item in input.Items)
        {
            var history = input.ItemHistory.GetValueOrDefault(item.Rule.Code) ?? [];
            var failedBefore = history.TakeWhile(Fails).Count();
            if (Fails(item.Status))
            {
                var streak = failedBefore + 1;
                var passedBefore = history.Count > failedBefore; // the streak began after a pass, not with history
                if (passedBefore && streak == consecutiveFailures)
                {
                    changes.Add(new ItemChange(ChangeKind.NewGap, item, ItemStatus.Pass, streak, null));
                }
                else if (passedBefore && streak < consecutiveFailures)
                {
                    changes.Add(new ItemChange(ChangeKind.PendingRegression, item, ItemStatus.Pass, streak, null));
                }
            }
            else if (failedBefore > 0 && (failedBefore >= consecutiveFailures || failedBefore == history.Count))
            {
                changes.Add(new ItemChange(ChangeKind.Fixed, item, history[0], 0, null));
            }

            if (Warning(item, input, staleWarningDays) is { } warning)
            {
                changes.Add(warning);
            }
        }

        return new Changes(changes.OrderBy(c => c.Kind).ThenBy(c => CodeNumber(c.Code)).ToList(), site);
    }

    /// <summary>The end of the fiscal year containing <paramref name="now"/>: 1 October, 00:00 Bangkok time.</summary>
    public static DateTimeOffset FiscalYearEnd(DateTimeOffset now) => FiscalYear.Of(now).End;

    /// <summary>The end of the current fiscal year's first half (1 April, 00:00 Bangkok), or null once it has passed.</summary>
    public static DateTimeOffset? FirstHalfEnd(DateTimeOffset now)
    {
        var end = FiscalYear.Of(now).FirstHalfEnd;
        return end > now ? end : null;
    }

    private static ItemChange? Warning(ItemResult item, DetectorInput input, int days)
    {
        var period = item.Rule.Period;
        if (item.Status == ItemStatus.Pass && period is ItemPeriod.CurrentFY or ItemPeriod.PreviousFY or ItemPeriod.FirstHalfCurrentFY)
        {
            var end = FiscalYearEnd(input.Now);
            if (EntersWindow(end, input, days))
            {
                return new ItemChange(ChangeKind.AboutToGoStale, item, null, 0, LastDay(end));
            }
        }

        if (item.Status != ItemStatus.Pass && period == ItemPeriod.FirstHalfCurrentFY && FirstHalfEnd(input.Now) is { } half && EntersWindow(half, input, days))
        {
            return new ItemChange(ChangeKind.HalfYearReportDue, item, null, 0, LastDay(half));
        }

        return null;
    }

    // Warn on the first complete run inside the window, not every night of it.
    private static bool EntersWindow(DateTimeOffset deadline, DetectorInput input, int days)
    {
        var opens = deadline - TimeSpan.FromDays(days);
        return input.Now >= opens && input.Now < deadline && (input.PreviousCompleteRunAt is not { } previous || previous < opens);
    }

    private static DateOnly LastDay(DateTimeOffset exclusiveEnd) => DateOnly.FromDateTime(ThaiTime.ToBangkok(exclusiveEnd).DateTime).AddDays(-1);

    private static bool Fails(ItemStatus status) => status != ItemStatus.Pass;

    // Codes are sorted by their number (O2 before O10); ItemCodes.Parse reads it, and a code it cannot read goes last.
    internal static int CodeNumber(string code) =>
        RulesCode().IsMatch(code) ? ItemCodes.Parse(code) : int.MaxValue;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][0-9]{1,9}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RulesCode();
}
