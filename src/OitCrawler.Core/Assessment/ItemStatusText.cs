namespace OitCrawler.Assessment;

/// <summary>The one status vocabulary: how every output names an <see cref="ItemStatus"/>.</summary>
public static class ItemStatusText
{
    /// <summary>The status in Thai, as reports and alerts show it.</summary>
    public static string Th(ItemStatus status) => status switch
    {
        ItemStatus.Pass => "ผ่าน",
        ItemStatus.Missing => "ไม่พบ",
        ItemStatus.Stale => "ไม่เป็นปัจจุบัน",
        ItemStatus.Incomplete => "ไม่ครบ",
        ItemStatus.Broken => "ลิงก์เสีย",
        ItemStatus.Review => "ต้องตรวจเอง",
        ItemStatus.Unreachable => "เข้าถึงไม่ได้",
        _ => status.ToString(),
    };

    /// <summary>The status in English words, as English reports show it.</summary>
    public static string Label(ItemStatus status) => status switch
    {
        ItemStatus.Pass => "passed",
        ItemStatus.Missing => "not found",
        ItemStatus.Stale => "out of date",
        ItemStatus.Incomplete => "incomplete",
        ItemStatus.Broken => "broken link",
        ItemStatus.Review => "check by hand",
        ItemStatus.Unreachable => "unreachable",
        _ => status.ToString(),
    };

    /// <summary>The status as report.json writes it (<c>pass</c>, <c>missing</c>…).</summary>
    public static string En(ItemStatus status) => status.ToString().ToLowerInvariant();
}
