using System.Text;
using OitCrawler.Audit;

namespace OitCrawler.Reporting;

/// <summary>
/// Writes every report of an audit into one folder: report.json, report.html, gaps.csv, gaps.xlsx,
/// checklist.csv, checklist.xlsx. Each file is written beside its final name and then moved over
/// it, so a reader (a browser, a mail job, a unit's shared folder) never sees half a file.
/// </summary>
public static class ReportWriter
{
    // A BOM so that Excel opens the CSV as UTF-8 and shows Thai, not mojibake.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The HTML report's name in the folder: e-mails link to it before it is written.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>
    /// Writes all reports (and evidence.json when <paramref name="withEvidence"/>); returns the full paths
    /// written, report.json first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(AuditResult result, IReadOnlyList<TrendPoint> trend, string directory, bool withEvidence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trend);
        Directory.CreateDirectory(directory);
        var written = new List<string>();

        var json = Path.Combine(directory, "report.json");
        await ReportJson.WriteAsync(result, json, ct);
        written.Add(json);

        written.Add(await WriteAsync(directory, HtmlFileName, Utf8.GetBytes(HtmlReport.Render(result, trend)), ct));

        var gaps = Spreadsheets.Gaps(result);
        written.Add(await WriteAsync(directory, "gaps.csv", Csv(gaps), ct));
        written.Add(await WriteAsync(directory, "gaps.xlsx", Spreadsheets.ToXlsx(gaps), ct));

        var checklist = Spreadsheets.Checklist(result);
        written.Add(await WriteAsync(directory, "checklist.csv", Csv(checklist), ct));
        written.Add(await WriteAsync(directory, "checklist.xlsx", Spreadsheets.ToXlsx(checklist), ct));
        if (withEvidence)
        {
            var evidence = Path.Combine(directory, "evidence.json");
            await EvidenceJson.WriteAsync(result.Evidence, evidence, ct);
            written.Add(evidence);
        }

        return written;
    }

    private static byte[] Csv(SheetTable table) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(Spreadsheets.ToCsv(table))];

    private static async Task<string> WriteAsync(string directory, string name, byte[] content, CancellationToken ct)
    {
        var path = Path.Combine(directory, name);
        await AtomicFile.WriteAsync(path, content, ct);
        return path;
    }
}
