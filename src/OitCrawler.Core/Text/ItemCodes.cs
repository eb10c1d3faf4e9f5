using System.Globalization;
using System.Text.RegularExpressions;

namespace OitCrawler.Text;

/// <summary>
/// Reads OIT item codes in the forms sites really use: <c>o1</c>, <c>O 16</c>, <c>O01</c>, <c>OIT 1</c>,
/// <c>MOIT 1</c>, <c>O-12</c>, Thai digits, and <c>029</c> (zero for the letter o) at the start of a label.
/// </summary>
public static partial class ItemCodes
{
    /// <summary>The item number a label starts with (a table cell, link text, a URL slug), or null.</summary>
    public static int? Leading(string? label)
    {
        var text = ThaiText.Normalize(label);
        var m = LeadingCode().Match(text);
        return m.Success ? Number(m.Groups["n"].Value) : null;
    }

    /// <summary>Every item number written with a letter prefix anywhere in the text (not the zero form).</summary>
    public static IReadOnlyList<int> All(string? text)
    {
        var found = new List<int>();
        foreach (Match m in AnyCode().Matches(ThaiText.Normalize(text)))
        {
            if (Number(m.Groups["n"].Value) is { } n)
            {
                found.Add(n);
            }
        }

        return found;
    }

    /// <summary>The number of a rules code such as <c>O12</c>.</summary>
    public static int Parse(string code) => int.Parse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 60 ? n : null;

    // Start of label: optional "ข้อ", then m?oit / o / 0-for-o, then 1–2 digits not followed by a digit.
    [GeneratedRegex(@"^(?:ข้อ\s*)?(?:m?oit\s*[-.:]?\s*|o\s*[-.:]?\s*|0(?=[1-9][0-9]?(?![0-9])))0?(?<n>[0-9]{1,2})(?![0-9])")]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"(?<![a-z0-9\u0E00-\u0E7F])(?:m?oit\s*[-.:]?\s*|o\s?[-.:]?\s?)0?(?<n>[0-9]{1,2})(?![0-9])")]
    private static partial Regex AnyCode();
}
