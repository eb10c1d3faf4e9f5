using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OitCrawler.Crawling;
using OitCrawler.Scheduling;

namespace OitCrawler.Cli;

/// <summary><c>run-now</c>: one audit of <c>Audit:Site</c> through the nightly path (history, per-run reports, alerts), with progress.</summary>
internal static class RunNowCommand
{
    public static Command Create(CliContext cli)
    {
        var flags = ConfigFlags.ForAudit();
        var command = new Command("run-now", "ตรวจเว็บไซต์ใน Audit:Site ทันทีแบบเดียวกับรอบกลางคืน (เก็บประวัติ เขียนรายงาน ส่งอีเมล)\none audit of Audit:Site through the nightly path (history, reports, e-mail)");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = Commands.BuildHost(cli.Settings(parse, flags), NightlyCommands.AddNightly);
            var site = NightlyCommands.RequireSite(host);
            cli.Say.Note($"กำลังตรวจ {site} (run-now)…", $"auditing {site} (run-now)…");
            var budget = host.Services.GetRequiredService<IOptions<CrawlOptions>>().Value.MaxPages;
            var audit = host.Services.GetRequiredService<NightlyAudit>();
            var run = await CrawlProgressDisplay.RunAsync(cli.Say, host.Services.GetRequiredService<TimeProvider>(), budget, progress => audit.RunAsync("run-now", progress, cancellationToken));
            if (run is null)
            {
                cli.Say.Fail(
                    "มีการตรวจอื่นกำลังทำงานอยู่ (บริการ serve หรือ run-now อีกตัว) ลองใหม่เมื่อเสร็จแล้ว",
                    "another audit is running (the service, or another run-now); try again when it has finished");
                return ExitCodes.Busy;
            }

            NightlyCommands.WriteRun(cli.Say, run);
            return ExitCodes.For(run.Result);
        });
        return command;
    }
}
