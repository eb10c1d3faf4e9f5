using System.Text.RegularExpressions;

namespace OitCrawler.Gaps;

/// <summary>The agency's name from its home page title, for a site audited without a measures file and for <c>oitcrawler init</c>.</summary>
public static partial class AgencyNames
{
    /// <summary>
    /// The part of a title that names the agency ("หน้าหลัก | เทศบาลตำบลท่าแพ" → "เทศบาลตำบลท่าแพ"): the segment with
    /// an agency word, else the first segment; null for an empty title.
    /// </summary>
    public static string? FromTitle(string? title)
    {
        var segments = Separators().Split(Spaces().Replace(title ?? string.Empty, " ")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (segments.Count == 0)
        {
            return null;
        }

        return segments.FirstOrDefault(s => AgencyWord().IsMatch(s)) ?? segments[0];
    }

    /// <summary>The kind of agency a name suggests, for the measures skeleton's default units; null when it says nothing.</summary>
    public static string? KindOf(string? name) => name switch
    {
        null => null,
        _ when name.Contains("องค์การบริหารส่วนตำบล", StringComparison.Ordinal) || name.StartsWith("อบต", StringComparison.Ordinal) => "อบต",
        _ when name.Contains("องค์การบริหารส่วนจังหวัด", StringComparison.Ordinal) || name.StartsWith("อบจ", StringComparison.Ordinal) => "อบจ",
        _ when name.Contains("เทศบาล", StringComparison.Ordinal) => "เทศบาล",
        _ when name.Contains("มหาวิทยาลัย", StringComparison.Ordinal) => "มหาวิทยาลัย",
        _ when name.StartsWith("กรม", StringComparison.Ordinal) || name.StartsWith("สำนักงาน", StringComparison.Ordinal) || name.StartsWith("กระทรวง", StringComparison.Ordinal) => "ส่วนราชการ",
        _ => null,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s[|\-–—:·»]\s|\s*\|\s*|\s*::\s*")]
    private static partial Regex Separators();

    [GeneratedRegex("เทศบาล|องค์การบริหาร|อบต|อบจ|กรม|กระทรวง|สำนักงาน|มหาวิทยาลัย|โรงพยาบาล|การไฟฟ้า|การประปา|สถาบัน|ศาล|กอง|จังหวัด|อำเภอ")]
    private static partial Regex AgencyWord();
}
