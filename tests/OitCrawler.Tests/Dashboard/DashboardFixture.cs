using System.Globalization;
using System.Text.RegularExpressions;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Dashboard;

/// <summary>
/// A history of several runs of two sites, made by real audits of fixture sites on loopback (site A
/// three times, a week apart, its procurement page deleted before the last; site B once), then
/// <c>serve</c> itself started on that database with the dashboard on 127.0.0.1 port 0.
/// Site A's menu link carries a <c>&lt;script&gt;</c> in its text, which lands in the stored click paths.
/// </summary>
public sealed partial class DashboardFixture : IAsyncLifetime, IDisposable
{
    public const string Hostile = "<script>alert(1)</script>";
    public const string PublicUrl = "http://oit.intranet.example/";

    private readonly TempFolder _temp = new();
    private readonly CancellationTokenSource _stop = new();
    private StaticSiteServer? _siteA;
    private StaticSiteServer? _siteB;
    private Task<int>? _serve;

    public Uri SiteA => _siteA!.BaseUri;

    public Uri SiteB => _siteB!.BaseUri;

    /// <summary>The dashboard's root, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Dashboard { get; private set; } = null!;

    /// <summary>Site A's runs, newest first.</summary>
    public IReadOnlyList<string> RunsA { get; private set; } = [];

    public string RunB { get; private set; } = string.Empty;

    /// <summary>The digest e-mail of site A's last run (O11 became a gap), as the SMTP server received it.</summary>
    public string DigestText { get; private set; } = string.Empty;

    public string OutputFolder => _temp.File("out");

    public async Task InitializeAsync()
    {
        var siteFolder = _temp.File("site-a");
        CopyDirectory(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site"), siteFolder);
        foreach (var page in Directory.GetFiles(siteFolder, "*.html", SearchOption.AllDirectories))
        {
            // Every menu link to the ITA page: whichever page the crawl found it on, the click path shows this text.
            var html = await File.ReadAllTextAsync(page);
            await File.WriteAllTextAsync(page, html.Replace(">ITA 2569</a>", ">ITA 2569 &lt;script&gt;alert(1)&lt;/script&gt;</a>", StringComparison.Ordinal));
        }
        _siteA = await StaticSiteServer.StartAsync(siteFolder);
        _siteB = await StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "hub-table", "site"));
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var mail = new (string, string?)[]
        {
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"),
            ("Dashboard:PublicUrl", PublicUrl),
        };

        var runsA = new List<string>();
        runsA.Insert(0, await AuditAsync(SiteA, TimeSpan.FromDays(-21), mail));
        RunB = await AuditAsync(SiteB, TimeSpan.FromDays(-17), mail);
        runsA.Insert(0, await AuditAsync(SiteA, TimeSpan.FromDays(-14), mail));
        var before = sink.Messages().Count;
        File.Delete(Path.Combine(siteFolder, "procurement", "monthly-2569", "index.html")); // O11's evidence disappears
        runsA.Insert(0, await AuditAsync(SiteA, TimeSpan.FromHours(-1), mail));
        RunsA = runsA;
        var mails = (await sink.WaitForAsync(before + 1)).Skip(before).ToList();
        DigestText = mails.First(m => (m.Message.Subject ?? string.Empty).Contains("ไม่ผ่านใหม่", StringComparison.Ordinal)).Message.TextBody ?? string.Empty;

        // serve, as the service runs it: no catch-up audit (the history is made), the dashboard on a free loopback port.
        var settings = NightlyHarness.Settings(_temp, SiteA,
            ("Schedule:RunMissedOnStartup", "false"),
            ("Dashboard:Urls", "http://127.0.0.1:0"),
            ("Serilog:WriteTo:1:Args:path", _temp.File("logs/oitcrawler-.log")),
            ("Serilog:WriteTo:2:Args:path", _temp.File("logs/oitcrawler-.clef")));
        _serve = Task.Run(() => ServeCommand.RunAsync(new Say(TextWriter.Null, TextWriter.Null), settings, _stop.Token));
        Dashboard = await ListeningAddressAsync(_serve);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serve is not null)
        {
            Assert.Equal(ExitCodes.Ok, await _serve.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        if (_siteA is not null)
        {
            await _siteA.DisposeAsync();
        }

        if (_siteB is not null)
        {
            await _siteB.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _temp.Dispose();
    }

    public HttpClient Client() => new() { BaseAddress = Dashboard, Timeout = TimeSpan.FromSeconds(60) };

    private async Task<string> AuditAsync(Uri site, TimeSpan shift, (string, string?)[] extra)
    {
        var settings = NightlyHarness.Settings(_temp, site, extra);
        await using var harness = NightlyHarness.Create(settings, new ShiftedTime(shift));
        var run = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, run!.State);
        return run.RunId;
    }

    // The log line "Dashboard listening on {Address}" names the real port; waiting for a file to fill, not measuring time.
    private async Task<Uri> ListeningAddressAsync(Task<int> serve)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"serve stopped before the dashboard listened: exit {await serve}");
            }

            if (Directory.Exists(_temp.File("logs")))
            {
                foreach (var file in Directory.GetFiles(_temp.File("logs"), "*.clef"))
                {
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var reader = new StreamReader(stream);
                    if (Listening().Match(await reader.ReadToEndAsync()) is { Success: true } m)
                    {
                        return new Uri(m.Groups[1].Value.TrimEnd('/') + "/");
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("serve did not log 'Dashboard listening on' within 60 s");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    [GeneratedRegex("\"Address\":\"(http://127\\.0\\.0\\.1:\\d+/?)\"")]
    private static partial Regex Listening();
}
