using System.Globalization;

namespace OitCrawler.Text;

/// <summary>Thai wall-clock text: the th-TH culture (Buddhist-era years, Thai month names) in a given zone.</summary>
public static class ThaiTime
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    /// <summary>"6 ธันวาคม 2569 02:00 น." in <paramref name="zone"/>; "ไม่มีกำหนด" for none.</summary>
    public static string Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, zone).ToString("d MMMM yyyy HH:mm", Thai) + " น." : "ไม่มีกำหนด";
}
