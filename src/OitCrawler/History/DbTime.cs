using System.Globalization;

namespace OitCrawler.History;

/// <summary>
/// Instants as stored: UTC, fixed width, so that SQLite's text comparison orders them correctly.
/// </summary>
internal static class DbTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(object? value) => value is string s && s.Length > 0 ? Parse(s) : null;
}
