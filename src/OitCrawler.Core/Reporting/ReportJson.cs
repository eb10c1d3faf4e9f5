using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

/// <summary>
/// report.json, a contract other tools read (schemaVersion 1). Fields are only ever added;
/// README documents each. Thai stays readable; HTML-significant characters are escaped.
/// </summary>
internal static class ReportJson
{
    public const int SchemaVersion = 1;

    /// <summary>The options of every JSON file OitCrawler writes: indented, camelCase, Thai readable, HTML-significant characters escaped.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Contract fields are always written, null included (README shows them): a reader need not guess.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ReportDocument ToDocument(AuditResult result) => new(
        SchemaVersion,
        result.Site.AbsoluteUri,
        result.Year,
        result.StartedAt,
        result.FinishedAt,
        new CrawlSummary(
            result.Evidence.Pages.Count,
            result.Evidence.Documents.Count,
            result.Evidence.Skipped.Count,
            result.Evidence.Fetches.Count(f => f.Status == 0 || f.Status >= 400),
            result.Evidence.Outcome.ToString(),
            result.Evidence.OutcomeReason,
            result.Evidence.Rendering.Rendered),
        result.Items.Select(i => new ItemDocument(
            i.Rule.Code,
            i.Rule.SubIndicator,
            i.Rule.Title,
            i.Status,
            i.Evidence.Select(e => new EvidenceDocument(e.Url.AbsoluteUri, UrlCanonicalizer.Display(e.Url), e.FoundOn?.AbsoluteUri, e.LinkText, e.ClickPath)).ToList(),
            i.Reasons.Select(r => r.Th).ToList(),
            i.Reasons.Select(r => r.En).ToList(),
            i.Unchecked)).ToList(),
        new ScoreDocument(
            result.Score.Oit,
            result.Score.Indicator9,
            result.Score.Indicator10,
            result.Score.Indicators.SelectMany(x => x.SubIndicators).ToDictionary(s => s.Id, s => s.Score),
            result.Score.Projection),
        result.Rules.Year,
        result.Notes,
        result.Gaps.Select(g => new GapDocument(
            g.Item.Rule.Code,
            g.Item.Rule.SubIndicator,
            g.Item.Rule.Title,
            g.Item.Status,
            g.PointsAtStake,
            g.Action,
            g.ActionEn,
            g.Item.Reasons.Select(r => r.Th).ToList(),
            g.Item.Evidence.Select(e => e.Url.AbsoluteUri).ToList(),
            g.HasMeasure,
            g.Measures.Select(m => new GapMeasureDocument(m.IssueNumber, m.IssueTitle, m.ActivityId, m.ActivityTitle)).ToList(),
            g.Units.Select(u => u.Name).ToList())).ToList());

    public static Task WriteAsync(AuditResult result, Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, ToDocument(result), Options, cancellationToken);

    public static string Serialize(ReportDocument document) => JsonSerializer.Serialize(document, Options);
}

internal sealed record ReportDocument(
    int SchemaVersion,
    string Site,
    int Year,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    CrawlSummary Crawl,
    IReadOnlyList<ItemDocument> Items,
    ScoreDocument Score,
    int RulesYear,
    IReadOnlyList<string> Notes,
    IReadOnlyList<GapDocument> Gaps);

/// <summary>A gap: a non-passing item with the action to take and who owns it (<c>hasMeasure</c> false: no measure covers it).</summary>
internal sealed record GapDocument(
    string Code,
    string SubIndicator,
    string Title,
    ItemStatus Status,
    double PointsAtStake,
    string Action,
    string? ActionEn,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Evidence,
    bool HasMeasure,
    IReadOnlyList<GapMeasureDocument> Measures,
    IReadOnlyList<string> Units);

internal sealed record GapMeasureDocument(int Issue, string IssueTitle, string Activity, string ActivityTitle);

/// <summary>The crawl in figures; <c>rendered</c>: pages opened in headless Chromium (<c>Crawl:Render</c>).</summary>
internal sealed record CrawlSummary(int PagesFetched, int Documents, int Skipped, int Errors, string Outcome, string? OutcomeReason, int Rendered);

internal sealed record ItemDocument(
    string Code,
    string SubIndicator,
    string Title,
    ItemStatus Status,
    IReadOnlyList<EvidenceDocument> Evidence,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ReasonsEn,
    IReadOnlyList<string> Unchecked);

/// <summary><c>url</c> is what to enter in ITAS; <c>displayUrl</c> is the same with Thai decoded.</summary>
internal sealed record EvidenceDocument(string Url, string DisplayUrl, string? FoundOn, string? LinkText, IReadOnlyList<string> ClickPath);

internal sealed record ScoreDocument(double Oit, double Indicator9, double Indicator10, IReadOnlyDictionary<string, double> SubIndicators, Projection? Projected);
