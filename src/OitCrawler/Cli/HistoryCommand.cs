using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.History;

namespace OitCrawler.Cli;

/// <summary><c>history [N]</c>: past runs, newest first, with each indicator's score and its direction since the run before.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext cli)
    {
        var count = new Argument<int>("N")
        {
            Description = "จำนวนครั้งที่แสดง (ค่าเริ่มต้น 20)\nhow many runs (default 20)",
            DefaultValueFactory = _ => 20,
        };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("N ต้องเป็นจำนวนเต็มตั้งแต่ 1\nN must be a whole number from 1");
            }
        });
        var command = new Command("history", "ประวัติการตรวจ ใหม่สุดก่อน พร้อมคะแนนและแนวโน้ม\nthe last runs, newest first, with scores and trend") { count };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var say = cli.Say;
            using var host = Commands.BuildHost(cli.Settings(parse), b => b.Services.AddHistory(b.Configuration));
            var database = host.Services.GetRequiredService<HistoryDatabase>();
            await database.MigrateAsync(cancellationToken);
            var configured = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value.Site;
            Uri? site = string.IsNullOrWhiteSpace(configured) ? null : ConfigFlags.ParseSite(configured);
            var runs = await host.Services.GetRequiredService<IRunStore>().ListRunsAsync(site, parse.GetValue(count), cancellationToken);
            say.Line(
                $"ประวัติการตรวจ ใหม่สุดก่อน: {(site is null ? "ทุกเว็บไซต์" : site.AbsoluteUri)} ({database.Path})",
                $"run history, newest first: {(site is null ? "all sites" : site.AbsoluteUri)} ({database.Path})");
            if (runs.Count == 0)
            {
                say.Line("ยังไม่มีการตรวจ: ใช้ oitcrawler run-now หรือ oitcrawler serve", "no runs yet: oitcrawler run-now or oitcrawler serve");
                return ExitCodes.Ok;
            }

            var zone = RunHistoryTable.Zone(host.Services.GetRequiredService<IConfiguration>()["Schedule:TimeZone"]);
            RunHistoryTable.Write(say.Out, runs, showSite: site is null, zone);
            return ExitCodes.Ok;
        });
        return command;
    }
}
