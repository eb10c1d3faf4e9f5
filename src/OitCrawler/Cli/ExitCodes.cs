using OitCrawler.Audit;
using OitCrawler.Evidence;

namespace OitCrawler.Cli;

/// <summary>Process exit codes; documented in README.</summary>
internal static class ExitCodes
{
    /// <summary>Audit done, no gaps.</summary>
    public const int Ok = 0;

    /// <summary>Audit done, gaps found.</summary>
    public const int Gaps = 1;

    /// <summary>Bad usage, configuration or rules: one clear message.</summary>
    public const int BadInput = 2;

    /// <summary>The site could not be reached; the reason is printed.</summary>
    public const int Unreachable = 3;

    /// <summary><c>run-now</c>: another audit (the service's, or another run-now) holds the lock.</summary>
    public const int Busy = 4;

    /// <summary>
    /// The crawl did not finish (the page budget ran out, or the site stopped answering mid-crawl): the
    /// report is written with its scores shown as "—", so a scheduler can tell it from "gaps found".
    /// </summary>
    public const int Incomplete = 5;

    /// <summary>Interrupted (Ctrl+C); a partial report was written.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code of a finished audit: how the crawl ended first, then whether gaps were found.</summary>
    public static int For(AuditResult result) => result.Evidence.Outcome switch
    {
        CrawlOutcome.Unreachable => Unreachable,
        CrawlOutcome.Cancelled => Cancelled,
        CrawlOutcome.BudgetExhausted or CrawlOutcome.HostFailing => Incomplete,
        _ => result.HasGaps ? Gaps : Ok,
    };
}
