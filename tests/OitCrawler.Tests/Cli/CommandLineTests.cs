using OitCrawler.Cli;

namespace OitCrawler.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public void Parse_AuditWithOptions_MapsToConfigurationKeys()
    {
        var line = CommandLine.Parse(["audit", "https://www.thaphae.go.th/", "--year", "2568", "--rate=0.5", "--max-pages", "100", "--concurrency", "2", "--out", "x"]);
        Assert.Equal("audit", line.Command);
        Assert.Equal(["https://www.thaphae.go.th/"], line.Arguments);
        Assert.Equal("2568", line.Settings["Audit:Year"]);
        Assert.Equal("0.5", line.Settings["Crawl:RatePerSecond"]);
        Assert.Equal("100", line.Settings["Crawl:MaxPages"]);
        Assert.Equal("2", line.Settings["Crawl:Concurrency"]);
        Assert.Equal("x", line.Settings["Audit:OutputDirectory"]);
    }

    [Theory]
    [InlineData("--year", "68")]
    [InlineData("--year", "abc")]
    [InlineData("--rate", "-1")]
    [InlineData("--concurrency", "0")]
    [InlineData("--max-pages", "1.5")]
    public void Parse_BadOptionValue_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var ex = Assert.Throws<UsageException>(() => CommandLine.Parse(["audit", "https://x.go.th", option, value]));
        Assert.Contains(option, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_IsAUsageError() =>
        Assert.Throws<UsageException>(() => CommandLine.Parse(["audit", "https://x.go.th", "--fast"]));

    [Theory]
    [InlineData("https://www.thaphae.go.th/", "https://www.thaphae.go.th/")]
    [InlineData("www.thaphae.go.th", "https://www.thaphae.go.th/")]
    public void ParseSite_AcceptsUrlsAndBareHosts(string text, string expected) =>
        Assert.Equal(expected, CommandLine.ParseSite(text).AbsoluteUri);

    [Fact]
    public void ParseSite_ThaiDomain_HasPunycodeHost() =>
        Assert.StartsWith("xn--", CommandLine.ParseSite("http://เทศบาล.ไทย/").IdnHost, StringComparison.Ordinal);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://x.go.th/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void ParseSite_NotAWebsite_IsAUsageError(string text) =>
        Assert.Throws<UsageException>(() => CommandLine.ParseSite(text));
}
