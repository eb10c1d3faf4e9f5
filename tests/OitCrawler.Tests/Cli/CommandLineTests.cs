using System.CommandLine;
using OitCrawler.Cli;

namespace OitCrawler.Tests.Cli;

/// <summary>The command line as parsed by System.CommandLine: flags onto configuration keys, Thai and English errors, "did you mean", help and version.</summary>
[Trait("speed", "slow")]
public sealed class CommandLineTests : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public void AuditFlags_MapToConfigurationKeys()
    {
        var flags = ConfigFlags.ForAudit();
        var command = new Command("audit") { new Argument<string>("start-url") };
        flags.AddTo(command);

        var parse = command.Parse(["https://www.thaphae.go.th/", "--year", "2568", "--rate=0.5", "--max-pages", "100", "--concurrency", "2", "--out", "x", "--measures", "m.json", "--evidence"]);

        Assert.Empty(parse.Errors);
        var settings = flags.Settings(parse);
        Assert.Equal("2568", settings["Audit:Year"]);
        Assert.Equal("0.5", settings["Crawl:RatePerSecond"]);
        Assert.Equal("100", settings["Crawl:MaxPages"]);
        Assert.Equal("2", settings["Crawl:Concurrency"]);
        Assert.Equal("x", settings["Audit:OutputDirectory"]);
        Assert.Equal("m.json", settings["Audit:MeasuresFile"]);
        Assert.Equal("true", settings["Audit:WriteEvidence"]); // a boolean flag needs no value
        Assert.False(settings.ContainsKey("Audit:IitScore")); // flags not given leave appsettings.json alone
    }

    [Theory]
    [InlineData("--year", "68")]
    [InlineData("--year", "abc")]
    [InlineData("--rate", "-1")]
    [InlineData("--concurrency", "0")]
    [InlineData("--max-pages", "1.5")]
    public async Task BadOptionValue_IsExit2NamingTheOptionInThaiAndEnglish(string option, string value)
    {
        var code = await Commands.RunAsync(["audit", "https://x.go.th", option, value], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        var lines = _stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(option, StringComparison.Ordinal) && l.Contains("ต้องเป็น", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(option, StringComparison.Ordinal) && l.Contains("must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("audti", "audit")]
    [InlineData("--mesures", "--measures")]
    [InlineData("--max-page", "--max-pages")]
    public async Task Typo_SuggestsTheNearestName(string typo, string meant)
    {
        string[] args = typo.StartsWith('-') ? ["audit", "https://x.go.th", typo, "1"] : [typo];

        var code = await Commands.RunAsync(args, _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"หมายถึง '{meant}' หรือไม่?", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains($"did you mean '{meant}'?", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedOptionBeforeTheUrl_IsNamedAsAnOption()
    {
        var code = await Commands.RunAsync(["audit", "--yeer", "2568", "https://x.go.th"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown option '--yeer'; did you mean '--year'?", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LangTh_PrintsOnlyThai()
    {
        var code = await Commands.RunAsync(["audit", "https://x.go.th", "--year", "68", "--lang", "th"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ต้องเป็นจำนวนเต็ม", _stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("must be", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit", "--measures")]
    [InlineData("demo", "--max-pages")]
    [InlineData("rules validate", "FILE|DIR")]
    [InlineData("measures validate", "--rules")]
    [InlineData("history", "<N>")]
    public async Task Help_PerCommand_InThaiWithEnglishBeneath(string command, string mentions)
    {
        var code = await Commands.RunAsync([.. command.Split(' '), "--help"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        var help = _stdout.ToString();
        Assert.Contains("วิธีใช้:", help, StringComparison.Ordinal);
        Assert.Contains($"oitcrawler {command}", help, StringComparison.Ordinal);
        Assert.Contains(mentions, help, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_PrintsTheOverviewWithExitCodes()
    {
        var code = await Commands.RunAsync([], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("audit <start-url>", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("รหัสออก", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheAssemblyVersion()
    {
        var code = await Commands.RunAsync(["--version"], _stdout, _stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith(CommandTree.Version, _stdout.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", CommandTree.Version);
    }

    [Theory]
    [InlineData("https://www.thaphae.go.th/", "https://www.thaphae.go.th/")]
    [InlineData("www.thaphae.go.th", "https://www.thaphae.go.th/")]
    public void ParseSite_AcceptsUrlsAndBareHosts(string text, string expected) =>
        Assert.Equal(expected, ConfigFlags.ParseSite(text).AbsoluteUri);

    [Fact]
    public void ParseSite_ThaiDomain_HasPunycodeHost() =>
        Assert.StartsWith("xn--", ConfigFlags.ParseSite("http://เทศบาล.ไทย/").IdnHost, StringComparison.Ordinal);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://x.go.th/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void ParseSite_NotAWebsite_IsAUsageError(string text) =>
        Assert.Throws<UsageException>(() => ConfigFlags.ParseSite(text));

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
    }
}
