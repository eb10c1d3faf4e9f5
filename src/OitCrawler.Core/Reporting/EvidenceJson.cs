using System.Text.Json;
using OitCrawler.Evidence;

namespace OitCrawler.Reporting;

/// <summary>evidence.json: the evidence index as extracted, for seeing why a verdict was reached. Not a contract.</summary>
internal static class EvidenceJson
{
    public static async Task WriteAsync(EvidenceIndex index, Stream stream, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(
            stream,
            new { index.StartUrl, index.Outcome, index.OutcomeReason, index.Pages, index.Documents, index.Fetches, index.Skipped },
            ReportJson.Options,
            cancellationToken);
    }
}
