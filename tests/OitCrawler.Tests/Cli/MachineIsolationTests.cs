using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OitCrawler.Cli;
using OitCrawler.Crawling;

namespace OitCrawler.Tests.Cli;

[Trait("speed", "fast")]
public class MachineIsolationTests
{
    [Fact]
    public void BuildHost_InTests_IgnoresTheMachinesEnvironmentVariables()
    {
        // A developer's OITCRAWLER_* variable: a valid value, so a child process that inherits it meanwhile is unharmed.
        const string Variable = "OITCRAWLER_Crawl__ContactUrl";
        Environment.SetEnvironmentVariable(Variable, "https://machine.invalid/contact");
        try
        {
            using var host = Commands.BuildHost(new Dictionary<string, string?>());

            Assert.NotEqual("https://machine.invalid/contact", host.Services.GetRequiredService<IOptions<CrawlOptions>>().Value.ContactUrl);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void BuildHost_InTests_TakesTheGivenSettings()
    {
        using var host = Commands.BuildHost(new Dictionary<string, string?> { ["Crawl:ContactUrl"] = "https://test.invalid/contact" });

        Assert.Equal("https://test.invalid/contact", host.Services.GetRequiredService<IOptions<CrawlOptions>>().Value.ContactUrl);
    }
}
