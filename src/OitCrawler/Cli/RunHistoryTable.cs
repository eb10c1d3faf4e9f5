using System.Globalization;
using OitCrawler.History;
using OitCrawler.Text;

namespace OitCrawler.Cli;

/// <summary>
/// The table of <c>oitcrawler history</c>: one line per run, newest first, the start shown as a
/// Buddhist-era date and time in the schedule's time zone, each score with its direction since the
/// complete run before. Columns are padded by what a terminal shows, so Thai month names (with their
/// combining vowels and tone marks) keep the columns after them aligned.
/// </summary>
internal static class RunHistoryTable
{

    /// <summary>Under a run that reads <c>reporting</c>: stored, its reports not (yet) in place.</summary>
    internal const string ReportingNote = "ยังไม่มีรายงาน: บันทึกผลแล้ว รายงานกำลังเขียนอยู่ หรือโปรแกรมหยุดก่อนเขียนเสร็จ (การตรวจครั้งต่อไปจะบันทึกไว้) / no report yet: stored; its reports are being written, or the process stopped before they were (the next run notes it)";

    /// <summary>The time zone of <c>Schedule:TimeZone</c>, or Bangkok when it is not set or not on this machine.</summary>
    public static TimeZoneInfo Zone(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured) && TimeZoneInfo.TryFindSystemTimeZoneById(configured, out var zone))
        {
            return zone;
        }

        return ThaiTime.Bangkok;
    }

    /// <summary>When a run started, in <paramref name="zone"/>: e.g. "10 มกราคม 2568 02:00".</summary>
    public static string Started(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        // FormatThaiDate reads its argument on the Bangkok clock: hand it the local wall-clock time read as Bangkok time,
        // so the date shown is the date in the configured zone.
        var date = ThaiYears.FormatThaiDate(ThaiTime.InBangkok(local.DateTime));
        return date + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the header, one line per run (and its site when <paramref name="showSite"/>), and the legend.</summary>
    public static void Write(TextWriter w, IReadOnlyList<RunSummary> runs, bool showSite, TimeZoneInfo zone)
    {
        var started = runs.Select(r => Started(r.StartedAt, zone)).ToList();
        var startedHeader = $"started ({zone.Id})";
        var width = Math.Max(DisplayWidth(startedHeader), started.Count == 0 ? 0 : started.Max(DisplayWidth));

        w.WriteLine($"{"run",-26} {Pad(startedHeader, width)} {"state",-11} {"outcome",-15} {"pages",6} {"OIT",8} {"ind. 9",8} {"ind. 10",8}  trigger");
        for (var index = 0; index < runs.Count; index++)
        {
            var run = runs[index];
            var older = runs.Skip(index + 1).FirstOrDefault(r => r.State == RunState.Complete && r.Site == run.Site);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.RunId,-26} {Pad(started[index], width)} {RunStateText.En(run.State),-11} {run.Outcome ?? "-",-15} {run.Pages,6} {Score(run, run.Oit, older?.Oit),8} {Score(run, run.Indicator9, older?.Indicator9),8} {Score(run, run.Indicator10, older?.Indicator10),8}  {run.Trigger ?? "-"}"));
            if (showSite)
            {
                w.WriteLine($"    {run.Site}");
            }

            if (run.State == RunState.Reporting)
            {
                w.WriteLine($"    ! {ReportingNote}");
            }

            foreach (var note in (run.Notes ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                w.WriteLine($"    ! {ThaiText.Fold(note)}"); // a step that failed after the run was stored; an SMTP reply or error may carry control characters
            }
        }

        w.WriteLine("↑ ↓ = compared with the complete run before; — = no score: the run is partial (cancelled, the site stopped answering, or cut by Crawl:MaxPages / Crawl:MaxDuration; see outcome); ! = a step that failed after the run was stored; each run's reports are in Audit:OutputDirectory/<host>/<date-time>/, the newest in <host>/latest");
    }

    /// <summary>Columns a terminal gives <paramref name="text"/>: combining marks (Thai vowels above and below, tone marks) take none.</summary>
    internal static int DisplayWidth(string text) =>
        text.Count(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format));

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - DisplayWidth(text)));

    // Only a complete run has a score: a partial one (cancelled, the site stopped answering, cut by its budget) shows "—".
    private static string Score(RunSummary run, double? value, double? before)
    {
        if (run.State is RunState.Partial or RunState.Unreachable)
        {
            return "—";
        }

        if (value is not { } v)
        {
            return "-";
        }

        var arrow = before is not { } b ? " " : v > b ? "↑" : v < b ? "↓" : "=";
        return v.ToString("0.00", CultureInfo.InvariantCulture) + arrow;
    }
}
