using System.Diagnostics;
using System.Text.Json;
using OitCrawler.Demo;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Cli;

/// <summary>
/// README's set-up as a new agency follows it, with the program as built (no repository around it):
/// <c>init</c> with flags, then <c>audit</c> of the agency's site (a fixture on loopback). The report is that
/// agency's: its name from the site's title, its units as owners, nothing of the demo's Tha Phae.
/// </summary>
[Trait("speed", "slow")]
public sealed class SetUpWalkthroughTests : IDisposable
{
    private readonly TempFolder _work = new();

    [Fact]
    public async Task InitWithFlags_ThenAudit_ReportCarriesTheAgencysNameAndUnits_NoThaPhaeData()
    {
        await using var server = await StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "external-iframes", "site"));
        var site = server.BaseUri.AbsoluteUri;

        var (init, initOut) = await RunAsync(
            "init", "--site", site, "--kind", "เทศบาล", "--yes",
            "--info-unit", "งานบริการข้อมูลข่าวสาร สำนักปลัด=info@nadimai.example",
            "--unit", "สำนักปลัดเทศบาล=palad@nadimai.example", "--unit", "กองคลัง=klang@nadimai.example");
        Assert.True(init == 0, initOut);
        Assert.True(File.Exists(_work.File("appsettings.json")));
        var measures = Assert.Single(Directory.GetFiles(_work.File("measures"), "127.0.0.1.json"));
        var measuresText = await File.ReadAllTextAsync(measures);
        Assert.Contains("\"agency\": \"เทศบาลตำบลนาดีใหม่\"", measuresText, StringComparison.Ordinal); // from "<title>เทศบาลตำบลนาดีใหม่ - หน้าแรก"
        Assert.Contains("\"name\": \"กองคลัง\"", measuresText, StringComparison.Ordinal);
        Assert.True(File.Exists(_work.File(Path.Combine("measures", "measures.schema.json"))));

        var (again, againOut) = await RunAsync("init", "--site", site, "--yes");
        Assert.Equal(2, again); // nothing overwritten without --force
        Assert.Contains("--force", againOut, StringComparison.Ordinal);
        Assert.Equal(measuresText, await File.ReadAllTextAsync(measures));

        var (validate, validateOut) = await RunAsync("measures", "validate", measures);
        Assert.True(validate == 0, validateOut);

        var (audit, auditOut) = await RunAsync("audit", site, "--year", "2568", "--rate", "0");
        Assert.True(audit is 0 or 1, auditOut);
        var latest = ReportFolders.ResolveLatest(ReportFolders.SiteFolder(_work.File("out"), server.BaseUri));
        Assert.NotNull(latest);
        var html = await File.ReadAllTextAsync(Path.Combine(latest, "report.html"));
        Assert.Contains("<h1>เทศบาลตำบลนาดีใหม่</h1>", html, StringComparison.Ordinal);
        Assert.Contains("งานบริการข้อมูลข่าวสาร สำนักปลัด", html, StringComparison.Ordinal); // owner of the gaps, in the unit sections
        Assert.DoesNotContain("ท่าแพ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("thaphae", html, StringComparison.OrdinalIgnoreCase);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(latest, "report.json")));
        var owners = report.RootElement.GetProperty("gaps").EnumerateArray()
            .SelectMany(g => g.GetProperty("units").EnumerateArray()).Select(u => u.GetString()).ToHashSet();
        Assert.Contains("งานบริการข้อมูลข่าวสาร สำนักปลัด", owners);
        Assert.Subset(new HashSet<string?> { "งานบริการข้อมูลข่าวสาร สำนักปลัด", "สำนักปลัดเทศบาล", "กองคลัง" }, owners); // only this agency's units own gaps
    }

    [Fact]
    public async Task Audit_NoMeasuresFile_NamesTheAgencyFromTheSite_GapsHaveNoMeasure()
    {
        await using var server = await StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "oldlist-2567", "site"));

        var (audit, auditOut) = await RunAsync("audit", server.BaseUri.AbsoluteUri, "--year", "2567", "--rate", "0");

        Assert.True(audit is 0 or 1, auditOut);
        var latest = ReportFolders.ResolveLatest(ReportFolders.SiteFolder(_work.File("out"), server.BaseUri))!;
        var html = await File.ReadAllTextAsync(Path.Combine(latest, "report.html"));
        Assert.Contains("<h1>องค์การบริหารส่วนตำบลโคกสะอาด</h1>", html, StringComparison.Ordinal); // "หน้าหลัก | องค์การบริหารส่วนตำบลโคกสะอาด"
        Assert.DoesNotContain("ท่าแพ", html, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(latest, "report.json")));
        Assert.All(report.RootElement.GetProperty("gaps").EnumerateArray(), g => Assert.False(g.GetProperty("hasMeasure").GetBoolean()));
    }

    [Fact]
    public async Task Audit_Twice_KeepsBothReports_LatestPointsAtTheSecond()
    {
        await using var server = await StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "oldlist-2567", "site"));

        await RunAsync("audit", server.BaseUri.AbsoluteUri, "--year", "2567", "--rate", "0", "--max-pages", "5");
        await RunAsync("audit", server.BaseUri.AbsoluteUri, "--year", "2567", "--rate", "0", "--max-pages", "5");

        var siteFolder = ReportFolders.SiteFolder(_work.File("out"), server.BaseUri);
        var runs = Directory.GetDirectories(siteFolder).Where(d => Path.GetFileName(d) != ReportFolders.Latest).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.True(File.Exists(Path.Combine(r, "report.json"))));
        Assert.Equal(Path.GetFileName(runs[1]), new DirectoryInfo(ReportFolders.ResolveLatest(siteFolder)!).LinkTarget);
    }

    public void Dispose() => _work.Dispose();

    // The built program in a folder of its own, as after unpacking a release: no repository, no appsettings.json in the working folder but what init wrote.
    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _work.Path,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oitcrawler.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }
}
