using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using OitCrawler.Assessment;
using OitCrawler.History;

namespace OitCrawler.Dashboard;

/// <summary>A run as <c>/api/v1</c> writes it; <see cref="ReportUrl"/> is the dashboard's path to its report.html (never the server's folder).</summary>
internal sealed record ApiRun(
    string RunId, string Site, int Year, int RulesYear, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string State, string? Outcome, string? OutcomeReason,
    int Pages, int Documents, double? Oit, double? Indicator9, double? Indicator10, IReadOnlyDictionary<string, double> SubIndicators, string? Trigger, string? Notes, string? ReportUrl)
{
    public static ApiRun From(RunSummary r) => new(
        r.RunId, r.Site, r.Year, r.RulesYear, r.StartedAt, r.FinishedAt, RunStateText.En(r.State), r.Outcome, r.OutcomeReason, r.Pages, r.Documents,
        r.Oit, r.Indicator9, r.Indicator10, r.SubIndicators, r.Trigger, r.Notes, r.ReportPath is null ? null : DashboardPages.FileHref(r.RunId, "report.html"));
}

/// <summary>An item's verdict with its evidence and reasons, as <c>/api/v1</c> writes it.</summary>
internal sealed record ApiItem(string Code, string SubIndicator, string Title, ItemStatus Status, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<Reason> Reasons)
{
    public static ApiItem From(StoredItem i) => new(i.Code, i.SubIndicator, i.Title, i.Status, i.Evidence, i.Reasons);
}

/// <summary>The JSON documents of <c>/api/v1</c>; each carries <c>schemaVersion</c> (1), raised on an incompatible change as report.json's is.</summary>
internal static class DashboardApi
{
    public const int SchemaVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Thai readable; < > & ' still escaped
    };

    public sealed record SitesDocument(int SchemaVersion, IReadOnlyList<SiteEntry> Sites);

    public sealed record SiteEntry(string Site, int Runs, ApiRun Latest, ApiRun? LatestComplete);

    public sealed record RunsDocument(int SchemaVersion, string? Site, IReadOnlyList<ApiRun> Runs);

    public sealed record RunDocument(int SchemaVersion, ApiRun Run, IReadOnlyList<ApiItem> Items);

    public sealed record TimelineEntry(string RunId, DateTimeOffset StartedAt, string State, ApiItem Item);

    public sealed record ItemDocument(int SchemaVersion, string Site, string Code, IReadOnlyList<TimelineEntry> Timeline);

    public sealed record HealthDocument(string Status, string Database, string? LastRunId, DateTimeOffset? LastRunStartedAt, double? LastRunAgeHours);

    public static SitesDocument Sites(IReadOnlyList<SiteRow> sites) =>
        new(SchemaVersion, sites.Select(s => new SiteEntry(s.Site, s.Runs, ApiRun.From(s.Latest), s.LatestComplete is { } c ? ApiRun.From(c) : null)).ToList());

    public static RunsDocument Runs(Uri? site, IReadOnlyList<RunSummary> runs) => new(SchemaVersion, site?.AbsoluteUri, runs.Select(ApiRun.From).ToList());

    public static RunDocument Run(RunDetail detail) => new(SchemaVersion, ApiRun.From(detail.Run), detail.Items.Select(ApiItem.From).ToList());

    public static ItemDocument Item(Uri site, string code, IReadOnlyList<ItemVerdict> timeline) =>
        new(SchemaVersion, site.AbsoluteUri, code, timeline.Select(v => new TimelineEntry(v.Run.RunId, v.Run.StartedAt, RunStateText.En(v.Run.State), ApiItem.From(v.Item))).ToList());
}
