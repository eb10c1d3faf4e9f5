using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OitCrawler.Benchmarks;

/// <summary>
/// End-to-end benchmark of what a user runs: the published <c>oitcrawler audit</c> as a child process (process
/// start, crawl, assessment, reports) against generated sites of 30–40 KB Thai pages served by another process
/// on loopback, with <c>wget -r --spider</c> on the same site in the same invocation for a machine-independent
/// ratio, and a second audit of the unchanged site through the nightly path (<c>run-now</c> with its page cache)
/// for the bytes a re-audit costs the agency's server. Run it through <c>bench/audit.sh</c>, which publishes first.
/// <code>
/// dotnet OitCrawler.Benchmarks.dll audit --oitcrawler PATH [--sizes 5000,20000,50000] [--runs 3] [--concurrency 8] [--no-wget] [--no-reaudit]
/// </code>
/// </summary>
internal static partial class AuditBench
{
    public static async Task<int> RunAsync(AuditBenchOptions o)
    {
        Console.WriteLine($"OitCrawler audit benchmark (end to end): sizes {string.Join(", ", o.Sizes)}, {o.Runs} run(s) each, concurrency {o.Concurrency}, rate limit off");
        Console.WriteLine($"program: {o.Program}; {Environment.ProcessorCount} CPUs; {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        var failed = false;
        var medians = new Dictionary<int, double>();
        foreach (var size in o.Sizes)
        {
            var work = Directory.CreateTempSubdirectory($"oitbench-{size}-");
            try
            {
                var generate = Stopwatch.StartNew();
                await using var server = await ChildServer.StartChildAsync(new BenchOptions { Pages = size, WarmupPages = 20, Seed = o.Seed, Large = true });
                var site = server.Site;
                Console.WriteLine();
                Console.WriteLine($"## {size} pages: {site.Pages} HTML pages ({site.HtmlBytes / 1000.0 / site.Pages:0.0} KB avg, {site.GzipBytes / 1000.0 / site.Pages:0.0} KB gzip), "
                    + $"{site.Documents} PDFs, at {site.Url}; generated in {generate.Elapsed.TotalSeconds:0} s");

                // One unmeasured audit of the small site: the program's files are in the page cache for every measured run alike.
                await AuditAsync(o, server.Warmup.Url, 100, work, "warmup", server);

                var wget = o.Wget ? Wget(site.Url, work) : null;
                if (wget is { } w)
                {
                    Console.WriteLine($"wget -r --spider: {w.Wall.TotalSeconds:0.00} s = {site.Pages / w.Wall.TotalSeconds:0} pages/s (exit {w.Exit}; load {w.Load})");
                }

                Console.WriteLine();
                Console.WriteLine("| run | load (1 min) | wall (s) | pages/s | ×wget | peak RSS (MiB) | start-up (s) | crawl (s) | assessment (s) | reports (s) | assess+reports | crawl CPU (s) | assessment CPU (s) | MB sent | exit |");
                Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
                var runs = new List<AuditRun>();
                for (var r = 1; r <= o.Runs; r++)
                {
                    var run = await AuditAsync(o, site.Url, size * 6 / 5, work, $"run{r}", server);
                    runs.Add(run);
                    Console.WriteLine(Row(r.ToString(CultureInfo.InvariantCulture), run, site.Pages, wget));
                    if (run.Pages != site.Pages || run.Exit is not (0 or 1))
                    {
                        failed = true;
                        Console.Error.WriteLine($"run {r}: expected {site.Pages} pages and exit 0 or 1; got {run.Pages} pages, exit {run.Exit}");
                        Console.Error.WriteLine(run.Stderr);
                    }
                }

                var median = Median(runs);
                medians[size] = median.Wall.TotalSeconds;
                Console.WriteLine(Row("**median**", median, site.Pages, wget));

                if (o.Reaudit)
                {
                    await ReauditAsync(o, server, site, work);
                }
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }

        if (medians.TryGetValue(5000, out var small))
        {
            foreach (var (size, wall) in medians.Where(m => m.Key != 5000))
            {
                Console.WriteLine($"{size} pages / 5000 pages, median wall time: {wall / small:0.00}× (linear would be {size / 5000.0:0.#}×)");
            }
        }

        return failed ? 1 : 0;
    }

    // Two run-now audits on one history database: the second revalidates with If-None-Match / If-Modified-Since.
    private static async Task ReauditAsync(AuditBenchOptions o, ChildServer server, SiteInfo site, DirectoryInfo work)
    {
        var db = Path.Combine(work.FullName, "history.db");
        var first = await AuditAsync(o, site.Url, site.Pages * 6 / 5, work, "nightly1", server, db);
        var second = await AuditAsync(o, site.Url, site.Pages * 6 / 5, work, "nightly2", server, db);
        var same = Verdicts(Path.Combine(work.FullName, "nightly1")) is { } v1 && v1 == Verdicts(Path.Combine(work.FullName, "nightly2"));
        Console.WriteLine();
        Console.WriteLine($"re-audit (run-now twice, one history database): first {first.Bytes / 1e6:0.0} MB in {first.Wall.TotalSeconds:0.00} s (exit {first.Exit}), "
            + $"second {second.Bytes / 1e6:0.00} MB in {second.Wall.TotalSeconds:0.00} s (exit {second.Exit}), {second.NotModified} answered 304; "
            + $"second/first bytes = {100.0 * second.Bytes / Math.Max(1, first.Bytes):0.0} %; verdicts {(same ? "identical" : "DIFFERENT")}; "
            + $"peak RSS {first.PeakRss / 1048576.0:0} / {second.PeakRss / 1048576.0:0} MiB; load {second.Load}");
        if (first.Exit is not (0 or 1) || second.Exit is not (0 or 1))
        {
            Console.Error.WriteLine(first.Stderr);
            Console.Error.WriteLine(second.Stderr);
        }
    }

    // Item code → status and evidence URLs, from the run's report.json: what "verdicts identical" compares.
    private static string? Verdicts(string folder)
    {
        var report = Directory.Exists(folder) ? Directory.GetFiles(folder, "report.json", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (report is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        return string.Join('\n', json.RootElement.GetProperty("items").EnumerateArray().Select(i =>
            $"{i.GetProperty("code").GetString()} {i.GetProperty("status").GetString()} "
            + string.Join(' ', i.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("url").GetString()))));
    }

    private static async Task<AuditRun> AuditAsync(AuditBenchOptions o, Uri url, int maxPages, DirectoryInfo work, string name, ChildServer server, string? historyDb = null)
    {
        var output = Path.Combine(work.FullName, name);
        var start = new ProcessStartInfo(o.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work.FullName,
        };
        var flags = new[]
        {
            "--rate", "0", "--concurrency", o.Concurrency.ToString(CultureInfo.InvariantCulture),
            "--max-pages", maxPages.ToString(CultureInfo.InvariantCulture), "--year", "2568", "--out", output,
        };
        if (historyDb is null)
        {
            foreach (var a in new[] { "audit", url.AbsoluteUri, "--verbose" }.Concat(flags))
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            foreach (var a in flags.Prepend("run-now"))
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["OITCRAWLER_Audit__Site"] = url.AbsoluteUri;
            start.Environment["OITCRAWLER_History__DatabasePath"] = historyDb;
        }

        var load = Load();
        var (bytesBefore, notModifiedBefore) = await server.StatsAsync();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {o.Program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // VmHWM is the kernel's peak resident set; it vanishes with the process, so sample it until the end.
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, VmHwm(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(10));
        }

        await process.WaitForExitAsync();
        var wall = stopwatch.Elapsed;
        var (bytesAfter, notModifiedAfter) = await server.StatsAsync();
        var err = await stderr;
        var outText = await stdout;
        var phases = PhaseLine().Match(err);
        TimeSpan? Seconds(string group) => phases.Success && phases.Groups[group].Success
            ? TimeSpan.FromSeconds(double.Parse(phases.Groups[group].Value, CultureInfo.InvariantCulture))
            : null;
        var reported = phases.Success ? long.Parse(phases.Groups["peak"].Value, CultureInfo.InvariantCulture) * 1048576 : 0;
        var pages = phases.Success ? int.Parse(phases.Groups["pages"].Value, CultureInfo.InvariantCulture) : PagesFromReport(output);
        return new AuditRun(
            wall,
            Math.Max(peak, reported),
            Seconds("startup"),
            Seconds("crawl"),
            Seconds("assess"),
            Seconds("reports"),
            Seconds("crawlcpu"),
            Seconds("assesscpu"),
            pages,
            bytesAfter - bytesBefore,
            notModifiedAfter - notModifiedBefore,
            process.ExitCode,
            load,
            err + outText);
    }

    private static int PagesFromReport(string folder)
    {
        var report = Directory.Exists(folder) ? Directory.GetFiles(folder, "report.json", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (report is null)
        {
            return 0;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        return json.RootElement.GetProperty("crawl").GetProperty("pagesFetched").GetInt32();
    }

    private static (TimeSpan Wall, int Exit, string Load)? Wget(Uri url, DirectoryInfo work)
    {
        var start = new ProcessStartInfo("wget")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work.FullName,
        };
        foreach (var a in new[] { "-r", "-l", "inf", "--spider", "-q", "-P", Path.Combine(work.FullName, "wget"), url.AbsoluteUri })
        {
            start.ArgumentList.Add(a);
        }

        var load = Load();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (stopwatch.Elapsed, process.ExitCode, load);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("wget not found (bench/audit.sh installs it): no wget ratio");
            return null;
        }
    }

    private static string Row(string name, AuditRun run, int pages, (TimeSpan Wall, int Exit, string Load)? wget)
    {
        var rate = pages / run.Wall.TotalSeconds;
        var ratio = wget is { } w ? (pages / w.Wall.TotalSeconds) : double.NaN;
        var tail = run.Assessment is { } a && run.Reports is { } rep ? $"{100 * (a + rep).TotalSeconds / run.Wall.TotalSeconds:0.0} %" : "-";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {run.Load} | {run.Wall.TotalSeconds:0.00} | {rate:0} | {(double.IsNaN(ratio) ? "-" : (rate / ratio).ToString("0.00", CultureInfo.InvariantCulture))} | {run.PeakRss / 1048576.0:0} | "
            + $"{S(run.StartUp)} | {S(run.Crawl)} | {S(run.Assessment)} | {S(run.Reports)} | {tail} | {S(run.CrawlCpu)} | {S(run.AssessmentCpu)} | {run.Bytes / 1e6:0.0} | {run.Exit} |");

        static string S(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    // Each column's median on its own, as in the crawl benchmark's table.
    private static AuditRun Median(List<AuditRun> runs)
    {
        static T Mid<T>(IEnumerable<T> values) => values.Order().ElementAt(values.Count() / 2);
        TimeSpan? MidOpt(Func<AuditRun, TimeSpan?> f) => runs.All(r => f(r) is not null) ? Mid(runs.Select(r => f(r)!.Value)) : null;
        return new AuditRun(
            Mid(runs.Select(r => r.Wall)),
            Mid(runs.Select(r => r.PeakRss)),
            MidOpt(r => r.StartUp),
            MidOpt(r => r.Crawl),
            MidOpt(r => r.Assessment),
            MidOpt(r => r.Reports),
            MidOpt(r => r.CrawlCpu),
            MidOpt(r => r.AssessmentCpu),
            Mid(runs.Select(r => r.Pages)),
            Mid(runs.Select(r => r.Bytes)),
            Mid(runs.Select(r => r.NotModified)),
            runs.Max(r => r.Exit),
            string.Join(" ", runs.Select(r => r.Load)),
            string.Empty);
    }

    private static long VmHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // the process ended between the check and the read
        }

        return 0;
    }

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"phases: (?:.*?start-up (?<startup>[\d.]+) s · )?.*?crawl (?<crawl>[\d.]+) s \((?<pages>\d+) .*?CPU (?<crawlcpu>[\d.]+) s.*?assessment (?<assess>[\d.]+) s.*?CPU (?<assesscpu>[\d.]+) s.*?reports (?<reports>[\d.]+) s.*?peak memory (?<peak>\d+) MiB")]
    private static partial Regex PhaseLine();
}

