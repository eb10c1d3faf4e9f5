using OitCrawler.Assessment;

namespace OitCrawler.History;

/// <summary>
/// The one run-state vocabulary: how the database, the JSON files, the console, the dashboard and the fleet report
/// name a <see cref="RunState"/>, and how the stores read a stored word back. Item statuses have theirs in
/// <see cref="ItemStatusText"/>; <see cref="ParseStatus"/> is its inverse for what the stores read.
/// </summary>
internal static class RunStateText
{
    /// <summary>The state as the history database, trend.json and the JSON APIs write it (<c>complete</c>, <c>partial</c>…).</summary>
    public static string En(RunState state) => state.ToString().ToLowerInvariant();

    /// <summary>The inverse of <see cref="En"/> (case-insensitive).</summary>
    public static RunState Parse(string text) => Enum.Parse<RunState>(text, ignoreCase: true);

    /// <summary>An item status as a store reads it back: the inverse of <see cref="ItemStatusText.En"/> (case-insensitive).</summary>
    public static ItemStatus ParseStatus(string text) => Enum.Parse<ItemStatus>(text, ignoreCase: true);

    /// <summary>The state in Thai, as <c>run-now</c> prints it.</summary>
    public static string Th(RunState state) => state switch
    {
        RunState.Complete => "ครบ",
        RunState.Partial => "ไม่ครบ",
        RunState.Unreachable => "เข้าเว็บไซต์ไม่ได้",
        RunState.Reporting => "ยังไม่มีรายงาน",
        _ => "กำลังตรวจ",
    };

    /// <summary>The dashboard's badge for a run: its CSS class and Thai words (a cut-short run says whether it was interrupted).</summary>
    public static (string Css, string Th) Badge(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.State switch
        {
            RunState.Complete => ("ok", "ครบถ้วน"),
            RunState.Running => ("running", "กำลังตรวจ"),
            RunState.Reporting => ("running", "ยังไม่มีรายงาน"),
            RunState.Unreachable => ("bad", "เข้าถึงเว็บไซต์ไม่ได้"),
            _ => ("warn", run.WasInterrupted ? "ถูกขัดจังหวะ" : "ไม่ครบ"),
        };
    }

    /// <summary>The fleet report's words for an agency's latest run (none yet, site down, complete, or cut short with its reason).</summary>
    public static string Latest(RunSummary? run) => run switch
    {
        null => "ยังไม่ได้ตรวจ",
        { SiteDown: true } l => "เข้าไม่ได้: " + l.OutcomeReason,
        { State: RunState.Complete } => "ตรวจครบ",
        { } l => "ตรวจไม่ครบ: " + l.OutcomeReason,
    };
}
