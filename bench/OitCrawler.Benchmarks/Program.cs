using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Crawling;
using OitCrawler.Demo;
using OitCrawler.Evidence;

namespace OitCrawler.Benchmarks;

/// <summary>
/// Crawl benchmark: generates a Thai municipal site in memory, serves it on loopback (by default from a
/// child process, so the server's CPU and memory are not counted with the crawler's), crawls it with the
/// rate limit off, and prints pages/s, wall time and peak memory.
/// <code>
/// dotnet run -c Release --project bench/OitCrawler.Benchmarks -- [--pages 5000] [--concurrency 8] [--runs 3]
///     [--warmup-pages 300] [--in-process] [--no-gzip] [--seed 2568]
/// dotnet run -c Release --project bench/OitCrawler.Benchmarks -- profile [--pages 5000]   (per-stage CPU per page)
/// dotnet bin/.../OitCrawler.Benchmarks.dll serve 5000 [--warmup-pages 300] [--no-gzip] [--seed 2568]
/// </code>
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "audit")
            {
                return await AuditBench.RunAsync(AuditBenchOptions.Parse(args[1..]));
            }

            var options = BenchOptions.Parse(args);
            return options.Serve ? await ServeAsync(options)
                : options.Profile ? await Benchmarks.Profile.RunAsync(options)
                : await BenchAsync(options);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    // ---- serve mode: the child process -------------------------------------------------------------

    private static async Task<int> ServeAsync(BenchOptions o)
    {
        await using var servers = await Servers.StartAsync(o);
        Console.WriteLine(servers.Describe());
        Console.Out.Flush();

        // Run until the parent closes our stdin (or kills us); "stats" asks for the bytes sent so far.
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command == "stats")
            {
                Console.WriteLine(servers.Stats());
                Console.Out.Flush();
            }
        }

        return 0;
    }

    // ---- bench mode ---------------------------------------------------------------------------------

    private static async Task<int> BenchAsync(BenchOptions o)
    {
        Console.WriteLine($"OitCrawler crawl benchmark: {o.Pages} pages, concurrency {o.Concurrency}, {o.Runs} measured run(s), "
            + $"server {(o.InProcess ? "in-process" : "child process")}, gzip {(o.Gzip ? "on" : "off")}");
        Console.WriteLine(RuntimeLine());

        var setup = Stopwatch.StartNew();
        await using var server = o.InProcess ? await InProcessServer.StartAsync(o) : await ChildServer.StartAsync(o);
        Console.WriteLine($"site: {server.Site.Pages} HTML pages ({server.Site.HtmlBytes / 1024.0 / server.Site.Pages:0.0} KiB avg, "
            + $"{server.Site.GzipBytes / 1024.0 / server.Site.Pages:0.0} KiB gzip, {server.Site.LinksPerPage:0.0} internal links/page), "
            + $"{server.Site.Documents} PDFs, at {server.Site.Url}; ready in {setup.Elapsed.TotalSeconds:0.0} s");

        var warm = await CrawlOnceAsync(server.Warmup.Url, o, server);
        Console.WriteLine($"warm-up: {warm.Pages} pages + {warm.Documents} PDFs in {warm.Wall.TotalSeconds:0.00} s ({warm.Outcome})");

        var results = new List<RunResult>();
        var failed = false;
        for (var r = 1; r <= o.Runs; r++)
        {
            var result = await CrawlOnceAsync(server.Site.Url, o, server);
            results.Add(result);
            Console.WriteLine($"run {r}: {result.Pages} pages + {result.Documents} PDFs in {result.Wall.TotalSeconds:0.00} s = {result.PagesPerSecond:0} pages/s ({result.Outcome})");
            if (result.Pages != server.Site.Pages || result.Documents != server.Site.Documents || result.Outcome != CrawlOutcome.Completed || result.Errors > 0)
            {
                failed = true;
                Console.Error.WriteLine($"run {r}: expected {server.Site.Pages} pages and {server.Site.Documents} PDFs, Completed, no errors; got {result.Pages}, {result.Documents}, {result.Outcome}, {result.Errors} errors");
            }
        }

        Console.WriteLine();
        PrintTable(results, server.MeasuresServer);
        if (server.MeasuresServer)
        {
            Console.WriteLine($"server process peak working set over all runs: {server.ServerPeakWorkingSet() / 1048576.0:0} MiB");
        }

        return failed ? 1 : 0;
    }

    private static string RuntimeLine() =>
        $"runtime {Environment.Version}, {Environment.ProcessorCount} CPUs, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, "
        + $"concurrent (background) GC {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "off" : "on")}";

    private static async Task<RunResult> CrawlOnceAsync(Uri start, BenchOptions o, IServer server)
    {
        // The previous crawl completed on a thread-pool thread and ran everything after it inline, on top
        // of the crawler's own frames, which still reference its data: hop to a fresh stack so the
        // previous crawl's evidence is really garbage before the collection below.
        await Task.Yield();
        var process = Process.GetCurrentProcess();

        // Start every run from the same place: garbage collected, and the kernel's peak-RSS mark
        // (VmHWM, which Process.PeakWorkingSet64 reads) reset to the current RSS.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakReset = PeakWorkingSet.TryReset();
        process.Refresh();
        var startWorkingSet = process.WorkingSet64;

        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crawl:RatePerSecond"] = "0",
                ["Crawl:Concurrency"] = o.Concurrency.ToString(CultureInfo.InvariantCulture),
                ["Crawl:MaxPages"] = Math.Max(6000, o.Pages * 6 / 5).ToString(CultureInfo.InvariantCulture),
                ["Crawl:RespectRobots"] = "true",
            })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddCrawling(config).BuildServiceProvider();
        var crawler = provider.GetRequiredService<Crawler>();

        using var sampler = new HeapSampler();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var serverCpu = server.ServerCpu();
        var machineBusy = MachineCpu.Busy();

        var stopwatch = Stopwatch.StartNew();
        var index = await crawler.CrawlAsync(start, NoPriority.Instance, null, CancellationToken.None);
        stopwatch.Stop();
        await Task.Yield(); // off the crawler's completion stack (see above) before measuring the retained heap

        process.Refresh();
        var result = new RunResult
        {
            Pages = index.Pages.Count,
            Documents = index.Documents.Count,
            Errors = index.Fetches.Count(f => f.Status is 0 or >= 400),
            Outcome = index.Outcome,
            Wall = stopwatch.Elapsed,
            CrawlerCpu = process.TotalProcessorTime - cpu,
            ServerCpu = server.ServerCpu() - serverCpu,
            MachineBusy = MachineCpu.Busy() - machineBusy,
            StartWorkingSet = startWorkingSet,
            PeakWorkingSet = process.PeakWorkingSet64,
            PeakResetWorked = peakReset,
            PeakManagedHeap = sampler.Stop(),
            Allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated,
            Gen0 = GC.CollectionCount(0) - gen0,
            Gen1 = GC.CollectionCount(1) - gen1,
            Gen2 = GC.CollectionCount(2) - gen2,
            GcPause = GC.GetTotalPauseDuration() - pause,
            RetainedHeap = GC.GetTotalMemory(forceFullCollection: true),
        };
        GC.KeepAlive(index);
        var other = result.MachineBusy - result.CrawlerCpu - result.ServerCpu;
        return result with { OtherCpu = other < TimeSpan.Zero ? TimeSpan.Zero : other };
    }

    private static void PrintTable(List<RunResult> results, bool withServer)
    {
        var header = $"| run    | pages | PDFs | wall (s) | pages/s | fetches/s | crawler CPU (s) |{(withServer ? " server CPU (s) |" : string.Empty)} other CPU (s) | start WS (MiB) | peak WS (MiB) | peak heap (MiB) | retained (MiB) | alloc (MiB) | GCs 0/1/2 | GC pause (ms) |";
        Console.WriteLine(header);
        Console.WriteLine(new string(header.Select(ch => ch == '|' ? '|' : '-').ToArray()));
        for (var i = 0; i < results.Count; i++)
        {
            Console.WriteLine(Row((i + 1).ToString(CultureInfo.InvariantCulture), results[i], withServer));
        }

        if (results.Count > 1)
        {
            Console.WriteLine(Row("median", RunResult.Median(results), withServer));
        }

        if (results.Any(r => !r.PeakResetWorked))
        {
            Console.WriteLine("note: the peak-RSS mark could not be reset, so peak WS is the process peak so far (warm-up and earlier runs included)");
        }
    }

    private static string Row(string name, RunResult r, bool withServer)
    {
        var inv = CultureInfo.InvariantCulture;
        var server = (withServer ? string.Create(inv, $" {r.ServerCpu.TotalSeconds,14:0.00} |") : string.Empty)
            + string.Create(inv, $" {r.OtherCpu.TotalSeconds,13:0.00} |");
        var gcs = string.Create(inv, $"{r.Gen0}/{r.Gen1}/{r.Gen2}");
        return string.Create(inv, $"| {name,-6} | {r.Pages,5} | {r.Documents,4} | {r.Wall.TotalSeconds,8:0.00} | {r.PagesPerSecond,7:0} | {r.FetchesPerSecond,9:0} | {r.CrawlerCpu.TotalSeconds,15:0.00} |")
            + server
            + string.Create(inv, $" {r.StartWorkingSet / 1048576.0,14:0} | {r.PeakWorkingSet / 1048576.0,13:0} | {r.PeakManagedHeap / 1048576.0,15:0} | {r.RetainedHeap / 1048576.0,14:0} | {r.Allocated / 1048576.0,11:0} | {gcs,9} | {r.GcPause.TotalMilliseconds,13:0} |");
    }
}

