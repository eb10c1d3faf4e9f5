using OitCrawler.Rules;

namespace OitCrawler.Assessment;

/// <summary>
/// The elements an agency of one kind is judged on: a municipality's political side (นายก, สภา) cannot exist at a
/// department, whose head and board take its place (<see cref="ElementRule.AgencyKinds"/>, <c>rules/agency-kinds.json</c>).
/// </summary>
internal static class KindElements
{
    /// <summary><paramref name="rules"/> with only the elements that apply to <paramref name="kind"/>.</summary>
    public static RuleSet For(RuleSet rules, AgencyKind kind) =>
        rules.Items.All(i => i.Elements.All(e => kind.Covers(e.AgencyKinds)))
            ? rules
            : rules with { Items = rules.Items.Select(i => i with { Elements = i.Elements.Where(e => kind.Covers(e.AgencyKinds)).ToList() }).ToList() };
}
