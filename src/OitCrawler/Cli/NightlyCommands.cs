using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Dashboard;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Scheduling;

namespace OitCrawler.Cli;

/// <summary>What <c>serve</c> and <c>run-now</c> share: the nightly services, the configured site, the printed run.</summary>
internal static class NightlyCommands
{
    /// <summary>What <c>run-now</c> prints of a stored run; a step that failed after storing (reports, e-mail) is a warning on stderr, never hidden behind "reports in".</summary>
    internal static void WriteRun(Say say, NightlyRun run)
    {
        ConsoleReport.Write(say.Out, run.Result, run.Files);
        var state = RunStateText.En(run.State);
        if (run.Files.Any(f => Path.GetFileName(f) == ReportWriter.HtmlFileName))
        {
            say.Line($"การตรวจ {run.RunId}: {RunStateText.Th(run.State)} รายงานอยู่ที่ {run.ReportDirectory}", $"run {run.RunId}: {state}; reports in {run.ReportDirectory}");
        }
        else
        {
            say.Line($"การตรวจ {run.RunId}: {RunStateText.Th(run.State)} ไม่ได้เขียนรายงาน", $"run {run.RunId}: {state}; no reports written");
        }

        foreach (var problem in run.Problems)
        {
            say.Note(
                $"คำเตือน: บันทึกการตรวจ {run.RunId} แล้ว แต่ {problem} (บันทึกไว้ในประวัติ: oitcrawler history)",
                $"warning: run {run.RunId} is stored, but {problem} (noted on the run: oitcrawler history)");
        }

        if (run.Alerts is { } alerts)
        {
            var c = alerts.Changes;
            var newGaps = c.OfKind(ChangeKind.NewGap).Count();
            var fixedItems = c.OfKind(ChangeKind.Fixed).Count();
            var dueSoon = c.OfKind(ChangeKind.AboutToGoStale).Count() + c.OfKind(ChangeKind.HalfYearReportDue).Count();
            var siteKind = c.Site is { } s ? s.Kind.ToString() : null;
            say.Line(
                string.Create(CultureInfo.InvariantCulture, $"การเปลี่ยนแปลง: ไม่ผ่านใหม่ {newGaps} ข้อ แก้แล้ว {fixedItems} ข้อ ใกล้ครบกำหนด {dueSoon} ข้อ{(siteKind is null ? string.Empty : " เว็บไซต์: " + siteKind)}"),
                string.Create(CultureInfo.InvariantCulture, $"changes: {newGaps} new gaps, {fixedItems} fixed, {dueSoon} due soon{(siteKind is null ? string.Empty : ", site " + siteKind)}"));
            if (alerts.Flush is { } flush)
            {
                say.Line(
                    $"อีเมล: เข้าคิว {alerts.Queued} ส่งแล้ว {flush.Sent} รอในคิว {flush.Waiting}",
                    $"e-mail: {alerts.Queued} queued, {flush.Sent} sent, {flush.Waiting} waiting in the outbox");
            }
        }
    }

    internal static void AddNightly(HostApplicationBuilder builder)
    {
        builder.Services.AddHistory(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddNightlyAudit(builder.Configuration);
        builder.Services.AddDashboardLinks(builder.Configuration);
    }

    // serve and run-now audit the configured site; a missing or bad one stops them at start (exit 2).
    internal static Uri RequireSite(IHost host)
    {
        var audit = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value;
        if (string.IsNullOrWhiteSpace(audit.Site))
        {
            throw new UsageException(
                "ยังไม่ได้ตั้ง Audit:Site: serve และ run-now ตรวจเว็บไซต์ที่ตั้งไว้ที่นั่น (สร้างด้วย oitcrawler init หรือแก้ appsettings.json \"Audit\": { \"Site\": \"https://…/\" })",
                "Audit:Site is not set: serve and run-now audit the site named there (make it with oitcrawler init, or appsettings.json \"Audit\": { \"Site\": \"https://…/\" } or OITCRAWLER_Audit__Site)");
        }

        Uri site;
        try
        {
            site = ConfigFlags.ParseSite(audit.Site);
        }
        catch (UsageException ex)
        {
            throw new UsageException("Audit:Site: " + ex.Thai, "Audit:Site: " + ex.Message);
        }

        audit.Site = site.AbsoluteUri; // the bound options object: a bare host name becomes https://host/ for every reader
        return site;
    }
}
