using System.Text.Json.Serialization;

namespace OitCrawler.Gaps;

/// <summary>
/// An agency's improvement measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใส): its issues (ประเด็น),
/// activities, responsible units with contact e-mail, and the OIT items each activity covers,
/// per rules year (codes move between years). Loaded from <c>measures/*.json</c>.
/// </summary>
public sealed record MeasuresFile
{
    /// <summary>The JSON Schema editors check the file with (<c>measures.schema.json</c>); not read otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public int SchemaVersion { get; init; } = 1;

    public string Agency { get; init; } = string.Empty;

    public string? AgencyEn { get; init; }

    /// <summary>The kind of agency (เทศบาล, อบต, อบจ, ส่วนราชการ, …), as <c>oitcrawler init</c> recorded it.</summary>
    public string? AgencyKind { get; init; }

    /// <summary>The unit that receives the nightly digest (งานบริการข้อมูลข่าวสารท้องถิ่น).</summary>
    public Unit InformationUnit { get; init; } = new();

    public IReadOnlyList<Unit> Units { get; init; } = [];

    public IReadOnlyList<MeasureIssue> Issues { get; init; } = [];

    /// <summary>Indicator scores of years before the tool was used, for the year-over-year table.</summary>
    public IReadOnlyList<PastScores> PastScores { get; init; } = [];
}

public sealed record Unit
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Email { get; init; }
}

/// <summary>ประเด็นที่ N.</summary>
public sealed record MeasureIssue
{
    public int Number { get; init; }

    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<Activity> Activities { get; init; } = [];
}

/// <summary>One activity of an issue: its steps, the units responsible, and the items it covers per rules year.</summary>
public sealed record Activity
{
    public string Id { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Unit ids (see <see cref="MeasuresFile.Units"/>).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Item codes by rules year, e.g. <c>{"2568": ["O12", "O13"]}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Items { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>Scores per indicator (1–10) and the total of one past ITA year, as published.</summary>
public sealed record PastScores
{
    public int Year { get; init; }

    public IReadOnlyDictionary<string, double> Indicators { get; init; } = new Dictionary<string, double>();

    public double? Total { get; init; }

    public string? Band { get; init; }
}
