using System.Text.Json;
using System.Text.Json.Serialization;

namespace OitCrawler.History;

/// <summary>One run's scores, a point on the trend of each indicator.</summary>
public sealed record RunScores(string RunId, DateTimeOffset StartedAt, string State, double? Oit, double? Indicator9, double? Indicator10, IReadOnlyDictionary<string, double> SubIndicators);

/// <summary>trend.json beside each run's report: the scores of the site's complete runs, oldest first.</summary>
public sealed record TrendDocument(int SchemaVersion, string Site, IReadOnlyList<RunScores> Runs);

public static class TrendReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The trend from runs newest first (as listed): complete runs only, oldest first.</summary>
    public static TrendDocument Build(string site, IReadOnlyList<RunSummary> runs) => new(
        1,
        site,
        runs.Where(r => r.State == RunState.Complete)
            .OrderBy(r => r.StartedAt)
            .Select(r => new RunScores(r.RunId, r.StartedAt, SqliteRunStore.StateText(r.State), r.Oit, r.Indicator9, r.Indicator10, r.SubIndicators))
            .ToList());

    public static async Task<string> WriteAsync(TrendDocument trend, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "trend.json");
        await Reporting.AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(trend, Options), cancellationToken);
        return path;
    }
}
