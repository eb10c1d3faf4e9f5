using System.Globalization;
using OitCrawler.Assessment;
using OitCrawler.Rules;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Gaps;

/// <summary>Turns verdicts into the gap list, tied to the measures. Pure.</summary>
public static class GapBuilder
{
    /// <summary>
    /// One gap per non-passing item, sorted by points at stake (an item's share of the OIT score),
    /// then by the first responsible unit, then by code.
    /// </summary>
    public static IReadOnlyList<Gap> Build(IReadOnlyList<ItemResult> items, RuleSet rules, int year, MeasuresFile? measures)
    {
        var weight = Weight(items);
        var gaps = new List<Gap>();
        foreach (var item in items.Where(i => i.Status != ItemStatus.Pass))
        {
            gaps.Add(new Gap(item, MeasuresOf(item.Rule.Code, rules, measures), Fill(ActionTh(item, year), year), Fill(ActionEn(item), year), weight));
        }

        return gaps
            .OrderByDescending(g => g.PointsAtStake)
            .ThenBy(g => g.HasMeasure ? 0 : 1)
            .ThenBy(g => g.Units.Count > 0 ? g.Units[0].Name : "\uFFFF", StringComparer.Ordinal)
            .ThenBy(g => ItemCodes.Parse(g.Item.Rule.Code)) // codes are validated O1…O99 by the rules loader
            .ToList();
    }

    /// <summary>
    /// The passes judged on what is visible (a scan, an external system, a chart drawn as a picture): not gaps, but a
    /// person must open them; each comes with its measures and the action "open it and check", in rules order.
    /// </summary>
    public static IReadOnlyList<Gap> Checks(IReadOnlyList<ItemResult> items, RuleSet rules, MeasuresFile? measures)
    {
        var weight = Weight(items);
        return items.Where(i => i.Status == ItemStatus.Pass && i.Unchecked.Count > 0)
            .Select(i => new Gap(i, MeasuresOf(i.Rule.Code, rules, measures), VerifyAction(i), VerifyActionEn(i), weight))
            .ToList();
    }

    // An item's share of the OIT score.
    private static double Weight(IReadOnlyList<ItemResult> items) => items.Count == 0 ? 0 : Math.Round(100.0 / items.Count, 2);

    /// <summary>The activities of the measures that name item <paramref name="code"/> for these rules' year, with their units.</summary>
    private static List<MeasureRef> MeasuresOf(string code, RuleSet rules, MeasuresFile? measures)
    {
        var key = rules.Year.ToString(CultureInfo.InvariantCulture);
        var units = measures?.Units.ToDictionary(u => u.Id, StringComparer.Ordinal) ?? [];
        var refs = new List<MeasureRef>();
        foreach (var issue in measures?.Issues ?? [])
        {
            foreach (var activity in issue.Activities)
            {
                if (activity.Items.TryGetValue(key, out var codes) && codes.Any(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)))
                {
                    refs.Add(new MeasureRef(issue.Number, issue.Title, activity.Id, activity.Title, activity.Units.Select(u => units[u]).ToList()));
                }
            }
        }

        return refs;
    }

    // What to do about a pass whose elements could not be read: open the evidence and check them.
    private static string VerifyAction(ItemResult item) =>
        $"เปิด {Url(item)} ตรวจด้วยตนเองว่ามี: {string.Join(", ", item.Unchecked)} (ระบบอ่านเนื้อหาไม่ได้ จึงตรวจองค์ประกอบไม่ได้)";

    private static string VerifyActionEn(ItemResult item) =>
        $"open {Url(item)} and check by hand that it has: {string.Join(", ", item.Unchecked)} (its content could not be read, so the elements were not checked)";

    private static string ActionTh(ItemResult item, int year)
    {
        var rule = item.Rule;
        var what = rule.Action ?? $"เผยแพร่ \"{rule.Title}\" บนเว็บไซต์หลัก";
        return item.Status switch
        {
            ItemStatus.Broken => $"แก้ลิงก์ที่เสีย ({Url(item)}) แล้ว{what}",
            ItemStatus.Stale => $"{what} (ฉบับที่พบเป็นของปีอื่น)",
            ItemStatus.Incomplete => $"{what} ให้ครบ: {string.Join("; ", item.Reasons.Select(r => r.Th))}",
            ItemStatus.Review => $"ตรวจเอกสาร {Url(item)} ด้วยตนเองว่าเป็น{Assessor.PeriodTh(rule.Period, year)} และระบุปีในชื่อลิงก์",
            ItemStatus.Unreachable => $"ตรวจว่าเปิด {Url(item)} ได้จากภายนอก แล้ว{what}",
            _ => what,
        };
    }

    private static string ActionEn(ItemResult item)
    {
        var rule = item.Rule;
        var what = rule.ActionEn ?? $"publish \"{rule.TitleEn ?? rule.Title}\" on the main website";
        return item.Status switch
        {
            ItemStatus.Broken => $"fix the broken link ({Url(item)}), then {what}",
            ItemStatus.Stale => $"{what} (the version found is for another year)",
            ItemStatus.Incomplete => $"{what}, complete: {string.Join("; ", item.Reasons.Select(r => r.En))}",
            ItemStatus.Review => $"check {Url(item)} by hand and name the year in the link text",
            ItemStatus.Unreachable => $"make sure {Url(item)} opens from outside, then {what}",
            _ => what,
        };
    }

    private static string Url(ItemResult item) => item.Evidence.Count > 0 ? Web.UrlCanonicalizer.Display(item.Evidence[0].Url) : "-";

    private static string Fill(string template, int year) => template
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{previousYear}", (year - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
