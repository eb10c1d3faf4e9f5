using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Evidence;
using OitCrawler.Reporting;
using OitCrawler.Text;

namespace OitCrawler.Cli;

/// <summary><c>audit &lt;start-url&gt;</c>: one audit of a site, reports in <c>out/&lt;host&gt;/&lt;date-time&gt;/</c>.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext cli)
    {
        var site = new Argument<string>("start-url")
        {
            Description = "หน้าแรกของเว็บไซต์ เช่น https://www.thaphae.go.th/\nthe site's home page, e.g. https://www.thaphae.go.th/",
        };
        RejectOptionLookalikes(site);
        var flags = ConfigFlags.ForAudit(verbose: true);
        var command = new Command("audit", "ตรวจเว็บไซต์หนึ่งแห่งแล้วเขียนรายงาน\naudit one website and write its reports") { site };
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var start = ConfigFlags.ParseSite(parse.GetRequiredValue(site));
            using var host = Commands.BuildHost(cli.Settings(parse, flags));
            return await RunAsync(cli.Say, host, start, cancellationToken);
        });
        return command;
    }

    /// <summary>A mistyped option (<c>--yeer</c>) would otherwise be taken as the start URL: name it as the unknown option it is.</summary>
    public static void RejectOptionLookalikes(Argument<string> argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                var known = result.Parent is CommandResult parent ? parent.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)) : [];
                result.AddError(Spelling.Closest(token.Value, known) is { } guess
                    ? $"ไม่รู้จักตัวเลือก '{token.Value}' หมายถึง '{guess}' หรือไม่?\nunknown option '{token.Value}'; did you mean '{guess}'?"
                    : $"ไม่รู้จักตัวเลือก '{token.Value}'\nunknown option '{token.Value}'");
            }
        });

    /// <summary>The audit itself, shared with <c>demo</c>: progress, the console summary, the reports, the exit code.</summary>
    public static async Task<int> RunAsync(Say say, IHost host, Uri site, CancellationToken cancellationToken)
    {
        var runner = host.Services.GetRequiredService<AuditRunner>();
        var audit = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value;
        var time = host.Services.GetRequiredService<TimeProvider>();
        var budget = host.Services.GetRequiredService<IOptions<CrawlOptions>>().Value.MaxPages;
        var (_, year, note) = runner.SelectRules(null);
        if (note is not null)
        {
            say.Note($"หมายเหตุ: {note}", $"note: {note}");
        }

        if (string.IsNullOrWhiteSpace(audit.MeasuresFile))
        {
            say.Note(
                "ไม่ได้ระบุไฟล์มาตรการ: ชื่อหน่วยงานมาจากชื่อหน้าแรก ข้อที่ไม่ผ่านจะแสดงว่า \"ไม่มีมาตรการรองรับ\" (สร้างไฟล์ด้วย oitcrawler init)",
                "no measures file: the agency is named from its home page and gaps have no owners (make one with oitcrawler init)");
        }

        say.Note($"กำลังตรวจ {site} (ITA {year})…", $"auditing {site} (ITA {year})…");
        var crawlStarted = time.GetUtcNow().UtcDateTime; // start-up ends here: host built, rules loaded
        var result = await CrawlProgressDisplay.RunAsync(say, time, budget, progress => runner.RunAsync(site, year, progress, cancellationToken));
        var reportsStarted = time.GetTimestamp();
        ConsoleReport.Write(say.Out, result, []);
        string folder;
        try
        {
            folder = ReportFolders.CreateRunFolder(audit.OutputDirectory, site, result.StartedAt);
            foreach (var file in await ReportWriter.WriteAllAsync(result, [], folder, audit.WriteEvidence, audit.Language, CancellationToken.None))
            {
                say.Out.WriteLine(file);
            }

            ReportFolders.PointLatestAt(folder);
            if (audit.Verbose)
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                var startUp = crawlStarted - self.StartTime.ToUniversalTime();
                var (shown, reports, peak) = (startUp > TimeSpan.Zero ? startUp : (TimeSpan?)null, time.GetElapsedTime(reportsStarted), self.PeakWorkingSet64);
                say.Note(result.Timings.DescribeTh(shown, reports, peak), result.Timings.DescribeEn(shown, reports, peak));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var output = Path.GetFullPath(audit.OutputDirectory);
            var why = ErrorText.Describe(ex); // the Thai sentence first; .NET's message (it names the path or errno) in brackets, as issue 9's disk-full test asks
            say.Fail(
                $"ตรวจเสร็จแล้ว แต่เขียนรายงานลง {output} ไม่ได้: {why.Th} ({ex.Message})",
                $"the audit finished but its reports could not be written to {output}: {why.En} ({ex.Message})");
            return ExitCodes.BadInput;
        }

        say.Line($"รายงานอยู่ที่ {folder}", $"reports in {folder}");
        switch (result.Evidence.Outcome)
        {
            case CrawlOutcome.Unreachable:
                say.Fail($"เข้าเว็บไซต์ไม่ได้: {result.Evidence.OutcomeReasonTh}", $"site unreachable: {result.Evidence.OutcomeReason}");
                break;
            case CrawlOutcome.Cancelled:
                say.Fail("ถูกขัดจังหวะ รายงานนี้ไม่ครบ", "interrupted; the report is partial");
                break;
            case CrawlOutcome.BudgetExhausted or CrawlOutcome.HostFailing:
                say.Fail(
                    $"เก็บข้อมูลไม่ครบ คะแนนในรายงานจึงแสดงเป็น \"—\": {result.Evidence.OutcomeReasonTh}",
                    $"the crawl did not finish, so the report gives no scores: {result.Evidence.OutcomeReason}");
                break;
        }

        return ExitCodes.For(result);
    }
}