/// <summary>Command line of both modes.</summary>
internal sealed record BenchOptions
{
    public bool Serve { get; init; }

    public bool Profile { get; init; }

    public int Pages { get; init; } = 5000;

    public int Concurrency { get; init; } = 8;

    public int Runs { get; init; } = 3;

    public int WarmupPages { get; init; } = 300;

    public int Seed { get; init; } = 2568;

    public bool Gzip { get; init; } = true;

    public bool InProcess { get; init; }

    /// <summary>Pages of 30–40 KB and an ITA hub (<see cref="MunicipalSite.Generate"/>).</summary>
    public bool Large { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && args[0] == "serve")
        {
            o = o with { Serve = true, Pages = args.Length > 1 ? Int(args[1], "serve N") : o.Pages };
            i = 2;
        }
        else if (args.Length > 0 && args[0] == "profile")
        {
            o = o with { Profile = true };
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            o = args[i] switch
            {
                "--pages" => o with { Pages = Int(value, args[i++]) },
                "--concurrency" => o with { Concurrency = Int(value, args[i++]) },
                "--runs" => o with { Runs = Int(value, args[i++]) },
                "--warmup-pages" => o with { WarmupPages = Int(value, args[i++]) },
                "--seed" => o with { Seed = Int(value, args[i++]) },
                "--no-gzip" => o with { Gzip = false },
                "--in-process" => o with { InProcess = true },
                "--large" => o with { Large = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; usage: [profile | serve N] [--pages N] [--concurrency C] [--runs R] [--warmup-pages W] [--seed S] [--no-gzip] [--in-process] [--large]"),
            };
        }

        return o;
    }

