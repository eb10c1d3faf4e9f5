using System.Globalization;

namespace OitCrawler.Text;

/// <summary>Thai wall-clock text: the th-TH culture (Buddhist-era years, Thai month names) in a given zone.</summary>
public static class ThaiTime
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    /// <summary>Bangkok's zone ("Asia/Bangkok"; UTC+7, no daylight saving), or a fixed UTC+7 zone where the machine lacks it.</summary>
    public static TimeZoneInfo Bangkok { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Bangkok", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Bangkok", TimeSpan.FromHours(7), "Asia/Bangkok", "Asia/Bangkok");

    /// <summary><paramref name="instant"/> on the Bangkok clock.</summary>
    public static DateTimeOffset ToBangkok(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Bangkok);

    /// <summary>A wall-clock time read as Bangkok time.</summary>
    public static DateTimeOffset InBangkok(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Bangkok.GetUtcOffset(local));
    }

    /// <summary>Midnight at the start of a (Common-era) date, Bangkok time.</summary>
    public static DateTimeOffset BangkokMidnight(int year, int month, int day) => InBangkok(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>"6 ธันวาคม 2569 02:00 น." in <paramref name="zone"/>; "ไม่มีกำหนด" for none.</summary>
    public static string Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, zone).ToString("d MMMM yyyy HH:mm", Thai) + " น." : "ไม่มีกำหนด";
}
