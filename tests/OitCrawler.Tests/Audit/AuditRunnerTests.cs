using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OitCrawler.Audit;
using OitCrawler.Cli;
using OitCrawler.Crawling;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Audit;

[Trait("speed", "slow")]
public class AuditRunnerTests
{
    [Theory]
    [InlineData("2026-11-24T03:00:00Z", 2570, 2569, true)]  // FY 2570 has no rules yet: newest rules, with a note
    [InlineData("2025-09-30T16:59:00Z", 2568, 2568, false)] // 23:59 on 30 Sep in Bangkok: still FY 2568
    [InlineData("2025-09-30T17:00:00Z", 2569, 2569, false)] // 00:00 on 1 Oct in Bangkok: FY 2569
    public void SelectRules_DefaultYear_ComesFromTheClockInBangkok(string now, int year, int rulesYear, bool note)
    {
        var runner = Runner(new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        var (rules, selected, message) = runner.SelectRules(null);

        Assert.Equal(year, selected);
        Assert.Equal(rulesYear, rules.Year);
        Assert.Equal(note, message is not null);
        if (note)
        {
            Assert.Contains($"{year}", message, StringComparison.Ordinal);
            Assert.Contains($"{rulesYear}", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_SiteAuditedForALaterYear_JudgesPeriodsAgainstThatYear()
    {
        // The demo site is ITA 2568 content; audited as 2569 with the 2569 rules, its FY 2568 plan is stale.
        var result = await SiteAudit.RunAsync(Repo.Path("samples", "demo-site"), 2569);

        Assert.Equal(2569, result.Year);
        var plan = result.Items.Single(i => i.Rule.Code == "O23"); // 2569 O23: anti-corruption plan, current FY
        Assert.Equal(OitCrawler.Assessment.ItemStatus.Stale, plan.Status);
    }

    [Fact]
    public async Task RunAsync_NoKindConfigured_TakesTheKindFromTheSitesName_AndSaysSo()
    {
        var result = await SiteAudit.RunAsync(Repo.Path("samples", "demo-site"), 2568);

        Assert.Equal("municipality", result.AgencyKind?.Id); // "เทศบาลตำบลท่าแพ …" in the home page's title
        Assert.Contains(result.Notes, n => n.Contains("agency kind", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Rules.Items.Single(i => i.Code == "O1").Elements, e => e.Id == "head");
    }

    [Fact]
    public async Task RunAsync_ConfiguredNationalKind_JudgesTheHeadNotTheLocalSides()
    {
        var result = await SiteAudit.RunAsync(Repo.Path("samples", "demo-site"), 2568, agencyKind: "central");

        Assert.Equal("central", result.AgencyKind?.Id);
        var o1 = result.Rules.Items.Single(i => i.Code == "O1").Elements.Select(e => e.Id).ToList();
        Assert.Contains("head", o1);
        Assert.DoesNotContain("political", o1);
    }

    [Fact]
    public async Task RunAsync_UnknownConfiguredKind_IsOneErrorNamingIt()
    {
        var ex = await Assert.ThrowsAsync<OitCrawler.Rules.DataFileException>(() => SiteAudit.RunAsync(Repo.Path("samples", "demo-site"), 2568, agencyKind: "spaceship"));

        Assert.Contains("spaceship", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Audit:AgencyKind", ex.Message, StringComparison.Ordinal);
    }

    private static AuditRunner Runner(TimeProvider time)
    {
        using var host = Commands.BuildHost(new Dictionary<string, string?> { ["Audit:RulesDirectory"] = Repo.Path("rules") });
        return new AuditRunner(
            host.Services.GetRequiredService<Crawler>(),
            host.Services.GetRequiredService<IOptions<AuditOptions>>(),
            time,
            NullLogger<AuditRunner>.Instance);
    }
}
