using System.Text.Json.Serialization;

namespace OitCrawler.Rules;

/// <summary>The OIT items of one ITA year, their requirements, and how they are scored. Loaded from <c>rules/ita-YYYY.json</c>.</summary>
public sealed record RuleSet
{
    /// <summary>The JSON Schema editors check the file with (<c>rules.schema.json</c>); not read otherwise.</summary>
    [Informational]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The file format's version; the loader checks it.</summary>
    [Informational]
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The ITA (fiscal) year in พ.ศ.</summary>
    public int Year { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Where the list comes from and how sure it is.</summary>
    [Informational]
    public string? Source { get; init; }

    public ScoringRules Scoring { get; init; } = new();

    /// <summary>
    /// Words that mark a page or link as a report of an event (training, a meeting) rather than the
    /// document itself: "staff attended training on writing the anti-corruption plan" is not the plan.
    /// Ignored for items with <see cref="ItemRule.EventReportsAccepted"/>.
    /// </summary>
    public IReadOnlyList<string> EventWords { get; init; } = [];

    /// <summary>Phrases of a page that holds no content yet ("อยู่ระหว่างปรับปรุงข้อมูล"): such a page is not evidence.</summary>
    public IReadOnlyList<string> PlaceholderPhrases { get; init; } = [];

    /// <summary>
    /// Phrases of a status ("อยู่ระหว่างดำเนินการ") that mark a page as a placeholder only when they are all it says beside
    /// its headings: on a page of content they describe the content (a complaint in progress in a statistics table).
    /// </summary>
    public IReadOnlyList<string> StatusOnlyPhrases { get; init; } = [];

    public IReadOnlyList<ItemRule> Items { get; init; } = [];

    /// <summary>The file this was loaded from (set by the loader).</summary>
    [JsonIgnore]
    public string? Path { get; init; }
}

/// <summary>One OIT item (O1…): what it is called, what it must contain, which period it must cover.</summary>
public sealed record ItemRule
{
    public string Code { get; init; } = string.Empty;

    public string SubIndicator { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string? TitleEn { get; init; }

    /// <summary>Other names the item is published under: title variants, older wording, English words.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Codes this item had in other years (crosswalk), e.g. <c>o14</c> of 2567 for 2568's O12.</summary>
    [Informational]
    public IReadOnlyList<string> FormerCodes { get; init; } = [];

    public ItemPeriod Period { get; init; } = ItemPeriod.InForce;

    /// <summary>True for items whose evidence is itself activities (news, participation, ethics and No Gift activities).</summary>
    public bool EventReportsAccepted { get; init; }

    /// <summary>Checkable parts of the item; each must be present for a pass.</summary>
    public IReadOnlyList<ElementRule> Elements { get; init; } = [];

    /// <summary>What to publish to close the gap (Thai); <c>{year}</c>, <c>{previousYear}</c> are filled in.</summary>
    public string? Action { get; init; }

    public string? ActionEn { get; init; }

    /// <summary>C stated by a source, V stated for a variant agency group, I inferred, U sources conflict.</summary>
    [Informational]
    public string Confidence { get; init; } = "I";
}

/// <summary>The period an item's evidence must cover, relative to the audited ITA year N.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemPeriod>))]
public enum ItemPeriod
{
    /// <summary>No year: the item must exist (a structure, a channel, a manual in force).</summary>
    InForce,

    /// <summary>Current information (incumbents, live channels); a year is not required.</summary>
    Current,

    /// <summary>Fiscal year N.</summary>
    CurrentFY,

    /// <summary>Fiscal year N with progress covering at least its first six months (Oct–Mar).</summary>
    FirstHalfCurrentFY,

    /// <summary>Fiscal year N−1.</summary>
    PreviousFY,

    /// <summary>A multi-year span that includes N (a development plan 2566–2570).</summary>
    CoversCurrentFY,
}

/// <summary>How an element is checked on the evidence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ElementCheck>))]
public enum ElementCheck
{
    /// <summary>Any of <see cref="ElementRule.AnyOf"/> (or <see cref="ElementRule.Pattern"/>) occurs in the evidence text.</summary>
    Text,

    /// <summary>The page shows at least <see cref="ElementRule.Min"/> content images (photos).</summary>
    Images,

    /// <summary>An online form: a form element, or a link to one of <see cref="ElementRule.Hosts"/> or whose text matches.</summary>
    Form,

    /// <summary>A link whose host is one of <see cref="ElementRule.Hosts"/> or whose text matches.</summary>
    Link,
}

/// <summary>One checkable part of an item, named in Thai and English for the verdict's reasons.</summary>
public sealed record ElementRule
{
    /// <summary>Names the element in the file; the loader checks it is unique within the item.</summary>
    [Informational]
    public string Id { get; init; } = string.Empty;

    public string Th { get; init; } = string.Empty;

    public string En { get; init; } = string.Empty;

    public ElementCheck Check { get; init; } = ElementCheck.Text;

    public IReadOnlyList<string> AnyOf { get; init; } = [];

    /// <summary>A regular expression tried on the normalised text, besides <see cref="AnyOf"/>.</summary>
    public string? Pattern { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public int Min { get; init; } = 1;

    /// <summary>For text checks: the keyword must stand on a line that names the audited fiscal year (activities of FY N).</summary>
    public bool InCurrentFY { get; init; }

    /// <summary>
    /// The agency kinds or groups (<c>rules/agency-kinds.json</c>) the element applies to; empty: every kind. A
    /// municipality's "political side" cannot exist at a public organisation.
    /// </summary>
    public IReadOnlyList<string> AgencyKinds { get; init; } = [];

    /// <summary>
    /// For text checks: words of a picture's file name or alt text that show the element may be drawn in it ("แผนภูมิ",
    /// "chart"). When the page holds such a picture and the text lacks the element, it is not visible rather than absent:
    /// listed for a person to check, not reported missing.
    /// </summary>
    public IReadOnlyList<string> ImageWords { get; init; } = [];
}

/// <summary>Aggregation and rating bands; settings because the official method is not published.</summary>
public sealed record ScoringRules
{
    public IReadOnlyList<IndicatorRule> Indicators { get; init; } = [];

    /// <summary>How an indicator (9, 10) is computed from its items.</summary>
    public Aggregation IndicatorScore { get; init; } = Aggregation.MeanOfItems;

    /// <summary>How the OIT score is computed: from all items, or the mean of the indicators.</summary>
    public Aggregation OitScore { get; init; } = Aggregation.MeanOfItems;

    public ToolWeights ToolWeights { get; init; } = new();

    /// <summary>Rating bands, best first; the first whose thresholds are met applies.</summary>
    public IReadOnlyList<BandRule> Bands { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<Aggregation>))]
public enum Aggregation
{
    MeanOfItems,
    MeanOfSubIndicators,
    MeanOfIndicators,
}

public sealed record IndicatorRule
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    [Informational]
    public string? NameEn { get; init; }

    public IReadOnlyList<SubIndicatorRule> SubIndicators { get; init; } = [];
}

public sealed record SubIndicatorRule
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    [Informational]
    public string? NameEn { get; init; }
}

public sealed record ToolWeights
{
    public double Iit { get; init; } = 30;

    public double Eit { get; init; } = 30;

    public double Oit { get; init; } = 40;
}

/// <summary>A rating band: total at least <see cref="MinTotal"/> and, when set, each tool at least <see cref="MinEachTool"/>.</summary>
public sealed record BandRule
{
    public string Name { get; init; } = string.Empty;

    public string? NameEn { get; init; }

    public double MinTotal { get; init; }

    public double? MinEachTool { get; init; }
}
