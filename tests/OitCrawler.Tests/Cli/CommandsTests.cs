using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Cli;

/// <summary>The commands as a user runs them: exit codes, one clear message for bad input, the demo end to end.</summary>
[Trait("speed", "slow")]
public sealed partial class CommandsTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("oit-cli-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task Demo_RunsEndToEnd_VerdictsMatchTheSiteGroundTruth()
    {
        var code = await Commands.RunAsync(["demo", "--out", _out], _stdout, _stderr, CancellationToken.None);

        Assert.True(code == ExitCodes.Ok, $"exit {code}: {_stderr}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(LatestRun(), "report.json")));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(2568, root.GetProperty("year").GetInt32());
        var actual = root.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("status").GetString()!);

        var expected = ExpectedVerdicts();
        Assert.Equal(26, expected.Count);
        var wrong = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: expected {e.Value}, got {actual.GetValueOrDefault(e.Key)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        Assert.Equal(["broken", "incomplete", "missing", "pass", "review", "stale", "unreachable"], actual.Values.Distinct().Order(StringComparer.Ordinal));

        var gaps = root.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(actual.Values.Count(v => v != "pass"), gaps.Count);
        Assert.Contains(gaps, g => !g.GetProperty("hasMeasure").GetBoolean()); // O22/O24: the plan's holes
        Assert.Contains(gaps, g => g.GetProperty("units").EnumerateArray().Any(u => u.GetString() == "กองคลัง"));
        Assert.Contains("ผ่าน", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Verbose_StatesEachPhaseWithItsCounts()
    {
        var code = await Commands.RunAsync(["demo", "--out", _out, "--verbose"], _stdout, _stderr, CancellationToken.None);

        Assert.True(code == ExitCodes.Ok, $"exit {code}: {_stderr}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(LatestRun(), "report.json")));
        var crawl = report.RootElement.GetProperty("crawl");
        var line = _stderr.ToString().Split('\n').Single(l => l.Contains("phases:", StringComparison.Ordinal));
        Assert.Matches(@"start-up \d+\.\d\d s", line);
        Assert.Contains($"({crawl.GetProperty("pagesFetched").GetInt32()} pages, {crawl.GetProperty("documents").GetInt32()} documents, CPU ", line, StringComparison.Ordinal);
        Assert.Matches(@"assessment \d+\.\d\d s \(26 items, CPU \d+\.\d\d s\)", line);
        Assert.Contains("เวลาแต่ละขั้น: เริ่มโปรแกรม", _stderr.ToString(), StringComparison.Ordinal); // Thai first, English beneath
        Assert.Matches(@"reports \d+\.\d\d s", line);
        Assert.Matches(@"peak memory [1-9]\d* MiB", line);
    }

    [Fact]
    public async Task Demo_WithoutVerbose_PrintsNoPhases()
    {
        var code = await Commands.RunAsync(["demo", "--out", _out], _stdout, _stderr, CancellationToken.None);

        Assert.True(code == ExitCodes.Ok, $"exit {code}: {_stderr}");
        Assert.DoesNotContain("phases:", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ClosedPort_ExitsUnreachableWithReason_AndWritesReport()
    {
        var code = await Commands.RunAsync(["audit", "http://127.0.0.1:9/", "--year", "2568", "--out", _out, "--rate", "0"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Unreachable, code);
        Assert.Contains("unreachable", _stderr.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "127.0.0.1_9", "latest", "report.json")));
        Assert.All(report.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("unreachable", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Audit_LangEn_ReportAndSpreadsheetsInEnglish_ConsoleStillEnglishOnly()
    {
        var code = await Commands.RunAsync(["audit", "http://127.0.0.1:9/", "--year", "2568", "--out", _out, "--rate", "0", "--lang", "en"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Unreachable, code);
        var latest = Path.Combine(_out, "127.0.0.1_9", "latest");
        var html = await File.ReadAllTextAsync(Path.Combine(latest, "report.html"));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("the website could not be reached", html, StringComparison.Ordinal);
        Assert.DoesNotContain("เข้าถึงเว็บไซต์ไม่ได้", html, StringComparison.Ordinal);
        using var book = new ClosedXML.Excel.XLWorkbook(Path.Combine(latest, "checklist.xlsx"));
        Assert.Equal("Published", book.Worksheet(1).Cell(1, 3).GetString());
        Assert.DoesNotMatch("[ก-๛]", _stderr.ToString());
    }

    [Theory]
    [InlineData("audit", "not a url")]
    [InlineData("audit", "ftp://x.go.th/")]
    [InlineData("audit")]
    [InlineData("frobnicate")]
    public async Task Run_BadUsage_ExitsTwoWithOneLineAndNoStackTrace(params string[] args)
    {
        var code = await Commands.RunAsync(args, _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        var error = _stderr.ToString();
        Assert.StartsWith("oitcrawler: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OutputFolderUnderAFile_ExitsTwoWithOneLineAndStillPrintsTheSummary()
    {
        // Regression: a DirectoryNotFoundException escaped as a stack trace (exit 70) and the summary was lost.
        var file = Path.Combine(_out, "a-file");
        await File.WriteAllTextAsync(file, "x");

        var code = await Commands.RunAsync(["demo", "--out", Path.Combine(file, "sub")], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("could not be written", _stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("ผ่าน", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAll_DiskFullWhileWritingReports_ThePreviousSetUntouchedAndNoTempLeft()
    {
        // Regression: a full disk left a new report.json beside the previous run's other reports. The kernel's
        // ENOSPC comes from /dev/full, where the writer's temp file for report.html points. (Each audit now writes
        // its own <host>/<date-time> folder, so the set-together guarantee is checked on the writer itself.)
        var result = await SiteAudit.RunAsync(Repo.Path("samples", "demo-site"), 2569);
        await OitCrawler.Reporting.ReportWriter.WriteAllAsync(result, [], _out, withEvidence: false, ReportLanguage.Th, CancellationToken.None);
        var before = Directory.GetFiles(_out).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Contains(Path.Combine(_out, "report.json"), before.Keys);
        File.CreateSymbolicLink(Path.Combine(_out, "report.html.tmp"), "/dev/full");

        var error = await Assert.ThrowsAnyAsync<IOException>(() => OitCrawler.Reporting.ReportWriter.WriteAllAsync(result, [], _out, withEvidence: false, ReportLanguage.Th, CancellationToken.None));

        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(_out).Where(f => !f.EndsWith("report.html.tmp", StringComparison.Ordinal)).Order()); // none added
        Assert.All(before, f => Assert.True(f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(f.Key)), $"{f.Key} was replaced"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Audit_DiskFullWhileWritingReports_OneProblemNamedNoStackTrace_NotExit70()
    {
        // Issue 9, case 8 as the operator sees it: a full disk during `audit` printed a stack trace. The program runs
        // for real with --out on a 16 KiB tmpfs (mounted in its own user and mount namespaces, so no root is needed):
        // the kernel's ENOSPC arrives while the reports are written.
        await using var server = await StaticSiteServer.StartAsync(Repo.Path("samples", "demo-site"));
        var full = Directory.CreateDirectory(Path.Combine(_out, "full")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(_out, "work")).FullName;
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

        var (code, stderr) = await RunProgramAsync(
            work,
            "unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs \"$0\" && exec \"$@\"", full,
            dotnet, Path.Combine(AppContext.BaseDirectory, "oitcrawler.dll"),
            "audit", server.BaseUri.AbsoluteUri, "--year", "2568", "--rate", "0", "--out", full);

        Assert.DoesNotContain("mount:", stderr, StringComparison.Ordinal); // the tmpfs was there, so the disk was full
        Assert.DoesNotContain("unshare:", stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.NotEqual(70, code); // not the crash exit
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var problem = stderr.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("oitcrawler: ", StringComparison.Ordinal)).ToList();
        Assert.True(problem.Count == 2, stderr); // one problem: its Thai line, and the English beneath
        Assert.StartsWith("oitcrawler: ตรวจเสร็จแล้ว แต่เขียนรายงานลง " + full, problem[0], StringComparison.Ordinal);
        Assert.StartsWith("oitcrawler: the audit finished but its reports could not be written to " + full, problem[1], StringComparison.Ordinal);
        Assert.All(problem, l => Assert.Contains("No space left on device", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Crawl\": { \"MaxPages\": \"abc\" }", "Crawl:MaxPages")]
    [InlineData("\"Crawl\": { \"RequestTimeout\": \"twenty seconds\" }", "Crawl:RequestTimeout")]
    [InlineData("\"Alerts\": { \"ConsecutiveFailures\": \"two\" }", "Alerts:ConsecutiveFailures")]
    public async Task AnyCommand_ConfigValueOfWrongType_ExitsTwoNamingTheKey(string section, string key)
    {
        // Regression: the binder's exception escaped as exit 70 with a stack trace. A real appsettings.json in the
        // program's working folder, as an operator edits it.
        await File.WriteAllTextAsync(Path.Combine(_out, "appsettings.json"), $"{{ {section} }}");

        var (code, stderr) = await RunProgramAsync(_out, "run-now");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(key, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    // oitcrawler with these arguments; or, when the first is "unshare", that command line as it is.
    private static async Task<(int Code, string Stderr)> RunProgramAsync(string workingDirectory, params string[] args)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var wrapped = args.Length > 0 && args[0] == "unshare";
        var info = new System.Diagnostics.ProcessStartInfo(wrapped ? args[0] : dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (!wrapped)
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oitcrawler.dll"));
        }

        foreach (var arg in wrapped ? args[1..] : args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // a bound for a failing test, not a sleep
        await process.WaitForExitAsync(bound.Token);
        await stdout;
        return (process.ExitCode, await stderr);
    }

    [Fact]
    public async Task Audit_YearWithoutRules_ExitsTwoNamingTheYear()
    {
        var code = await Commands.RunAsync(["audit", "http://127.0.0.1:9/", "--year", "2555", "--rules", Repo.Path("rules")], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("2555", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BrokenRulesFile_ExitsTwoWithFileAndLine()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_out, "rules")).FullName;
        File.Copy(Repo.Path("rules", "ita-2568.json"), Path.Combine(rules, "ita-2568.json"));
        var lines = File.ReadAllLines(Path.Combine(rules, "ita-2568.json"));
        lines[9] = lines[9] + " ,,";
        File.WriteAllLines(Path.Combine(rules, "ita-2568.json"), lines);

        var code = await Commands.RunAsync(["audit", "http://127.0.0.1:9/", "--year", "2568", "--rules", rules], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Matches(@"ita-2568\.json:10:\d+: ", _stderr.ToString());
        Assert.DoesNotContain("   at ", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildHost_InvalidOption_FailsAtStartNamingTheOption()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Commands.BuildHost(new Dictionary<string, string?> { ["Crawl:ContactUrl"] = "not a url" }));
        Assert.Contains("ContactUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildHost_BadExtraHost_FailsAtStartNamingTheEntry()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Commands.BuildHost(new Dictionary<string, string?> { ["Crawl:ExtraHosts:0"] = "https://e-service.thaphae.go.th/ita" }));
        Assert.Contains("Crawl:ExtraHosts entry 'https://e-service.thaphae.go.th/ita'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildHost_TwoHostsInOneProcess_EachLogsToItsOwnFiles()
    {
        // serve, run-now and the tests build hosts side by side; a host must not take over another's log.
        using var first = Commands.BuildHost(LogTo(Path.Combine(_out, "first")));
        using var second = Commands.BuildHost(LogTo(Path.Combine(_out, "second")));

        first.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OitCrawler.Tests").LogWarning("from the first host");
        second.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OitCrawler.Tests").LogWarning("from the second host");
        await second.StopAsync();
        second.Dispose(); // a host that ends must not close the other's logger
        first.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OitCrawler.Tests").LogWarning("first host, later");
        first.Dispose();

        var firstLog = string.Concat(Directory.GetFiles(Path.Combine(_out, "first"), "*.log").Select(File.ReadAllText)); // one file a day: two across midnight
        var secondLog = string.Concat(Directory.GetFiles(Path.Combine(_out, "second"), "*.log").Select(File.ReadAllText));
        Assert.Contains("from the first host", firstLog, StringComparison.Ordinal);
        Assert.Contains("first host, later", firstLog, StringComparison.Ordinal);
        Assert.DoesNotContain("second host", firstLog, StringComparison.Ordinal);
        Assert.Contains("from the second host", secondLog, StringComparison.Ordinal);
        Assert.DoesNotContain("first host", secondLog, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> LogTo(string folder) => new()
    {
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "oitcrawler-.log"),
        ["Serilog:WriteTo:2:Args:path"] = Path.Combine(folder, "oitcrawler-.clef"),
    };

    [Fact]
    public async Task RulesValidate_ShippedRules_AreOk()
    {
        var code = await Commands.RunAsync(["rules", "validate", Repo.Path("rules")], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(3, Regex.Count(_stdout.ToString(), "^OK ", RegexOptions.Multiline));
    }

    // The one site folder under --out, through its "latest" link.
    private string LatestRun() => ReportFolders.ResolveLatest(Assert.Single(Directory.GetDirectories(_out)))!;

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    private static Dictionary<string, string> ExpectedVerdicts() =>
        File.ReadLines(Repo.Path("samples", "demo-site", "EXPECTED.md"))
            .Select(line => VerdictRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["code"].Value, m => m.Groups["status"].Value.ToLowerInvariant());

    [GeneratedRegex(@"^\|\s*(?<code>O\d+)\s*\|\s*\**(?<status>[a-zA-Z]+)\**\s*\|")]
    private static partial Regex VerdictRow();
}
