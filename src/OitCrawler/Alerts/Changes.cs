using OitCrawler.Assessment;

namespace OitCrawler.Alerts;

/// <summary>What changed since the last complete run.</summary>
internal enum ChangeKind
{
    /// <summary>Passed before, has failed for the configured number of complete runs in a row.</summary>
    NewGap,

    /// <summary>Failed in the last complete run (for long enough to count, or since history began) and passes now.</summary>
    Fixed,

    /// <summary>Passes now, but its period (the fiscal year) ends within the warning window.</summary>
    AboutToGoStale,

    /// <summary>A first-half-year report (Oct–Mar) is not yet found and the half ends within the warning window.</summary>
    HalfYearReportDue,

    /// <summary>Passed before, fails now, but not yet for enough runs to alert (shown only beside other changes).</summary>
    PendingRegression,

    /// <summary>The site did not answer for the configured number of runs in a row.</summary>
    SiteUnreachable,

    /// <summary>The site answers again after an outage that was alerted.</summary>
    SiteRecovered,
}

/// <summary>A change to one item: its verdict before and now, how many complete runs it has failed in a row, and a due date for warnings.</summary>
internal sealed record ItemChange(ChangeKind Kind, ItemResult Item, ItemStatus? Previous, int FailingRuns, DateOnly? DueDate)
{
    public string Code => Item.Rule.Code;
}

/// <summary>A change to the site as a whole: it stopped or started answering.</summary>
internal sealed record SiteChange(ChangeKind Kind, int Runs, string? Reason)
{
    /// <summary><see cref="Reason"/> in Thai, as the crawl said it.</summary>
    public string? ReasonTh { get; init; }
}

/// <summary>The changes of one run. <see cref="ShouldAlert"/>: worth an e-mail.</summary>
internal sealed record Changes(IReadOnlyList<ItemChange> Items, SiteChange? Site)
{
    public static Changes None { get; } = new([], null);

    public bool ShouldAlert => Site is not null || Items.Any(i => i.Kind != ChangeKind.PendingRegression);

    public IEnumerable<ItemChange> OfKind(ChangeKind kind) => Items.Where(i => i.Kind == kind);
}
