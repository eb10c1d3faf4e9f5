using System.Globalization;
using System.Text.RegularExpressions;

namespace OitCrawler.Text;

/// <summary>How a year was written, from the most to the least telling.</summary>
public enum YearKind
{
    /// <summary>"ปีงบประมาณ พ.ศ. 2568", "FY 2568".</summary>
    FiscalYear,

    /// <summary>A month and year or a full date ("ต.ค. 67", "มีนาคม 2568", "October 2024", "15/11/2567", "2024-10-15"): mapped to the fiscal year containing it.</summary>
    Date,

    /// <summary>A span ("2566–2570").</summary>
    Range,

    /// <summary>A bare Buddhist-era year.</summary>
    Year,

    /// <summary>A Common-Era year, converted.</summary>
    CommonEra,

    /// <summary>The year of an assessment ("ITA 2568", "ITA ปี 2025"): it names the ITA round, not a document's period.</summary>
    Assessment,
}

/// <summary>A year found in text, as the fiscal years (พ.ศ.) it covers.</summary>
public readonly record struct YearMention(int FromFY, int ToFY, YearKind Kind)
{
    public bool Covers(int fiscalYear) => fiscalYear >= FromFY && fiscalYear <= ToFY;

    public bool IsSingle => FromFY == ToFY;
}

/// <summary>
/// Finds years in Thai text and URLs: พ.ศ. and ค.ศ., Thai digits (via <see cref="ThaiText"/>),
/// "พ.ศ.. 2568", ranges, two-digit years after a month or "ปี", Thai month names and abbreviations.
/// Maps them to fiscal years (1 Oct – 30 Sep; FY 2568 = Oct 2567 – Sep 2568).
/// </summary>
public static partial class ThaiYears
{
    private static readonly (string Name, int Month)[] Months =
    [
        ("มกราคม", 1), ("กุมภาพันธ์", 2), ("มีนาคม", 3), ("เมษายน", 4), ("พฤษภาคม", 5), ("มิถุนายน", 6),
        ("กรกฎาคม", 7), ("สิงหาคม", 8), ("กันยายน", 9), ("ตุลาคม", 10), ("พฤศจิกายน", 11), ("ธันวาคม", 12),
        ("ม.ค.", 1), ("ก.พ.", 2), ("มี.ค.", 3), ("เม.ย.", 4), ("พ.ค.", 5), ("มิ.ย.", 6),
        ("ก.ค.", 7), ("ส.ค.", 8), ("ก.ย.", 9), ("ต.ค.", 10), ("พ.ย.", 11), ("ธ.ค.", 12),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("มค", 1), ("กพ", 2), ("มีค", 3), ("เมย", 4), ("พค", 5), ("มิย", 6), ("กค", 7), ("สค", 8), ("กย", 9), ("ตค", 10), ("พย", 11), ("ธค", 12),
    ];

    private static readonly Dictionary<string, int> MonthByName = Months.ToDictionary(m => m.Name, m => m.Month, StringComparer.Ordinal);

    /// <summary>Buddhist-era date text, e.g. "24 พฤศจิกายน 2569".</summary>
    public static string FormatThaiDate(DateTimeOffset instant)
    {
        var bangkok = ThaiTime.ToBangkok(instant);
        return $"{bangkok.Day} {Months[bangkok.Month - 1].Name} {FiscalYear.ToBuddhistEra(bangkok.Year)}";
    }

    /// <summary>Years mentioned in a text (raw; it is normalised here).</summary>
    public static IReadOnlyList<YearMention> Find(string? text)
    {
        var s = ThaiText.Normalize(text);
        if (s.Length == 0)
        {
            return [];
        }

        var found = new List<YearMention>();
        var chars = s.ToCharArray();

        foreach (Match m in AssessmentYear().Matches(s))
        {
            if (FullYear(m.Groups["y"].Value) is { } y)
            {
                found.Add(new YearMention(y, y, YearKind.Assessment));
                Mask(chars, m);
            }
        }

        s = new string(chars);
        foreach (Match m in Range().Matches(s))
        {
            var a = FullYear(m.Groups["a"].Value);
            var b = FullYear(m.Groups["b"].Value);
            if (a is { } from && b is { } to && to >= from && to - from <= 10)
            {
                found.Add(new YearMention(from, to, YearKind.Range));
                Mask(chars, m);
            }
        }

        s = new string(chars);
        foreach (Match m in FiscalPhrase().Matches(s))
        {
            if (FullYear(m.Groups["y"].Value) is { } y)
            {
                found.Add(new YearMention(y, y, YearKind.FiscalYear));
                Mask(chars, m);
            }
        }

        s = new string(chars);
        foreach (Match m in DayMonthYear().Matches(s))
        {
            AddDate(found, chars, m, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture), m.Groups["y"].Value);
        }