    private static int Int(string? value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive whole number");
}

/// <summary>The figures of one crawl.</summary>
internal sealed record RunResult
{
    public int Pages { get; init; }

    public int Documents { get; init; }

    public int Errors { get; init; }

    public CrawlOutcome Outcome { get; init; }

    public TimeSpan Wall { get; init; }

    public TimeSpan CrawlerCpu { get; init; }

    public TimeSpan ServerCpu { get; init; }

    /// <summary>CPU time the whole machine spent busy during the run (all processes, all cores).</summary>
    public TimeSpan MachineBusy { get; init; }

    /// <summary>Busy CPU time of other processes during the run: noise from whatever else the machine was doing.</summary>
    public TimeSpan OtherCpu { get; init; }

    public long StartWorkingSet { get; init; }

    public long PeakWorkingSet { get; init; }

    public bool PeakResetWorked { get; init; } = true;

    public long PeakManagedHeap { get; init; }

    public long RetainedHeap { get; init; }

    public long Allocated { get; init; }

    public int Gen0 { get; init; }

    public int Gen1 { get; init; }

    public int Gen2 { get; init; }

    public TimeSpan GcPause { get; init; }

    /// <summary>HTML pages per second of wall time (PDFs not counted: the conservative figure).</summary>
    public double PagesPerSecond => Pages / Wall.TotalSeconds;

