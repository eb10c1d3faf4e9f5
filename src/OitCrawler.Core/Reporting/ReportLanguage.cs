using OitCrawler.Audit;
using OitCrawler.Text;

namespace OitCrawler.Reporting;

/// <summary>How a report says a thing in its <see cref="ReportLanguage"/>: every text is given in Thai and in English, and this picks.</summary>
public sealed class Words(ReportLanguage language)
{
    public ReportLanguage Language { get; } = language;

    /// <summary>The page's <c>lang</c> attribute.</summary>
    public string HtmlLang => Language == ReportLanguage.En ? "en" : "th";

    /// <summary>A short label (a heading, a column header): Thai, English, or "Thai / English".</summary>
    public string T(string thai, string english) => Language switch
    {
        ReportLanguage.Th => thai,
        ReportLanguage.En => english,
        _ => thai == english ? thai : $"{thai} / {english}",
    };

    /// <summary>A sentence in a cell: Thai, English, or the Thai with the English on the next line.</summary>
    public string Lines(string thai, string english) => Language switch
    {
        ReportLanguage.Th => thai,
        ReportLanguage.En => english,
        _ => thai == english || english.Length == 0 ? thai : thai + "\n" + english,
    };

    /// <summary>HTML-encoded text: Thai, English, or the Thai with the English beneath in grey (<c>span.en</c>).</summary>
    public string H(string thai, string english) => Language switch
    {
        ReportLanguage.Th => Html.Encode(thai),
        ReportLanguage.En => Html.Encode(english),
        _ => thai == english || english.Length == 0 ? Html.Encode(thai) : $"{Html.Encode(thai)} <span class=\"en\">{Html.Encode(english)}</span>",
    };

    /// <summary>A date as the reader reads it: Buddhist era in Thai, "5 December 2026" in English.</summary>
    public string Date(DateTimeOffset at) => Language == ReportLanguage.En
        ? ThaiTime.ToBangkok(at).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : ThaiYears.FormatThaiDate(at);

    /// <summary>The status of an item in the report's language.</summary>
    public string Status(Assessment.ItemStatus status) => T(Assessment.ItemStatusText.Th(status), Assessment.ItemStatusText.Label(status));
}
