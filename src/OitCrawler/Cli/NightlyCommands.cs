using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Scheduling;

namespace OitCrawler.Cli;

/// <summary><c>serve</c>, <c>run-now</c> and <c>history</c>: thin edges over History, Scheduling and Alerts.</summary>
internal static class NightlyCommands
{
    /// <summary>The Generic Host worker: Quartz fires the audit on the schedule; under systemd or as a Windows service it reports its state to them.</summary>
    public static async Task<int> ServeAsync(CommandLine line, CancellationToken cancellationToken)
    {
        NoArguments(line, "serve");
        if (WindowsServiceHelpers.IsWindowsService())
        {
            // A Windows service starts in System32: relative paths (logs/, data/, out/) belong beside the program.
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        }

        using var host = Commands.BuildHost(line.Settings, builder =>
        {
            AddNightly(builder);
            builder.Services.AddNightlySchedule(builder.Configuration);
            // Time for a cancelled crawl to store the partial run (at most 60 s) and write its report before the host gives up; under systemd's TimeoutStopSec=120.
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(100));
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(o => o.ServiceName = "OitCrawler");
        });
        RequireSite(host);
        await host.Services.GetRequiredService<HistoryDatabase>().MigrateAsync(cancellationToken);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>One audit through <see cref="NightlyAudit"/>, the scheduled job's own path.</summary>
    public static async Task<int> RunNowAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        NoArguments(line, "run-now");
        using var host = Commands.BuildHost(line.Settings, AddNightly);
        var site = RequireSite(host);
        stderr.WriteLine($"ตรวจ / auditing {site} (run-now)…");
        var run = await host.Services.GetRequiredService<NightlyAudit>().RunAsync("run-now", cancellationToken);
        if (run is null)
        {
            stderr.WriteLine("oitcrawler: another audit is running (the service, or another run-now); try again when it has finished");
            return ExitCodes.Busy;
        }

        WriteRun(stdout, stderr, run);
        return run.Result.Evidence.Outcome switch
        {
            CrawlOutcome.Unreachable => ExitCodes.Unreachable,
            CrawlOutcome.Cancelled => ExitCodes.Cancelled,
            _ => run.Result.HasGaps ? ExitCodes.Gaps : ExitCodes.Ok,
        };
    }

    /// <summary>What <c>run-now</c> prints of a stored run; a step that failed after storing (reports, e-mail) is a warning on stderr, never hidden behind "reports in".</summary>
    internal static void WriteRun(TextWriter stdout, TextWriter stderr, NightlyRun run)
    {
        ConsoleReport.Write(stdout, run.Result, run.Files);
        stdout.WriteLine(run.Files.Any(f => Path.GetFileName(f) == ReportWriter.HtmlFileName)
            ? $"run {run.RunId}: {SqliteRunStore.StateText(run.State)}; reports in {run.ReportDirectory}"
            : $"run {run.RunId}: {SqliteRunStore.StateText(run.State)}; ไม่ได้เขียนรายงาน / no reports written");
        foreach (var problem in run.Problems)
        {
            stderr.WriteLine($"คำเตือน / warning: run {run.RunId} is stored, but {problem} (noted on the run: oitcrawler history)");
        }

        if (run.Alerts is { } alerts)
        {
            var c = alerts.Changes;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"changes: {c.OfKind(ChangeKind.NewGap).Count()} new gaps, {c.OfKind(ChangeKind.Fixed).Count()} fixed, {c.OfKind(ChangeKind.AboutToGoStale).Count() + c.OfKind(ChangeKind.HalfYearReportDue).Count()} due soon{(c.Site is { } s ? ", site " + s.Kind : string.Empty)}"));
            if (alerts.Flush is { } flush)
            {
                stdout.WriteLine($"e-mail: {alerts.Queued} queued, {flush.Sent} sent, {flush.Waiting} waiting in the outbox");
            }
        }
    }

    /// <summary>Past runs, newest first, with each indicator's score and its direction since the run before.</summary>
    public static async Task<int> HistoryAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var limit = 20;
        if (line.Arguments.Count > 1 || (line.Arguments.Count == 1 && (!int.TryParse(line.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)))
        {
            throw new UsageException("usage: oitcrawler history [N]   (N: how many runs, default 20)");
        }

        using var host = Commands.BuildHost(line.Settings, b => b.Services.AddHistory(b.Configuration));
        var database = host.Services.GetRequiredService<HistoryDatabase>();
        await database.MigrateAsync(cancellationToken);
        var configured = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value.Site;
        Uri? site = string.IsNullOrWhiteSpace(configured) ? null : CommandLine.ParseSite(configured);
        var runs = await host.Services.GetRequiredService<IRunStore>().ListRunsAsync(site, limit, cancellationToken);
        stdout.WriteLine($"ประวัติการตรวจ / run history, newest first — {(site is null ? "all sites" : site.AbsoluteUri)} ({database.Path})");
        if (runs.Count == 0)
        {
            stdout.WriteLine("ยังไม่มีการตรวจ / no runs yet: 'oitcrawler run-now' or 'oitcrawler serve'");
            return ExitCodes.Ok;
        }

        var zone = RunHistoryTable.Zone(host.Services.GetRequiredService<IConfiguration>()["Schedule:TimeZone"]);
        RunHistoryTable.Write(stdout, runs, showSite: site is null, zone);
        return ExitCodes.Ok;
    }

    private static void AddNightly(HostApplicationBuilder builder)
    {
        builder.Services.AddHistory(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddNightlyAudit(builder.Configuration);
    }

    // serve and run-now audit the configured site; a missing or bad one stops them at start (exit 2).
    private static Uri RequireSite(IHost host)
    {
        var audit = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value;
        if (string.IsNullOrWhiteSpace(audit.Site))
        {
            throw new UsageException("Audit:Site is not set: serve and run-now audit the site named there (appsettings.json \"Audit\": { \"Site\": \"https://www.thaphae.go.th/\" } or OITCRAWLER_Audit__Site)");
        }

        Uri site;
        try
        {
            site = CommandLine.ParseSite(audit.Site);
        }
        catch (UsageException ex)
        {
            throw new UsageException("Audit:Site: " + ex.Message);
        }

        audit.Site = site.AbsoluteUri; // the bound options object: a bare host name becomes https://host/ for every reader
        return site;
    }

    private static void NoArguments(CommandLine line, string command)
    {
        if (line.Arguments.Count > 0)
        {
            throw new UsageException($"{command} takes no arguments: the site is Audit:Site in appsettings.json (or OITCRAWLER_Audit__Site)");
        }
    }
}
