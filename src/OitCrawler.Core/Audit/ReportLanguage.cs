namespace OitCrawler.Audit;

/// <summary>The language of report.html and the spreadsheets (<c>Audit:Language</c>, <c>--lang</c>).</summary>
public enum ReportLanguage
{
    /// <summary>Thai only (the default: the readers are Thai civil servants).</summary>
    Th,

    /// <summary>English only.</summary>
    En,

    /// <summary>Thai, with the English beneath.</summary>
    Both,
}
