using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.History;
using OitCrawler.Scheduling;
using OitCrawler.Text;

namespace OitCrawler.Cli;

/// <summary>
/// The one block <c>serve</c> prints at start, in Thai (English beneath unless <c>--lang th</c>): the site, the
/// schedule, the next audit in the schedule's time zone with the Buddhist-era year, and where the database,
/// reports and logs are.
/// </summary>
internal static class ServeBanner
{
    public static void Write(Say say, IHost host)
    {
        var services = host.Services;
        var audit = services.GetRequiredService<IOptions<AuditOptions>>().Value;
        var schedule = NightlySchedule.From(services.GetRequiredService<IOptions<ScheduleOptions>>().Value);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var next = schedule.NextFireAfter(now);
        var database = services.GetRequiredService<HistoryDatabase>().Path;
        var reports = Path.GetFullPath(audit.OutputDirectory);
        var logs = LogFolder(services.GetRequiredService<IConfiguration>());
        say.Line($"OitCrawler {CommandTree.Version} เริ่มบริการตรวจประจำ", $"OitCrawler {CommandTree.Version} nightly service started");
        say.Line($"  เว็บไซต์: {audit.Site}", $"  site: {audit.Site}");
        say.Line($"  กำหนดตรวจ: {schedule.Cron} ({schedule.TimeZone.Id})", $"  schedule: {schedule.Cron} ({schedule.TimeZone.Id})");
        say.Line($"  ตรวจครั้งถัดไป: {ThaiTime.Format(next, schedule.TimeZone)}", $"  next audit: {EnglishTime(next, schedule.TimeZone)}");
        say.Line($"  ฐานข้อมูล: {database}", $"  database: {database}");
        say.Line($"  รายงาน: {reports}", $"  reports: {reports}");
        say.Line($"  บันทึกการทำงาน: {logs}", $"  logs: {logs}");
    }

    private static string EnglishTime(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, zone).ToString("d MMMM yyyy HH:mm zzz", CultureInfo.InvariantCulture) : "none";

    // The folder of the first file sink (appsettings' Serilog section), else the default one BuildHost adds.
    private static string LogFolder(IConfiguration configuration)
    {
        var path = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(s => s["Name"] == "File")
            .Select(s => s["Args:path"])
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) ?? Commands.DefaultLogFile;
        return Path.GetDirectoryName(Path.GetFullPath(path))!;
    }
}
