using System.Text.Json.Serialization;
using OitCrawler.Rules;

namespace OitCrawler.Assessment;

/// <summary>The verdict on one item. Only <see cref="Pass"/> scores 100.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    [JsonStringEnumMemberName("pass")]
    Pass,

    [JsonStringEnumMemberName("missing")]
    Missing,

    [JsonStringEnumMemberName("stale")]
    Stale,

    [JsonStringEnumMemberName("incomplete")]
    Incomplete,

    [JsonStringEnumMemberName("broken")]
    Broken,

    [JsonStringEnumMemberName("review")]
    Review,

    [JsonStringEnumMemberName("unreachable")]
    Unreachable,
}

/// <summary>A reason for a verdict, in Thai and English.</summary>
public sealed record Reason(string Th, string En)
{
    /// <summary>The element this reason says is missing, when it is about one.</summary>
    [JsonIgnore]
    public ElementRule? Element { get; init; }

    public override string ToString() => $"{Th} / {En}";
}

/// <summary>
/// Where evidence is: the URL to enter in ITAS, the page that linked to it and the link's text.
/// <see cref="ClickPath"/> is the chain of link texts from the home page (คำอธิบาย in the checklist).
/// </summary>
public sealed record EvidenceRef(Uri Url, Uri? FoundOn, string? LinkText)
{
    public IReadOnlyList<string> ClickPath { get; init; } = [];
}

/// <summary>The verdict on one item, with its evidence and reasons.</summary>
public sealed record ItemResult(ItemRule Rule, ItemStatus Status, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<Reason> Reasons)
{
    public int Points => Status == ItemStatus.Pass ? 100 : 0;

    /// <summary>
    /// Elements that could not be checked because the content was not readable (a scan, an external system, a document of a
    /// few lines): the item was judged on what is visible; a person should open the evidence and check these.
    /// </summary>
    public IReadOnlyList<string> Unchecked { get; init; } = [];
}
