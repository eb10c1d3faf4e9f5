using System.ComponentModel.DataAnnotations;

namespace OitCrawler.Audit;

/// <summary>What to audit and where results go. Bound from the <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The agency's main website (used by <c>serve</c> and <c>run-now</c>; <c>audit</c> takes it as an argument).</summary>
    [Url]
    public string? Site { get; set; }

    /// <summary>The ITA year (พ.ศ.); empty means the fiscal year of today's date.</summary>
    [Range(2550, 2700)]
    public int? Year { get; set; }

    /// <summary>The folder of rules files. Relative paths are tried against the working folder, then the program's folder. Default <c>rules</c>.</summary>
    [Required]
    public string RulesDirectory { get; set; } = "rules";

    /// <summary>Where reports are written. Default <c>out</c>.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "out";

    /// <summary>
    /// The kind of agency (an id or name from <c>rules/agency-kinds.json</c>: <c>municipality</c>, <c>sao</c>, <c>อบต.</c>,
    /// <c>public-organization</c>…), which selects the element lists that apply. Empty: the measures file's
    /// <c>agencyKind</c>, else the kind the agency's name tells, else the file's default.
    /// </summary>
    public string? AgencyKind { get; set; }

    /// <summary>The agency's measures file (issues, activities, units, item mapping, past scores); optional.</summary>
    public string? MeasuresFile { get; set; }

    /// <summary>Also write <c>evidence.json</c> (every page and document as extracted) beside the reports, to see why a verdict was reached. Default false.</summary>
    public bool WriteEvidence { get; set; }

    /// <summary>Print how long each phase took (start-up, crawl, assessment, reports) and the peak memory after an <c>audit</c> (<c>--verbose</c>). Default false.</summary>
    public bool Verbose { get; set; }

    /// <summary>The language of report.html and the spreadsheets: <c>Th</c> (the default), <c>En</c>, or <c>Both</c> (Thai with the English beneath); <c>--lang th|en|both</c>.</summary>
    public ReportLanguage Language { get; set; } = ReportLanguage.Th;

    /// <summary>The agency's IIT score, when known, for the projected total ITA.</summary>
    [Range(0, 100)]
    public double? IitScore { get; set; }

    /// <summary>The agency's EIT score, when known, for the projected total ITA.</summary>
    [Range(0, 100)]
    public double? EitScore { get; set; }
}
