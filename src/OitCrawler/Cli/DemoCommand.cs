using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Demo;

namespace OitCrawler.Cli;

/// <summary><c>demo</c>: serves the bundled sample municipality on loopback and audits it with its own measures (the only command that uses them).</summary>
internal static class DemoCommand
{
    /// <summary>The ITA year the bundled demo site was written for.</summary>
    public const int DemoYear = 2568;

    /// <summary>The sample municipality's measures: used by the demo only, never the default of a real audit.</summary>
    public static readonly string[] DemoMeasures = ["measures", "thaphae.json"];

    public static Command Create(CliContext cli)
    {
        var flags = ConfigFlags.ForAudit(measures: false, rules: false, verbose: true);
        var command = new Command("demo", "ตรวจเว็บไซต์ตัวอย่าง (เทศบาลสมมติ) บนเครื่องนี้ ไม่ต้องใช้อินเทอร์เน็ต\naudit the bundled sample municipality on 127.0.0.1; no network needed");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = cli.Settings(parse, flags);
            var settings = new Dictionary<string, string?>(given, StringComparer.Ordinal)
            {
                // The demo site is ours and on loopback: no need to pace or wait long on retries.
                ["Crawl:RatePerSecond"] = given.GetValueOrDefault("Crawl:RatePerSecond") ?? "0",
                ["Crawl:RetryBaseDelay"] = "00:00:00.100",
                ["Crawl:MaxRetries"] = "1",
                ["Audit:MeasuresFile"] = Commands.FindShipped(DemoMeasures),
                ["Audit:RulesDirectory"] = Commands.FindShipped("rules"),
            };
            settings.TryAdd("Audit:Year", DemoYear.ToString(CultureInfo.InvariantCulture));
            settings.TryAdd("Audit:IitScore", "82.14");
            settings.TryAdd("Audit:EitScore", "78.93");

            await using var server = await StaticSiteServer.StartAsync(Commands.FindShipped("samples", "demo-site"), app =>
                app.Map("/_down", branch => branch.Run(context =>
                {
                    context.Abort(); // a service that drops the connection: the "unreachable" verdict
                    return Task.CompletedTask;
                })), cancellationToken);
            cli.Say.Note($"เว็บไซต์ตัวอย่าง (เทศบาลตำบลท่าแพ สมมติ) อยู่ที่ {server.BaseUri}", $"demo site (a fictional Tha Phae municipality) served at {server.BaseUri}");
            using var host = Commands.BuildHost(settings);
            var code = await AuditCommand.RunAsync(cli.Say, host, server.BaseUri, cancellationToken);
            return code is ExitCodes.Gaps ? ExitCodes.Ok : code; // gaps are the point of the demo
        });
        return command;
    }
}
