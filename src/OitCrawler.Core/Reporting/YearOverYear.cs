using System.Globalization;
using OitCrawler.Audit;

namespace OitCrawler.Reporting;

/// <summary>One value of the year-over-year table; <see cref="Estimated"/> when it comes from the crawler, not from NACC's published result.</summary>
internal sealed record YearValue(double Value, bool Estimated);

/// <summary>A row of the year-over-year table: one indicator (or the OIT, or the total with its band) across years; <see cref="Values"/> and <see cref="Bands"/> follow <see cref="YearOverYearTable.Years"/>.</summary>
internal sealed record YearOverYearRow(string Key, string Tool, string Name, IReadOnlyList<YearValue?> Values, IReadOnlyList<string?> Bands)
{
    /// <summary>This year's value (the last column).</summary>
    public YearValue? ThisYear => Values.Count > 0 ? Values[^1] : null;

    /// <summary>The most recent past year's value (the column before this year).</summary>
    public YearValue? LastYear => Values.Count > 1 ? Values[^2] : null;

    /// <summary>This year minus last year, rounded to two decimals; null when either is unknown.</summary>
    public double? Change => ThisYear is { } now && LastYear is { } before ? Math.Round(now.Value - before.Value, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>เพิ่มขึ้น / ลดลง / เท่าเดิม, or "—" when there is nothing to compare.</summary>
    public string Trend => Change switch
    {
        null => YearOverYear.NotMeasured,
        > 0 => "เพิ่มขึ้น",
        < 0 => "ลดลง",
        _ => "เท่าเดิม",
    };

    public string TrendEn => Change switch
    {
        null => string.Empty,
        > 0 => "up",
        < 0 => "down",
        _ => "unchanged",
    };
}

/// <summary>
/// Scores per indicator across ITA years, like the table of the agency's own report (ผลคะแนน
/// ประจำปีงบประมาณ … แนวโน้มการเปลี่ยนแปลง): columns are the past years (oldest first) and this year.
/// </summary>
internal sealed record YearOverYearTable(IReadOnlyList<int> Years, IReadOnlyList<YearOverYearRow> Rows)
{
    public int ThisYear => Years[^1];

    public int? LastYear => Years.Count > 1 ? Years[^2] : null;
}

/// <summary>
/// Builds the year-over-year table from the measures file's published past scores, the history's
/// trend points and this run. Indicators 1–8 (IIT/EIT) are not measured by the crawler: this year
/// shows "—" for them. Published scores win over a run's estimate for the same year.
/// </summary>
internal static class YearOverYear
{
    public const string NotMeasured = "—";

    /// <summary>Past years shown at most (the most recent ones), besides this year.</summary>
    public const int MaxPastYears = 3;

    private static readonly (string Key, string Tool, string Name)[] Indicators =
    [
        ("1", "IIT", "การปฏิบัติหน้าที่"),
        ("2", "IIT", "การใช้งบประมาณ"),
        ("3", "IIT", "การใช้อำนาจ"),
        ("4", "IIT", "การใช้ทรัพย์สินของราชการ"),
        ("5", "IIT", "การแก้ไขปัญหาการทุจริต"),
        ("6", "EIT", "คุณภาพการดำเนินงาน"),
        ("7", "EIT", "ประสิทธิภาพการสื่อสาร"),
        ("8", "EIT", "การปรับปรุงระบบการทำงาน"),
        ("9", "OIT", "การเปิดเผยข้อมูล"),
        ("10", "OIT", "การป้องกันการทุจริต"),
    ];

    public static YearOverYearTable Build(AuditResult result, IReadOnlyList<TrendPoint> trend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trend);

        var published = (result.Measures?.PastScores ?? [])
            .Where(p => p.Year < result.Year)
            .GroupBy(p => p.Year)
            .ToDictionary(g => g.Key, g => g.Last());

        // Per past year, the published point first, else the latest run of that year.
        var points = trend
            .Where(t => t.Year < result.Year)
            .GroupBy(t => t.Year)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.FromPastScores ? 1 : 0).ThenBy(t => t.At ?? DateTimeOffset.MinValue).ToList());

        var pastYears = published.Keys.Concat(points.Keys).Distinct().Order().TakeLast(MaxPastYears).ToList();
        var years = pastYears.Append(result.Year).ToList();

        YearValue? Past(int year, string key)
        {
            if (published.TryGetValue(year, out var p) && p.Indicators.TryGetValue(key, out var v))
            {
                return new YearValue(v, Estimated: false);
            }

            if (points.TryGetValue(year, out var list))
            {
                // Published trend points sort last, so the last with a value is the best one.
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    var t = list[i];
                    var value = key switch
                    {
                        "9" => t.Indicator9,
                        "10" => t.Indicator10,
                        "oit" => t.Oit,
                        _ => null,
                    };
                    if (value is { } found)
                    {
                        return new YearValue(found, !t.FromPastScores);
                    }
                }
            }

            return null;
        }

        var names = result.Rules.Scoring.Indicators.ToDictionary(i => i.Id, i => i.Name, StringComparer.Ordinal);
        var rows = new List<YearOverYearRow>();
        foreach (var (key, tool, fallbackName) in Indicators)
        {
            var values = pastYears.Select(y => Past(y, key)).ToList();
            YearValue? now = key switch
            {
                "9" => new YearValue(result.Score.Indicator9, Estimated: true),
                "10" => new YearValue(result.Score.Indicator10, Estimated: true),
                _ => null,
            };
            if (now is null && values.All(v => v is null))
            {
                continue; // an IIT/EIT indicator nobody gave a score for
            }

            values.Add(now);
            var name = names.GetValueOrDefault(key) is { Length: > 0 } n ? n : fallbackName;
            rows.Add(new YearOverYearRow(key, tool, name, values, []));
        }

        var oit = pastYears.Select(y => Past(y, "oit")).Append(new YearValue(result.Score.Oit, Estimated: true)).ToList();
        rows.Add(new YearOverYearRow("oit", "OIT", "คะแนน OIT (แบบวัดการเปิดเผยข้อมูลสาธารณะ)", oit, []));

        var totals = pastYears
            .Select(y => published.TryGetValue(y, out var p) && p.Total is { } t ? new YearValue(t, Estimated: false) : null)
            .Append(result.Score.Projection is { } projection ? new YearValue(projection.Total, Estimated: true) : null)
            .ToList();
        var bands = pastYears
            .Select(y => published.TryGetValue(y, out var p) ? p.Band : null)
            .Append(result.Score.Projection?.Band)
            .ToList();
        if (totals.Any(t => t is not null) || bands.Any(b => b is not null))
        {
            rows.Add(new YearOverYearRow("total", "ITA", "คะแนนเฉลี่ย (รวม ITA)", totals, bands));
        }

        return new YearOverYearTable(years, rows);
    }

    /// <summary>"+10.60", "-4.79", "0.00".</summary>
    public static string FormatChange(double change) =>
        (change > 0 ? "+" : string.Empty) + change.ToString("0.00", CultureInfo.InvariantCulture);
}
