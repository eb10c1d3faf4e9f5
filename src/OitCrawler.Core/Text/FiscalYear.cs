namespace OitCrawler.Text;

/// <summary>
/// A Thai fiscal year (ปีงบประมาณ), named by its Buddhist-era year: 1 October to 30 September on the Bangkok
/// calendar, so FY 2568 runs from 1 Oct 2567 to 30 Sep 2568 (1 Oct 2024 – 30 Sep 2025 CE). Its first half ends on
/// 1 April. The one place that knows the era offset and the fiscal boundaries.
/// </summary>
public readonly record struct FiscalYear(int BuddhistYear)
{
    /// <summary>Buddhist era (พ.ศ.) = Common era (ค.ศ.) + 543.</summary>
    public const int BuddhistEraOffset = 543;

    /// <summary>The fiscal year containing <paramref name="instant"/>, on the Bangkok calendar.</summary>
    public static FiscalYear Of(DateTimeOffset instant)
    {
        var bangkok = ThaiTime.ToBangkok(instant);
        return new(ToBuddhistEra(bangkok.Year) + (bangkok.Month >= 10 ? 1 : 0));
    }

    /// <summary>2025 → 2568.</summary>
    public static int ToBuddhistEra(int commonEraYear) => commonEraYear + BuddhistEraOffset;

    /// <summary>2568 → 2025.</summary>
    public static int ToCommonEra(int buddhistYear) => buddhistYear - BuddhistEraOffset;

    /// <summary>1 October of the year before, 00:00 Bangkok time.</summary>
    public DateTimeOffset Start => ThaiTime.BangkokMidnight(ToCommonEra(BuddhistYear) - 1, 10, 1);

    /// <summary>The end (exclusive): 1 October, 00:00 Bangkok time.</summary>
    public DateTimeOffset End => ThaiTime.BangkokMidnight(ToCommonEra(BuddhistYear), 10, 1);

    /// <summary>The end of the first half (exclusive): 1 April, 00:00 Bangkok time.</summary>
    public DateTimeOffset FirstHalfEnd => ThaiTime.BangkokMidnight(ToCommonEra(BuddhistYear), 4, 1);

    /// <summary>The fiscal year before (N−1).</summary>
    public FiscalYear Previous => new(BuddhistYear - 1);
}