    /// <summary>HTML pages and PDFs per second.</summary>
    public double FetchesPerSecond => (Pages + Documents) / Wall.TotalSeconds;

    /// <summary>The median of every column on its own.</summary>
    public static RunResult Median(IReadOnlyList<RunResult> runs)
    {
        T M<T>(Func<RunResult, T> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
        return new RunResult
        {
            Pages = M(r => r.Pages),
            Documents = M(r => r.Documents),
            Errors = M(r => r.Errors),
            Outcome = runs[0].Outcome,
            Wall = M(r => r.Wall),
            CrawlerCpu = M(r => r.CrawlerCpu),
            ServerCpu = M(r => r.ServerCpu),
            MachineBusy = M(r => r.MachineBusy),
            OtherCpu = M(r => r.OtherCpu),
            StartWorkingSet = M(r => r.StartWorkingSet),
            PeakWorkingSet = M(r => r.PeakWorkingSet),
            PeakResetWorked = runs.All(r => r.PeakResetWorked),
            PeakManagedHeap = M(r => r.PeakManagedHeap),
            RetainedHeap = M(r => r.RetainedHeap),
            Allocated = M(r => r.Allocated),
            Gen0 = M(r => r.Gen0),
            Gen1 = M(r => r.Gen1),
            Gen2 = M(r => r.Gen2),
            GcPause = M(r => r.GcPause),
        };
    }
}

/// <summary>Busy time of all CPUs from /proc/stat (Linux), to tell whether something else shared the machine.</summary>
internal static class MachineCpu
{
    public static TimeSpan Busy()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ... (in USER_HZ, 100 per second)
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var busy = ticks.Sum() - ticks[3] - ticks[4];
            return TimeSpan.FromSeconds(busy / 100.0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }
}

/// <summary>Resets the kernel's peak resident set mark so each run's peak is its own (Linux only).</summary>
internal static class PeakWorkingSet
{
    public static bool TryReset()
    {
        try
        {
            // "5" resets VmHWM to the current RSS (proc(5), Linux 4.0+).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}

/// <summary>Samples the managed heap every few milliseconds on a background thread; keeps the maximum.</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _max;

    public HeapSampler()
    {
        _max = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Loop) { IsBackground = true, Name = "heap sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>The largest managed heap seen: the sampled <see cref="GC.GetTotalMemory(bool)"/> (live plus
    /// allocated since the last GC, i.e. the heap just before a collection) and the heap size the GC
    /// itself recorded at the end of each collection.</summary>
    public long Stop()
    {
        _stop = true;
        _thread.Join();
        Sample();
        return Interlocked.Read(ref _max);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Loop()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(5);
        }
    }

    private void Sample()
    {
        var now = Math.Max(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        if (now > _max)
        {
            Interlocked.Exchange(ref _max, now);
        }
    }
}

/// <summary>A served site as the crawler side sees it.</summary>
internal sealed record SiteInfo(Uri Url, int Pages, int Documents, long HtmlBytes, long GzipBytes, double LinksPerPage)
{
    public static SiteInfo Parse(string line)
    {
        // SITE <url> <pages> <documents> <htmlBytes> <gzipBytes> <linksPerPage>
        var p = line.Split(' ');
        return new SiteInfo(
            new Uri(p[1]),
            int.Parse(p[2], CultureInfo.InvariantCulture),
            int.Parse(p[3], CultureInfo.InvariantCulture),
            long.Parse(p[4], CultureInfo.InvariantCulture),
            long.Parse(p[5], CultureInfo.InvariantCulture),
            double.Parse(p[6], CultureInfo.InvariantCulture));
    }

    public static SiteInfo Of(StaticSiteServer server, MunicipalSite site) =>
        new(server.BaseUri, site.PageCount, site.DocumentCount, site.HtmlBytes, site.GzipBytes, site.InternalLinks / (double)site.PageCount);

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"SITE {Url} {Pages} {Documents} {HtmlBytes} {GzipBytes} {LinksPerPage:0.00}");
}

/// <summary>The benchmark site and the small warm-up site, each on its own Kestrel port.</summary>
internal sealed class Servers : IAsyncDisposable
{
    private readonly StaticSiteServer _site;
    private readonly StaticSiteServer _warmup;
    private readonly MunicipalSite _generated;

    private Servers(StaticSiteServer site, StaticSiteServer warmup, SiteInfo siteInfo, SiteInfo warmupInfo, MunicipalSite generated)
    {
        _generated = generated;
        _site = site;
        _warmup = warmup;
        Site = siteInfo;
        Warmup = warmupInfo;
    }

    public SiteInfo Site { get; }

    public SiteInfo Warmup { get; }

    public static async Task<Servers> StartAsync(BenchOptions o)
    {
        var site = MunicipalSite.Generate(o.Pages, o.Seed, o.Gzip, o.Large);
        var warmup = MunicipalSite.Generate(Math.Max(o.WarmupPages, 20), o.Seed + 1, o.Gzip, o.Large);
        var siteServer = await StaticSiteServer.StartAsync(null, site.Map);
        var warmupServer = await StaticSiteServer.StartAsync(null, warmup.Map);
        return new Servers(siteServer, warmupServer, SiteInfo.Of(siteServer, site), SiteInfo.Of(warmupServer, warmup), site);
    }

    public string Describe() => Site.Describe() + "\n" + Warmup.Describe();

    /// <summary>STATS &lt;response bytes of the main site&gt; &lt;304 answers&gt;</summary>
    public string Stats() => string.Create(CultureInfo.InvariantCulture, $"STATS {_generated.BytesSent} {_generated.NotModified}");

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _warmup.DisposeAsync();
    }
}

/// <summary>Where the crawler gets its sites from, and what it can learn of the server's cost.</summary>
internal interface IServer : IAsyncDisposable
{
    SiteInfo Site { get; }

