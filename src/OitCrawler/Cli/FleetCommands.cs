using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.Fleet;
using OitCrawler.Rules;
using OitCrawler.Scheduling;
using Quartz;

namespace OitCrawler.Cli;

/// <summary><c>fleet validate|run-now</c> and <c>serve --fleet</c>: thin edges over the agencies file and the fleet's PostgreSQL database.</summary>
internal static class FleetCommands
{
    public static Command Create(CliContext cli)
    {
        var fleetFile = new Option<string>("--fleet")
        {
            Description = "ไฟล์รายชื่อหน่วยงาน (CSV หรือ JSON) ค่าเริ่มต้น Fleet:AgenciesFile\nthe agencies file (CSV or JSON); default Fleet:AgenciesFile",
            HelpName = "FILE",
            Recursive = true,
        };
        var file = new Argument<string?>("FILE")
        {
            Description = "ไฟล์รายชื่อหน่วยงาน (แทน --fleet)\nthe agencies file (instead of --fleet)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "ตรวจไฟล์รายชื่อหน่วยงาน แสดงทุกข้อผิดพลาดพร้อมไฟล์:บรรทัด:คอลัมน์\ncheck an agencies file; every problem with file:line:column") { file };
        validate.SetAction(parse => Validate(cli.Say, parse.GetValue(file) ?? parse.GetValue(fleetFile)
            ?? throw new UsageException("ระบุไฟล์รายชื่อหน่วยงาน: --fleet FILE (หรือ Fleet:AgenciesFile ใน appsettings.json)", "name the agencies file: --fleet FILE (or Fleet:AgenciesFile in appsettings.json)")));
        var agency = new Option<string>("--agency") { Description = "รหัสหน่วยงานเดียว\none agency's id", HelpName = "ID" };
        var province = new Option<string>("--province") { Description = "หน่วยงานทั้งจังหวัด\none province's agencies", HelpName = "NAME" };
        var runNow = new Command("run-now", "ส่งตรวจทันทีผ่านคลัสเตอร์ (ทุกหน่วยงาน หนึ่งหน่วยงาน หรือหนึ่งจังหวัด)\naudit now through the cluster (all agencies, one, or one province's)") { agency, province };
        runNow.SetAction((parse, cancellationToken) =>
        {
            return RunNowAsync(cli.Say, WithFleetFile(cli.Settings(parse), parse.GetValue(fleetFile)), parse.GetValue(agency), parse.GetValue(province), cancellationToken);
        });
        var output = new Option<string>("--out")
        {
            Description = "โฟลเดอร์ของรายงาน ค่าเริ่มต้น <Audit:OutputDirectory>/fleet\nthe report's folder; default <Audit:OutputDirectory>/fleet",
            HelpName = "DIR",
        };
        var report = new Command("report", "เขียนรายงานทุกหน่วยงาน (HTML, XLSX, JSON) จากฐานข้อมูลของกลุ่ม\nwrite the fleet report (HTML, XLSX, JSON) from the fleet's database") { output };
        report.SetAction((parse, cancellationToken) => ReportAsync(cli.Say, WithFleetFile(cli.Settings(parse), parse.GetValue(fleetFile)), parse.GetValue(output), cancellationToken));
        var digestProvince = new Option<string>("--province") { Description = "เฉพาะจังหวัดนี้ (ต้องอยู่ใน Fleet:ProvinceDigests)\nonly this province (it must be in Fleet:ProvinceDigests)", HelpName = "NAME" };
        var digest = new Command("digest", "ส่งสรุปรายจังหวัดของ 24 ชั่วโมงที่ผ่านมาทันที ตาม Fleet:ProvinceDigests (จังหวัดละหนึ่งฉบับต่อวัน)\nsend the province digests of the last 24 hours now, per Fleet:ProvinceDigests (one per province and day)") { digestProvince };
        digest.SetAction((parse, cancellationToken) => DigestAsync(cli.Say, WithFleetFile(cli.Settings(parse), parse.GetValue(fleetFile)), parse.GetValue(digestProvince), cancellationToken));
        return new Command("fleet", "ตรวจหลายหน่วยงาน (อำเภอ จังหวัด สถ.)\naudit many agencies (district, province, DLA)") { fleetFile, validate, runNow, report, digest };
    }

    /// <summary>
    /// <c>serve --fleet FILE</c>: a fleet node. Checks the agencies file and the database at start (a bad
    /// file or an unreachable database stops it with exit 2), then runs its share of the cluster's audits.
    /// </summary>
    public static async Task<int> ServeAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        using var host = Commands.BuildHost(settings, builder =>
        {
            builder.Services.AddNightlyAudit(builder.Configuration); // the Schedule options (time zone)
            builder.Services.AddFleetScheduler(builder.Configuration, execute: true);
            // As serve: a cancelled audit has time to be stored and handed back before the host gives up.
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(100));
            builder.Services.AddSystemd();
        });
        await PrepareAsync(host, cancellationToken);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>fleet run-now [--agency ID|--province NAME]</c>: fires the agencies' jobs now through the cluster
    /// (whichever node is free runs each; the per-agency and per-host rules hold as at night). This process
    /// only writes to the job store: its scheduler is never started.
    /// </summary>
    private static async Task<int> RunNowAsync(Say say, IReadOnlyDictionary<string, string?> settings, string? id, string? province, CancellationToken cancellationToken)
    {
        using var host = Commands.BuildHost(settings, builder =>
        {
            builder.Services.AddNightlyAudit(builder.Configuration);
            builder.Services.AddFleetScheduler(builder.Configuration, execute: false);
        });
        var agencies = await PrepareAsync(host, cancellationToken);
        var chosen = AgenciesFile.Select(agencies, id, province);
        if (chosen.Count == 0)
        {
            throw id is not null
                ? new UsageException($"ไม่มีหน่วยงานรหัส '{id}' ในไฟล์", $"no agency with id '{id}' in the agencies file")
                : new UsageException($"ไม่มีหน่วยงานในจังหวัด '{province}' ในไฟล์", $"no agency in province '{province}' in the agencies file");
        }

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var options = host.Services.GetRequiredService<IOptions<FleetOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value.TimeZone);
        await FleetSchedule.StoreJobsAsync(scheduler, chosen, options, zone, cancellationToken);
        foreach (var agency in chosen)
        {
            await scheduler.TriggerJob(new JobKey(agency.Id, FleetAuditJob.Group), new JobDataMap { [FleetAuditJob.TriggerKey] = "run-now" }, cancellationToken);
        }

