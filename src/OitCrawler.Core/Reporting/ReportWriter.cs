using System.Text;
using OitCrawler.Audit;

namespace OitCrawler.Reporting;

/// <summary>
/// Writes every report of an audit into one folder: report.json, report.html, gaps.csv, gaps.xlsx,
/// checklist.csv, checklist.xlsx. Every file is written beside its final name first and then all are moved
/// over them, so a reader (a browser, a mail job, a unit's shared folder) never sees half a file or a mixed set.
/// </summary>
public static class ReportWriter
{
    // A BOM so that Excel opens the CSV as UTF-8 and shows Thai, not mojibake.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The HTML report's name in the folder: e-mails link to it before it is written.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>
    /// Writes all reports (and evidence.json when <paramref name="withEvidence"/>), the HTML and spreadsheets in
    /// <paramref name="language"/> (report.json is a contract and keeps both); returns the full paths
    /// written, report.json first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(AuditResult result, IReadOnlyList<TrendPoint> trend, string directory, bool withEvidence, ReportLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trend);
        Directory.CreateDirectory(directory);
        var gaps = Spreadsheets.Gaps(result, language);
        var checklist = Spreadsheets.Checklist(result, language);
        var files = new List<(string Path, Func<Stream, CancellationToken, Task> Write)>
        {
            (Path.Combine(directory, "report.json"), (s, c) => ReportJson.WriteAsync(result, s, c)),
            Bytes(directory, HtmlFileName, Utf8.GetBytes(HtmlReport.Render(result, trend, language))),
            Bytes(directory, "gaps.csv", Csv(gaps)),
            Bytes(directory, "gaps.xlsx", Spreadsheets.ToXlsx(gaps)),
            Bytes(directory, "checklist.csv", Csv(checklist)),
            Bytes(directory, "checklist.xlsx", Spreadsheets.ToXlsx(checklist)),
        };
        if (withEvidence)
        {
            files.Add((Path.Combine(directory, "evidence.json"), (s, c) => EvidenceJson.WriteAsync(result.Evidence, s, c)));
        }

        // Together or not at all: a full disk must not leave a new report.json beside the previous run's other files.
        await AtomicFile.WriteSetAsync(files, ct);
        return [.. files.Select(f => f.Path)];
    }

    private static (string Path, Func<Stream, CancellationToken, Task> Write) Bytes(string directory, string name, byte[] content) =>
        (Path.Combine(directory, name), (stream, ct) => stream.WriteAsync(content, ct).AsTask());

    private static byte[] Csv(SheetTable table) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(Spreadsheets.ToCsv(table))];
}
