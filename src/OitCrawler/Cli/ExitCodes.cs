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

    /// <summary>Interrupted (Ctrl+C); a partial report was written.</summary>
    public const int Cancelled = 130;
}
