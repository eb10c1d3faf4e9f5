using System.Text.Json.Serialization;

namespace OitCrawler.Rules;

/// <summary>
/// The kinds of agency the ITA assesses (<c>rules/agency-kinds.json</c>): what a configuration, a measures file or an
/// agencies file may call each one, the words in an agency's name that tell its kind, and the group an element's
/// <see cref="ElementRule.AgencyKinds"/> may name. Element lists differ by kind: a public organisation has a board and a
/// director, not a mayor and a council.
/// </summary>
public sealed record AgencyKindsFile
{
    /// <summary>The JSON Schema editors check the file with; not read otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public int SchemaVersion { get; init; } = 1;

    /// <summary>The kind assumed when neither the configuration nor the agency's name tells one (most agencies are อปท.).</summary>
    public string Default { get; init; } = string.Empty;

    public IReadOnlyList<AgencyKind> Kinds { get; init; } = [];

    /// <summary>The file's name, beside the rules files; without it every element applies to every agency.</summary>
    public const string FileName = "agency-kinds.json";

    /// <summary>No kinds file: every element applies to every agency.</summary>
    public static readonly AgencyKindsFile None = new();

    /// <summary>The kind a configured text names (its id or one of its names, ignoring case, dots and spaces); null when none does.</summary>
    public AgencyKind? Find(string? text)
    {
        var key = Key(text);
        return key.Length == 0 ? null : Kinds.FirstOrDefault(k => Key(k.Id) == key || k.Names.Any(n => Key(n) == key));
    }

    /// <summary>The kind an agency's name tells by its longest kind word ("สถาบัน… (องค์การมหาชน)"); null when no word is in it.</summary>
    public AgencyKind? FromName(string? agencyName)
    {
        if (string.IsNullOrWhiteSpace(agencyName))
        {
            return null;
        }

        var name = agencyName.ToLowerInvariant();
        return Kinds
            .SelectMany(k => k.NameWords.Select(w => (Kind: k, Word: w.ToLowerInvariant())))
            .Where(p => p.Word.Length > 0 && name.Contains(p.Word, StringComparison.Ordinal))
            .OrderByDescending(p => p.Word.Length)
            .Select(p => p.Kind)
            .FirstOrDefault();
    }

    /// <summary>Whether <paramref name="idOrGroup"/> names a kind or a group of kinds.</summary>
    public bool Knows(string idOrGroup) => Kinds.Any(k => k.Id == idOrGroup || k.Group == idOrGroup);

    /// <summary>The kinds' ids, for messages naming what a configuration or measures file may say.</summary>
    [JsonIgnore]
    public string Ids => string.Join(", ", Kinds.Select(k => k.Id));

    /// <summary>The ids and groups an element may name, for messages.</summary>
    [JsonIgnore]
    public string Known => string.Join(", ", Kinds.Select(k => k.Id).Concat(Kinds.Select(k => k.Group)).Distinct(StringComparer.Ordinal));

    internal static string Key(string? text) =>
        new string((text ?? string.Empty).Where(c => c is not ('.' or ' ' or '\u00A0')).ToArray()).ToLowerInvariant();
}

/// <summary>One kind of agency.</summary>
public sealed record AgencyKind
{
    /// <summary>The id elements and settings use (<c>municipality</c>, <c>sao</c>, <c>public-organization</c>…).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The group the kind belongs to (<c>local</c> for อปท., <c>national</c> for the others); elements may name it.</summary>
    public string Group { get; init; } = string.Empty;

    public string Th { get; init; } = string.Empty;

    public string En { get; init; } = string.Empty;

    /// <summary>What a configuration, measures file or agencies file may call the kind ("อบต.", "เทศบาลตำบล", "SAO").</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Words in an agency's name that tell its kind ("องค์การบริหารส่วนตำบล", "(องค์การมหาชน)"); the longest found wins.</summary>
    public IReadOnlyList<string> NameWords { get; init; } = [];

    /// <summary>Whether an element limited to <paramref name="appliesTo"/> (ids or groups; empty: every kind) applies to this kind.</summary>
    public bool Covers(IReadOnlyList<string> appliesTo) => appliesTo.Count == 0 || appliesTo.Contains(Id) || appliesTo.Contains(Group);
}