    SiteInfo Warmup { get; }

    bool MeasuresServer { get; }

    TimeSpan ServerCpu();

    long ServerPeakWorkingSet();
}

/// <summary>Servers in this process: their CPU and memory count with the crawler's.</summary>
internal sealed class InProcessServer : IServer
{
    private readonly Servers _servers;

    private InProcessServer(Servers servers) => _servers = servers;

    public SiteInfo Site => _servers.Site;

    public SiteInfo Warmup => _servers.Warmup;

    public bool MeasuresServer => false;

    public static async Task<IServer> StartAsync(BenchOptions o) => new InProcessServer(await Servers.StartAsync(o));

    public TimeSpan ServerCpu() => TimeSpan.Zero;

    public long ServerPeakWorkingSet() => 0;

    public ValueTask DisposeAsync() => _servers.DisposeAsync();
}

/// <summary>
/// The same assembly started as <c>dotnet &lt;dll&gt; serve N</c>: it prints its sites' URLs and serves
/// until its stdin is closed. Its CPU time is read from outside for each run.
/// </summary>
internal sealed class ChildServer : IServer
{
    private readonly Process _process;

    private ChildServer(Process process, SiteInfo site, SiteInfo warmup)
    {
        _process = process;
        Site = site;
        Warmup = warmup;
    }

    public SiteInfo Site { get; }

    public SiteInfo Warmup { get; }

    public bool MeasuresServer => true;

    public static async Task<IServer> StartAsync(BenchOptions o) => await StartChildAsync(o);

    public static async Task<ChildServer> StartChildAsync(BenchOptions o)
    {
        var dll = typeof(Program).Assembly.Location;
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            dll, "serve", o.Pages.ToString(CultureInfo.InvariantCulture),
            "--warmup-pages", o.WarmupPages.ToString(CultureInfo.InvariantCulture),
            "--seed", o.Seed.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(a);
        }

        if (!o.Gzip)
        {
            start.ArgumentList.Add("--no-gzip");
        }

        if (o.Large)
        {
            start.ArgumentList.Add("--large");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server process");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20)); // a 50,000-page site of 35 KB pages takes minutes to render and gzip
            var site = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var warmup = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (site is null || warmup is null)
            {
                throw new InvalidOperationException("the server process ended before printing its URLs");
            }

            return new ChildServer(process, SiteInfo.Parse(site), SiteInfo.Parse(warmup));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public TimeSpan ServerCpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Response bytes the main site has sent so far, and how many of its answers were 304.</summary>
    public async Task<(long Bytes, long NotModified)> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server process ended");
        var p = line.Split(' ');
        return (long.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture));
    }

    public int ProcessId => _process.Id;

    public long ServerPeakWorkingSet()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
