using System.Text.Json;
using System.Text.Json.Serialization;

namespace OitCrawler.Reporting;

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

    /// <summary>The trend of a site's complete runs (given in any order), oldest first.</summary>
    public static TrendDocument Build(string site, IEnumerable<RunScores> completeRuns) => new(
        1,
        site,
        completeRuns.OrderBy(r => r.StartedAt).ToList());

    public static async Task<string> WriteAsync(TrendDocument trend, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "trend.json");
        await AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(trend, Options), cancellationToken);
        return path;
    }
}
