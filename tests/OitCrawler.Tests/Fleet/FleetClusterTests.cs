using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// Two real fleet nodes (<c>oitcrawler serve --fleet</c>, separate processes) on one throwaway
/// PostgreSQL, 100 generated agency sites on 10 loopback hosts (127.0.0.1–10, ten sites a host, one
/// server), an immediate night through <c>fleet run-now</c>, and one node killed with SIGKILL mid-night.
/// </summary>
[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class FleetClusterTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const int Agencies = 100;
    private const int Hosts = 10;
    private const int PagesPerSite = 20; // at 10 requests a second, an audit takes about two seconds
    private const double RatePerSecond = 10;
    private readonly TempFolder _temp = new();
    private readonly ConcurrentQueue<Hit> _hits = new();
    private readonly List<Process> _nodes = [];
    private WebApplication? _sites;
    private int _port;

    private sealed record Hit(long Start, string Host, int Agency);

    public async Task InitializeAsync()
    {
        _port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var h = 1; h <= Hosts; h++)
            {
                k.Listen(IPAddress.Parse($"127.0.0.{h}"), _port);
            }
        });
        _sites = builder.Build();
        _sites.Run(ServeAsync);
        await _sites.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
            }

            node.Dispose();
        }

        if (_sites is not null)
        {
            await _sites.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TwoNodes_OneKilledMidNight_EveryAgencyAuditedOnceAndNoHostShared()
    {
        var connection = await server.CreateDatabaseAsync();
        var agencies = WriteAgencies();
        var a = StartNode("node-a", agencies, connection);
        var b = StartNode("node-b", agencies, connection);
        await WaitForAsync(async () => await ScalarAsync(connection, "SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name IN ('node-a','node-b')") == 2, TimeSpan.FromSeconds(90), "both nodes checked in");

        var runNow = await RunCliAsync(["fleet", "run-now", "--fleet", agencies], connection);
        Assert.True(runNow.Code == 0, runNow.Output);
        Assert.Contains($"queued {Agencies} audits", runNow.Output, StringComparison.Ordinal);

        // Kill node-a with SIGKILL while it is auditing, once the night is well under way.
        await WaitForAsync(
            async () => await ScalarAsync(connection, "SELECT count(*) FROM runs WHERE state <> 'running'") >= 20
                && await ScalarAsync(connection, "SELECT count(*) FROM runs WHERE state = 'running' AND node = 'node-a' AND started_at > now() - interval '500 milliseconds'") > 0,
            TimeSpan.FromSeconds(120),
            "node-a starting an audit after 20 finished audits");
        a.Kill(entireProcessTree: true);
        await a.WaitForExitAsync();
        var killedAt = Stopwatch.GetTimestamp();
        var killedSites = await SitesAsync(connection, "SELECT site FROM runs WHERE state = 'running' AND node = 'node-a'");
        Assert.True(killedSites.Count > 0, "no audit of node-a left running: " + string.Join("; ", (await RowsAsync(connection, "SELECT site || ' ' || state || ' ' || coalesce(outcome, '') || ' ' || node || ' ' || run_trigger, 1 FROM runs ORDER BY started_at DESC LIMIT 12")).Select(r => r.Site)));

        await WaitForAsync(
            async () => await ScalarAsync(connection, "SELECT count(DISTINCT site) FROM runs WHERE state IN ('complete', 'unreachable')") >= Agencies,
            TimeSpan.FromSeconds(240),
            "every agency audited");
        Assert.False(b.HasExited, "node-b stopped: " + await File.ReadAllTextAsync(Path.Combine(_temp.Path, "node-b.log")));

        // Every agency audited exactly once to the end.
        var finished = await RowsAsync(connection, "SELECT site, count(*) FROM runs WHERE state IN ('complete', 'unreachable') GROUP BY site");
        Assert.Equal(Agencies, finished.Count);
        Assert.All(finished, row => Assert.True(row.Count == 1, $"{row.Site} audited {row.Count} times"));
        Assert.Equal(Agencies, finished.Count(r => r.Site.Contains($":{_port}/a", StringComparison.Ordinal)));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM runs WHERE state = 'unreachable'"));

        // The killed node's audits were recovered by the other node and its dead runs marked abandoned.
        foreach (var site in killedSites)
        {
            var runs = await RowsAsync(connection, $"SELECT state || '/' || coalesce(outcome, '') || '/' || node || '/' || run_trigger, 1 FROM runs WHERE site = '{site}' ORDER BY started_at");
            Assert.Equal(["partial/Abandoned/node-a/run-now", "complete/Completed/node-b/recovery"], runs.Select(r => r.Site));
        }

        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM runs WHERE node = 'node-a' AND state = 'complete'") > 0, "node-a audited nothing before it was killed");

        // The fleet report is complete: every agency, each with the scores of its one complete run.
        var report = await RunCliAsync(["fleet", "report", "--fleet", agencies, "--out", _temp.File("report")], connection);
        Assert.True(report.Code == 0, report.Output);
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_temp.File("report"), "fleet-report.json"))))
        {
            var rows = json.RootElement.GetProperty("agencies").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(0, Agencies).Select(n => $"agency-{n}"), rows.Select(r => r.GetProperty("id").GetString()));
            Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r.GetProperty("current").GetProperty("oit").ValueKind));
            Assert.Empty(json.RootElement.GetProperty("unreachable").EnumerateArray());
            Assert.Empty(json.RootElement.GetProperty("neverAudited").EnumerateArray());
        }

        Assert.Equal(Agencies, Regex.Count(await File.ReadAllTextAsync(Path.Combine(_temp.File("report"), "fleet-report.html")), "<tr id=\"agency-"));

        // Politeness across the cluster, from the server's own timestamps: on each host, the audits of
        // different agencies never overlap (a killed audit's requests end at the kill), and within an
        // audit request starts keep the per-host rate.
        var segments = _hits
            .GroupBy(h => (h.Host, h.Agency, AfterKill: h.Start > killedAt))
            .Select(g => (g.Key.Host, g.Key.Agency, Starts: g.Select(h => h.Start).Order().ToList()))
            .ToList();
        Assert.Equal(Agencies, segments.Select(s => s.Agency).Distinct().Count());
        foreach (var host in segments.GroupBy(s => s.Host))
        {
            var ordered = host.OrderBy(s => s.Starts[0]).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i].Starts[0] > ordered[i - 1].Starts[^1],
                    $"{host.Key}: agency {ordered[i].Agency} was crawled while agency {ordered[i - 1].Agency} still was");
            }
        }

        // The per-host rate across the cluster: in any second, a host gets at most the rate's requests, plus one
        // where one audit of the host hands over to the next (each crawl paces from its own first request) and
        // one for the server's receive-time jitter on this loaded machine. An unpaced crawl sends 20 in milliseconds.
        var allowed = (int)RatePerSecond + 2;
        var second = Stopwatch.Frequency;
        foreach (var host in _hits.GroupBy(h => h.Host))
        {
            var starts = host.Select(h => h.Start).Order().ToArray();
            var busiest = starts.Select((t, i) => starts.AsSpan(i).ToArray().TakeWhile(u => u - t < second).Count()).Max();
            Assert.True(busiest <= allowed, $"{host.Key} got {busiest} requests within one second (limit {RatePerSecond}/s)");
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var path = context.Request.Path.Value ?? "/";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts[0].StartsWith('a') || !int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var agency))
        {
            context.Response.StatusCode = 404;
            return;
        }

        _hits.Enqueue(new Hit(Stopwatch.GetTimestamp(), host, agency));
        await Task.Delay(20, context.RequestAborted);
        var page = parts.Length > 1 && int.TryParse(parts[1].Replace("p", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var html = new StringBuilder($"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>อบต.ทดสอบ {agency} หน้า {page}</title></head><body><h1>องค์การบริหารส่วนตำบลทดสอบ {agency}</h1><ul>");
        for (var i = 1; i < PagesPerSite; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/a{agency}/p{i}\">ข่าวประชาสัมพันธ์ {i}</a></li>");
        }

        html.Append("</ul></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    private string WriteAgencies()
    {
        var csv = new StringBuilder("id,name,kind,province,district,site,extraHosts,measuresFile,email,line\n");
        for (var n = 0; n < Agencies; n++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"agency-{n},องค์การบริหารส่วนตำบลทดสอบ {n},อบต.,{(n % 2 == 0 ? "น่าน" : "แพร่")},,http://127.0.0.{1 + (n % Hosts)}:{_port}/a{n}/,,,,\n");
        }

        var path = _temp.File("agencies.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private Process StartNode(string name, string agencies, string connection)
    {
        var start = Cli(["serve", "--fleet", agencies], connection);
        start.Environment["OITCRAWLER_Fleet__NodeName"] = name;
        var process = Process.Start(start)!;
        var log = new StreamWriter(_temp.File(name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes.Add(process);
        return process;
    }

    private async Task<(int Code, string Output)> RunCliAsync(string[] args, string connection)
    {
        using var process = Process.Start(Cli(args, connection))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private ProcessStartInfo Cli(string[] args, string connection)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oitcrawler.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var settings = new Dictionary<string, string>
        {
            ["Fleet__ConnectionString"] = connection,
            ["Fleet__NodeName"] = "client",
            ["Fleet__Concurrency"] = "4",
            ["Fleet__CheckinInterval"] = "00:00:01",
            ["Fleet__CheckinMisfireThreshold"] = "00:00:03",
            ["Fleet__HostRetryInterval"] = "00:00:00.100",
            ["Fleet__NightStart"] = "12:00:00", // the nightly triggers stay out of the test: run-now starts the night
            ["Fleet__NightLength"] = "00:01:00",
            ["Schedule__TimeZone"] = "Etc/UTC",
            ["Audit__Year"] = "2568",
            ["Audit__RulesDirectory"] = Repo.Path("rules"),
            ["Audit__OutputDirectory"] = _temp.File("out"),
            ["Audit__MeasuresFile"] = string.Empty,
            ["Crawl__RatePerSecond"] = RatePerSecond.ToString(CultureInfo.InvariantCulture),
            ["Crawl__Concurrency"] = "2",
            ["Crawl__MaxRetries"] = "0",
            ["Crawl__RetryBaseDelay"] = "00:00:00.100",
            ["Serilog__MinimumLevel__Default"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment["OITCRAWLER_" + key] = value;
        }

        return start;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"timed out waiting for: {what}");
            await Task.Delay(200);
        }
    }

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the nodes have not made their tables yet
        }
    }

    private static async Task<List<(string Site, long Count)>> RowsAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static async Task<List<string>> SitesAsync(string connection, string sql) =>
        (await RowsAsync(connection, sql.Replace("SELECT site", "SELECT site, 1", StringComparison.Ordinal))).Select(r => r.Site).ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