        s = new string(chars);
        foreach (Match m in IsoDate().Matches(s))
        {
            AddDate(found, chars, m, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture), m.Groups["y"].Value);
        }

        s = new string(chars);
        foreach (Match m in MonthYear().Matches(s))
        {
            var name = m.Groups["m"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (MonthByName.TryGetValue(name, out var month) && FullYear(m.Groups["y"].Value) is { } y)
            {
                var fy = month >= 10 ? y + 1 : y;
                found.Add(new YearMention(fy, fy, YearKind.Date));
                Mask(chars, m);
            }
        }

        s = new string(chars);
        foreach (Match m in BuddhistYear().Matches(s))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            found.Add(new YearMention(y, y, YearKind.Year));
            Mask(chars, m);
        }

        s = new string(chars);
        foreach (Match m in ShortYearAfterWord().Matches(s))
        {
            var y = 2500 + int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            found.Add(new YearMention(y, y, YearKind.Year));
        }

        foreach (Match m in CommonEraYear().Matches(s))
        {
            var y = FiscalYear.ToBuddhistEra(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
            found.Add(new YearMention(y, y, YearKind.CommonEra));
        }

        return found;
    }

    /// <summary>Years in a URL's decoded path and file name, including two-digit years ("รายงาน-68.pdf").</summary>
    public static IReadOnlyList<YearMention> FindInUrl(Uri url)
    {
        string path;
        try
        {
            path = Uri.UnescapeDataString(url.AbsolutePath);
        }
        catch (UriFormatException)
        {
            path = url.AbsolutePath;
        }

        // Upload folders (/2025/03/, /2568/01/) date the upload, and ITA folders (/ita-2568/) name the
        // assessment year, not the content's period: leave both out.
        path = UploadFolder().Replace(path, "/");
        path = string.Join('/', path.Split('/').Where(segment => !AssessmentFolder().IsMatch(segment)));
        var found = new List<YearMention>(Find(path.Replace('/', ' ').Replace('_', ' ')));
        var file = Path.GetFileNameWithoutExtension(path);
        var name = DayMonthYear().Replace(IsoDate().Replace(ThaiText.Normalize(file), " "), " "); // dates were read above
        foreach (Match m in ShortYearInName().Matches(name))
        {
            var y = 2500 + int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (!found.Any(f => f.Covers(y)))
            {
                found.Add(new YearMention(y, y, YearKind.Year));
            }
        }

        return found;
    }

    /// <summary>Whether the text shows progress reaching at least the first six months of a fiscal year.</summary>
    public static bool CoversFirstHalf(string? text)
    {
        var s = ThaiText.Compact(text);
        return HalfYear().IsMatch(s);
    }

    private static int? FullYear(string digits)
    {
        var n = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length switch
        {
            2 when n is >= 40 and <= 99 => 2500 + n,
            4 when n is >= 2540 and <= 2650 => n,
            4 when n is >= 1990 and <= 2100 => FiscalYear.ToBuddhistEra(n),
            _ => null,
        };
    }

    // A numeric date: the fiscal year containing it (October onwards belongs to the next one). A day that
    // the month does not have ("31/02/2567") is not a date, and is left for the later passes.
    private static void AddDate(List<YearMention> found, char[] chars, Match m, int day, int month, string yearDigits)
    {
        if (FullYear(yearDigits) is not { } y || day > DateTime.DaysInMonth(FiscalYear.ToCommonEra(y), month))
        {
            return;
        }

        var fy = month >= 10 ? y + 1 : y;
        found.Add(new YearMention(fy, fy, YearKind.Date));
        Mask(chars, m);
    }

    private static void Mask(char[] chars, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++)
        {
            chars[i] = ' ';
        }
    }

    [GeneratedRegex(@"(?<![a-z])(?:m?oit|itas?)\s*(?:ปี|ประจำปี(?:งบประมาณ)?)?\s*(?:พ\.?\s?ศ\.*\s*)?(?<y>25[4-9][0-9]|26[0-4][0-9]|20[0-9][0-9])(?![0-9])")]
    private static partial Regex AssessmentYear();

    [GeneratedRegex(@"(?<![0-9])(?<a>25[4-9][0-9]|26[0-4][0-9])\s*(?:-|ถึง|/)\s*(?:พ\.?\s?ศ\.?\s*)?(?<b>25[4-9][0-9]|26[0-4][0-9])(?![0-9])")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?:ปีงบประมาณ|ปีงบฯ?|งบประมาณ|fy|fiscal year|ประจำปี)\s*(?:พ\.?\s?ศ\.*\s*)?(?<y>25[4-9][0-9]|26[0-4][0-9]|20[0-9][0-9]|[4-9][0-9])(?![0-9])")]
    private static partial Regex FiscalPhrase();

    [GeneratedRegex(@"(?<m>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.\s?ค\.|ก\.\s?พ\.|มี\.\s?ค\.|เม\.\s?ย\.|พ\.\s?ค\.|มิ\.\s?ย\.|ก\.\s?ค\.|ส\.\s?ค\.|ก\.\s?ย\.|ต\.\s?ค\.|พ\.\s?ย\.|ธ\.\s?ค\.)\s*(?:พ\.?\s?ศ\.*\s*)?(?<y>25[4-9][0-9]|26[0-4][0-9]|20[0-9][0-9]|[4-9][0-9])(?![0-9])")]
    private static partial Regex MonthYear();

    // "15/11/2567", "15-11-2567", "15.11.67", "15/11/2024": day, month, year with one separator used twice.
    // Strict so that version numbers, IP addresses and phone numbers are not read as dates: no digit or
    // separator-and-digit on either side, day 1–31, month 1–12.
    [GeneratedRegex(@"(?<![0-9])(?<![0-9][./-])(?<d>0?[1-9]|[12][0-9]|3[01])(?<sep>[/.-])(?<mo>0?[1-9]|1[0-2])\k<sep>(?<y>25[4-9][0-9]|26[0-4][0-9]|19[0-9][0-9]|20[0-9][0-9]|[4-9][0-9])(?![0-9])(?![./-][0-9])")]
    private static partial Regex DayMonthYear();

    // ISO "2024-10-15" (or a Buddhist-era "2567-10-15"): four-digit year, two-digit month and day.
    [GeneratedRegex(@"(?<![0-9])(?<![0-9][./-])(?<y>25[4-9][0-9]|26[0-4][0-9]|19[0-9][0-9]|20[0-9][0-9])-(?<mo>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])(?![./-][0-9])")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![0-9])(?<y>25[4-9][0-9]|26[0-4][0-9])(?![0-9])")]
    private static partial Regex BuddhistYear();

    [GeneratedRegex(@"(?:ปี|พ\.\s?ศ\.*)\s*(?<y>[5-9][0-9])(?![0-9])")]
    private static partial Regex ShortYearAfterWord();

    [GeneratedRegex(@"(?<![0-9])(?<y>20[0-4][0-9])(?![0-9])")]
    private static partial Regex CommonEraYear();

    [GeneratedRegex(@"(?:^|[-_ .])(?<y>[5-7][0-9])(?:$|[-_ .])")]
    private static partial Regex ShortYearInName();

    [GeneratedRegex(@"(?i)^(?:m?oit|ita)[-_ ]?[0-9]{2,4}$|^(?:m?oit|ita)$")]
    private static partial Regex AssessmentFolder();

    [GeneratedRegex(@"/(?:19|20|25|26)[0-9]{2}/(?:0[1-9]|1[0-2])/")]
    private static partial Regex UploadFolder();

    [GeneratedRegex(@"6เดือน|หกเดือน|ครึ่งปี|ไตรมาส(?:ที่)?(?:2|3|4)|ไตรมาส1-2|ไตรมาส1และ2|(?:ต\.?ค\.?|ตุลาคม)[0-9]*-(?:มี\.?ค\.?|มีนาคม|เม\.?ย\.?|เมษายน|พ\.?ค\.?|พฤษภาคม|มิ\.?ย\.?|มิถุนายน|ก\.?ค\.?|ก\.?ย\.?|กันยายน)|รอบ(?:ที่)?2|(?:มี\.?ค\.?|มีนาคม)[0-9]{2,4}|(?:1|๑)ต\.?ค\.?[0-9]*-31มี|6months|sixmonths|halfyear|firsthalf|q1-q2|q2|(?:oct|october)[0-9]*-(?:mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|september)|oct.{0,40}nov.{0,40}dec.{0,40}jan.{0,40}feb.{0,40}mar")]
    private static partial Regex HalfYear();
}