internal sealed record AuditRun(
    TimeSpan Wall,
    long PeakRss,
    TimeSpan? StartUp,
    TimeSpan? Crawl,
    TimeSpan? Assessment,
    TimeSpan? Reports,
    TimeSpan? CrawlCpu,
    TimeSpan? AssessmentCpu,
    int Pages,
    long Bytes,
    long NotModified,
    int Exit,
    string Load,
    string Stderr);

internal sealed record AuditBenchOptions(string Program, int[] Sizes, int Runs, int Concurrency, int Seed, bool Wget, bool Reaudit)
{
    public static AuditBenchOptions Parse(string[] args)
    {
        var o = new AuditBenchOptions(string.Empty, [5000, 20000, 50000], 3, 8, 2568, Wget: true, Reaudit: true);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            o = args[i] switch
            {
                "--oitcrawler" => o with { Program = value ?? throw new ArgumentException("--oitcrawler needs the published program's path"), },
                "--sizes" => o with { Sizes = (value ?? string.Empty).Split(',').Select(v => Positive(v, "--sizes")).ToArray() },
                "--runs" => o with { Runs = Positive(value, "--runs") },
                "--concurrency" => o with { Concurrency = Positive(value, "--concurrency") },
                "--seed" => o with { Seed = Positive(value, "--seed") },
                "--no-wget" => o with { Wget = false },
                "--no-reaudit" => o with { Reaudit = false },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; usage: audit --oitcrawler PATH [--sizes 5000,20000,50000] [--runs 3] [--concurrency 8] [--seed S] [--no-wget] [--no-reaudit]"),
            };
            if (args[i] is not ("--no-wget" or "--no-reaudit"))
            {
                i++;
            }
        }

        return File.Exists(o.Program) ? o : throw new ArgumentException($"--oitcrawler: no program at '{o.Program}' (bench/audit.sh publishes it)");
    }

    private static int Positive(string? value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs positive whole numbers");
}