        await scheduler.Shutdown(false, cancellationToken);
        var where = host.Services.GetRequiredService<PostgresDatabase>().Describe;
        say.Line($"ส่งตรวจ {chosen.Count} หน่วยงานผ่านคลัสเตอร์ ({where})", $"queued {chosen.Count} audits on the cluster ({where})");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>fleet report [--out DIR]</c>: every agency of the agencies file with its latest scores from the
    /// fleet's database, written as fleet-report.html, .xlsx and .json.
    /// </summary>
    private static async Task<int> ReportAsync(Say say, IReadOnlyDictionary<string, string?> settings, string? output, CancellationToken cancellationToken)
    {
        using var host = Commands.BuildHost(settings, builder => builder.Services.AddFleetStore(builder.Configuration));
        var agencies = await PrepareAsync(host, cancellationToken);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var report = await FleetReport.LoadAsync(agencies, host.Services.GetRequiredService<PostgresRunStore>(), host.Services.GetRequiredService<AuditRunner>(), now, cancellationToken);
        var folder = output ?? Path.Combine(host.Services.GetRequiredService<IOptions<AuditOptions>>().Value.OutputDirectory, "fleet");
        var files = await FleetReportWriter.WriteAsync(report, Path.GetFullPath(folder), cancellationToken);
        var audited = report.Agencies.Count(a => a.Current is not null);
        say.Line(
            $"รายงาน {report.Agencies.Count} หน่วยงาน (ตรวจแล้ว {audited} เข้าไม่ได้ {report.Unreachable.Count()} คะแนนลดลง {report.Regressed.Count()}): {string.Join(", ", files)}",
            $"fleet report of {report.Agencies.Count} agencies ({audited} audited, {report.Unreachable.Count()} unreachable, {report.Regressed.Count()} regressed): {string.Join(", ", files)}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// <c>fleet digest [--province NAME]</c>: the province digests of the last 24 hours, queued in the fleet's outbox
    /// and sent now (what the cluster's nightly digest job does). Queued once per province and day: a second call the
    /// same day sends nothing new.
    /// </summary>
    private static async Task<int> DigestAsync(Say say, IReadOnlyDictionary<string, string?> settings, string? province, CancellationToken cancellationToken)
    {
        using var host = Commands.BuildHost(settings, builder =>
        {
            builder.Services.AddNightlyAudit(builder.Configuration);
            builder.Services.AddFleetStore(builder.Configuration);
            builder.Services.AddFleetAlerts(builder.Configuration);
        });
        await PrepareAsync(host, cancellationToken);
        var configured = host.Services.GetRequiredService<IOptions<FleetOptions>>().Value.ProvinceDigests;
        if (configured.Count == 0 || (province is not null && !configured.Any(p => p.Province == province)))
        {
            throw province is null
                ? new UsageException("ยังไม่ได้ตั้งผู้รับสรุปรายจังหวัด: Fleet:ProvinceDigests ใน appsettings.json", "no province digest is configured: Fleet:ProvinceDigests in appsettings.json")
                : new UsageException($"จังหวัด '{province}' ไม่อยู่ใน Fleet:ProvinceDigests", $"province '{province}' is not in Fleet:ProvinceDigests");
        }

        var outcome = await host.Services.GetRequiredService<FleetDigests>().SendAsync(province, cancellationToken);
        var sent = outcome.Flush?.Sent ?? 0;
        var waiting = outcome.Flush?.Waiting ?? 0;
        say.Line(
            $"สรุปรายจังหวัด {outcome.Provinces} จังหวัด: เข้าคิวใหม่ {outcome.Queued} ข้อความ ส่งแล้ว {sent} รอส่ง {waiting}",
            $"province digests: {outcome.Provinces} provinces, {outcome.Queued} messages newly queued, {sent} sent, {waiting} waiting in the outbox");
        return ExitCodes.Ok;
    }

    private static Dictionary<string, string?> WithFleetFile(Dictionary<string, string?> settings, string? path)
    {
        if (path is not null)
        {
            settings["Fleet:AgenciesFile"] = path;
        }

        return settings;
    }

    // The agencies file is read and the database migrated before anything runs: a bad file or an
    // unreachable database is one message and exit 2, not a node that starts and fails every night.
    private static async Task<IReadOnlyList<Agency>> PrepareAsync(IHost host, CancellationToken cancellationToken)
    {
        var options = host.Services.GetRequiredService<IOptions<FleetOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AgenciesFile))
        {
            throw new UsageException("ระบุไฟล์รายชื่อหน่วยงาน: --fleet FILE (หรือ Fleet:AgenciesFile ใน appsettings.json)", "name the agencies file: --fleet FILE (or Fleet:AgenciesFile in appsettings.json)");
        }

        var agencies = AgenciesFile.Load(options.AgenciesFile);
        var database = host.Services.GetRequiredService<PostgresDatabase>();
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new UsageException($"ใช้ฐานข้อมูลของกลุ่มไม่ได้ ({database.Describe}): {ex.Message}", $"the fleet database ({database.Describe}) cannot be used: {ex.Message}");
        }

        return agencies;
    }

    /// <summary>Checks the agencies file; every problem with file:line:column, then a count.</summary>
    private static int Validate(Say say, string path)
    {
        if (!File.Exists(path))
        {
            say.Fail($"{path}:0:0: ไม่พบไฟล์", $"{path}:0:0: no such file");
            return ExitCodes.BadInput;
        }

        try
        {
            var agencies = AgenciesFile.Load(path);
            var provinces = agencies.Select(a => a.Province).Distinct(StringComparer.Ordinal).Count();
            var hosts = agencies.SelectMany(a => a.Hosts).Distinct(StringComparer.Ordinal).Count();
            say.Line($"ถูกต้อง {path}: {agencies.Count} หน่วยงาน {provinces} จังหวัด {hosts} โฮสต์", $"OK   {path}: {agencies.Count} agencies, {provinces} provinces, {hosts} hosts");
            return ExitCodes.Ok;
        }
        catch (DataFileException ex)
        {
            foreach (var problem in ex.Problems)
            {
                say.Error.WriteLine(problem);
            }

            say.Note($"พบ {ex.Problems.Count} ปัญหาใน {path}", $"{ex.Problems.Count} problem(s) in {path}");
            return ExitCodes.BadInput;
        }
    }
}
