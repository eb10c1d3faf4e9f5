using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using OitCrawler.Dashboard;
using OitCrawler.History;
using OitCrawler.Scheduling;

namespace OitCrawler.Cli;

/// <summary><c>serve</c>: the Generic Host worker. Quartz fires the audit on the schedule; under systemd or as a Windows service it reports its state to them.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var flags = ConfigFlags.ForAudit();
        var command = new Command("serve", "บริการตรวจประจำ: ตรวจ Audit:Site ตามเวลาใน Schedule:Cron เก็บประวัติ และแจ้งการเปลี่ยนแปลงทางอีเมล พร้อมแดชบอร์ดที่ Dashboard:Urls\nthe nightly worker: audits Audit:Site on Schedule:Cron, keeps history, e-mails changes, serves the dashboard at Dashboard:Urls");
        flags.AddTo(command);
        var fleet = new Option<string>("--fleet") { Description = "เป็นโหนดของกลุ่ม: ตรวจหน่วยงานในไฟล์ร่วมกับโหนดอื่นที่ใช้ Fleet:ConnectionString (PostgreSQL)\na fleet node: audits the file's agencies with the other nodes sharing Fleet:ConnectionString (PostgreSQL)", HelpName = "FILE" };
        command.Add(fleet);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = cli.Settings(parse, flags);
            if (parse.GetValue(fleet) is not { } agencies)
            {
                return RunAsync(cli.Say, settings, cancellationToken);
            }

            settings["Fleet:AgenciesFile"] = agencies;
            return FleetCommands.ServeAsync(settings, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(Say say, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        if (WindowsServiceHelpers.IsWindowsService())
        {
            // A Windows service starts in System32: relative paths (logs/, data/, out/) belong beside the program.
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        }

        using var host = Commands.BuildHost(settings, builder =>
        {
            NightlyCommands.AddNightly(builder);
            builder.Services.AddNightlySchedule(builder.Configuration);
            builder.Services.AddDashboard(builder.Configuration);
            // Time for a cancelled crawl to store the partial run (at most 60 s) and write its report before the host gives up; under systemd's TimeoutStopSec=120.
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(100));
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(o => o.ServiceName = "OitCrawler");
        });
        NightlyCommands.RequireSite(host);
        await host.Services.GetRequiredService<HistoryDatabase>().MigrateAsync(cancellationToken);
        ServeBanner.Write(say, host);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
