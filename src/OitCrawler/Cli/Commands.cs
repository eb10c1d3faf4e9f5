using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Demo;
using OitCrawler.Evidence;
using OitCrawler.Reporting;
using OitCrawler.Rules;
using Serilog;

namespace OitCrawler.Cli;

/// <summary>The subcommands: thin edges that build the host, validate options, run the pipeline and map outcomes to exit codes.</summary>
internal static class Commands
{
    /// <summary>The ITA year the bundled demo site was written for.</summary>
    public const int DemoYear = 2568;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"oitcrawler: {ex.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            return line.Command switch
            {
                "help" => Help(stdout),
                "audit" => await AuditAsync(line, stdout, stderr, cancellationToken),
                "demo" => await DemoAsync(line, stdout, stderr, cancellationToken),
                "rules" => ValidateRules(line, stdout, stderr),
                "serve" => await NightlyCommands.ServeAsync(line, cancellationToken),
                "run-now" => await NightlyCommands.RunNowAsync(line, stdout, stderr, cancellationToken),
                "history" => await NightlyCommands.HistoryAsync(line, stdout, cancellationToken),
                "fleet" => await Fleet.FleetCommands.RunAsync(line, stdout, stderr, cancellationToken),
                _ => throw new UsageException($"unknown command '{line.Command}'; see 'oitcrawler --help'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"oitcrawler: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (DataFileException ex)
        {
            stderr.WriteLine("oitcrawler: invalid data file:");
            foreach (var problem in ex.Problems)
            {
                stderr.WriteLine($"  {problem}");
            }

            return ExitCodes.BadInput;
        }
        catch (OptionsValidationException ex)
        {
            stderr.WriteLine($"oitcrawler: invalid configuration (appsettings.json or options): {string.Join("; ", ex.Failures)}");
            return ExitCodes.BadInput;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Start-up validation reports every bad section at once.
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            stderr.WriteLine($"oitcrawler: invalid configuration (appsettings.json or options): {string.Join("; ", failures)}");
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException ex)
        {
            // Configuration providers and the history database both report unreadable data this way.
            stderr.WriteLine($"oitcrawler: unreadable data: {(ex.InnerException is { } inner ? inner.Message : ex.Message)}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // An output folder that cannot be written, a full disk, a locked database: one line, no trace.
            stderr.WriteLine($"oitcrawler: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("oitcrawler: interrupted");
            return ExitCodes.Cancelled;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(CommandLine.Usage);
        return ExitCodes.Ok;
    }

    private static async Task<int> AuditAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (line.Arguments.Count != 1)
        {
            throw new UsageException("audit takes one start URL, e.g. oitcrawler audit https://www.thaphae.go.th/");
        }

        var site = CommandLine.ParseSite(line.Arguments[0]);
        using var host = BuildHost(line.Settings);
        return await RunAuditAsync(host, site, stdout, stderr, cancellationToken);
    }

    private static async Task<int> DemoAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = FindSample("demo-site");
        var settings = new Dictionary<string, string?>(line.Settings, StringComparer.Ordinal)
        {
            // The demo site is ours and on loopback: no need to pace or wait long on retries.
            ["Crawl:RatePerSecond"] = line.Settings.GetValueOrDefault("Crawl:RatePerSecond") ?? "0",
            ["Crawl:RetryBaseDelay"] = "00:00:00.100",
            ["Crawl:MaxRetries"] = "1",
        };
        settings.TryAdd("Audit:Year", DemoYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        settings.TryAdd("Audit:IitScore", "82.14");
        settings.TryAdd("Audit:EitScore", "78.93");

        await using var server = await StaticSiteServer.StartAsync(root, app =>
            app.Map("/_down", branch => branch.Run(context =>
            {
                context.Abort(); // a service that drops the connection: the "unreachable" verdict
                return Task.CompletedTask;
            })), cancellationToken);
        stdout.WriteLine($"เว็บไซต์ตัวอย่าง (เทศบาลตำบลท่าแพ สมมติ) / demo site served at {server.BaseUri}");
        using var host = BuildHost(settings);
        var code = await RunAuditAsync(host, server.BaseUri, stdout, stderr, cancellationToken);
        return code is ExitCodes.Gaps ? ExitCodes.Ok : code; // gaps are the point of the demo
    }

    private static async Task<int> RunAuditAsync(IHost host, Uri site, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var runner = host.Services.GetRequiredService<AuditRunner>();
        var audit = host.Services.GetRequiredService<IOptions<AuditOptions>>().Value;
        var time = host.Services.GetRequiredService<TimeProvider>();
        var (_, year, note) = runner.SelectRules(null);
        if (note is not null)
        {
            stderr.WriteLine($"หมายเหตุ / note: {note}");
        }

        stderr.WriteLine($"ตรวจ / auditing {site} (ITA {year})…");
        var progress = new ConsoleProgress(stderr, time);
        var result = await runner.RunAsync(site, year, progress, cancellationToken);
        progress.Done();
        var output = Path.GetFullPath(audit.OutputDirectory);
        ConsoleReport.Write(stdout, result, []);
        try
        {
            foreach (var file in await ReportWriter.WriteAllAsync(result, [], output, audit.WriteEvidence, CancellationToken.None))
            {
                stdout.WriteLine($"เขียนรายงาน / wrote: {file}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"oitcrawler: the audit finished but its reports could not be written to {output}: {ex.Message}");
            return ExitCodes.BadInput;
        }

        if (result.Evidence.Outcome == CrawlOutcome.Unreachable)
        {
            stderr.WriteLine($"oitcrawler: site unreachable: {result.Evidence.OutcomeReason}");
            return ExitCodes.Unreachable;
        }

        if (result.Evidence.Outcome == CrawlOutcome.Cancelled)
        {
            stderr.WriteLine("oitcrawler: interrupted; the report is partial");
            return ExitCodes.Cancelled;
        }

        return result.HasGaps ? ExitCodes.Gaps : ExitCodes.Ok;
    }

    private static int ValidateRules(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        if (line.Arguments.Count == 0 || line.Arguments[0] != "validate")
        {
            throw new UsageException("usage: oitcrawler rules validate [FILE|DIR ...]");
        }

        var targets = line.Arguments.Skip(1).DefaultIfEmpty(AuditRunner.ResolveRulesDirectory("rules")).ToList();
        var files = new List<string>();
        foreach (var target in targets)
        {
            if (Directory.Exists(target))
            {
                files.AddRange(Directory.GetFiles(target, "ita-*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(target))
            {
                files.Add(target);
            }
            else
            {
                stderr.WriteLine($"{target}:0:0: no such file or folder");
                return ExitCodes.BadInput;
            }
        }

        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                var rules = RuleLoader.Load(file);
                stdout.WriteLine($"OK   {file}: ITA {rules.Year}, {rules.Items.Count} items");
            }
            catch (DataFileException ex)
            {
                failed++;
                foreach (var problem in ex.Problems)
                {
                    stderr.WriteLine(problem);
                }
            }
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    /// <summary>Builds the host for a command: appsettings.json (working folder, else beside the program), environment, flags; options validated now.</summary>
    public static IHost BuildHost(IReadOnlyDictionary<string, string?> overrides, Action<HostApplicationBuilder>? configure = null)
    {
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, Args = [] });
        builder.Configuration.AddEnvironmentVariables("OITCRAWLER_");
        builder.Configuration.AddInMemoryCollection(overrides);
        // Each host owns its logger, disposed (and flushed) with the host. Without preserveStaticLogger every host
        // would swap the process-wide Log.Logger, so two hosts side by side (serve's catch-up, tests) would write
        // into each other's files and the first to stop would close the other's log.
        builder.Services.AddSerilog(
            (_, logger) => logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext(),
            preserveStaticLogger: true);
        builder.Services.AddCrawling(builder.Configuration);
        builder.Services.AddAudit(builder.Configuration);
        configure?.Invoke(builder);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    private static string FindSample(string name)
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var path = Path.Combine(root, "samples", name);
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new UsageException($"the bundled sample site samples/{name} was not found beside the program or in the working folder");
    }
}
