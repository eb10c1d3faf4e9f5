using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>
/// Only the start host may be private (the audit targets it on purpose); any other name that resolves
/// to a loopback or private address is refused at connect time. "localhost" is put in scope with
/// ExtraHosts; it resolves to 127.0.0.1, the fixture server's own address, so a request that slipped
/// through would reach the server and show up in its log with Host: localhost.
/// </summary>
[Trait("speed", "slow")]
public sealed class CrawlerAddressGuardTests
{
    [Fact]
    public async Task CrawlAsync_InScopeLinkToLocalhost_NeverRequestedSkippedAsPrivate()
    {
        var pages = new Dictionary<string, TestResponse> { ["/public.html"] = TestResponse.Page("สาธารณะ"), ["/secret"] = TestResponse.Page("ความลับ") };
        await using var site = await TestSite.StartAsync(pages);
        var secret = new Uri($"http://localhost:{site.Port}/secret");
        pages["/"] = TestResponse.LinksTo("/public.html", secret.AbsoluteUri); // same port as the start: in scope
        await using var crawler = TestCrawler.Create(("ExtraHosts:0", "localhost"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.NotNull(index.Page(site.Url("/public.html")));
        Assert.Empty(site.RequestsTo("/secret"));
        Assert.DoesNotContain(site.Requests, r => r.Host.StartsWith("localhost", StringComparison.Ordinal));
        var skip = Assert.Single(index.Skipped);
        Assert.Equal(SkipReason.PrivateAddress, skip.Reason);
        Assert.Equal(secret, skip.Url);
        Assert.Contains("127.0.0.1", skip.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlAsync_LinkToLoopbackServerOnOtherPort_ServerNeverRequested()
    {
        await using var serverB = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/secret"] = TestResponse.Page("ความลับ") });
        var secret = new Uri($"http://localhost:{serverB.Port}/secret");
        await using var siteA = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo(secret.AbsoluteUri) });
        await using var crawler = TestCrawler.Create(("ExtraHosts:0", "localhost"));

        var index = await crawler.CrawlAsync(siteA);

        Assert.Empty(serverB.Requests);
        Assert.Contains(Assert.Single(index.Pages).Links, l => l.Url == secret);
    }

    [Fact]
    public async Task CrawlAsync_RedirectToLocalhost_NotFollowed()
    {
        await using var serverB = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.Page("ภายใน") });
        var pages = new Dictionary<string, TestResponse> { ["/secret"] = TestResponse.Page("ความลับ") };
        await using var siteA = await TestSite.StartAsync(pages);
        pages["/"] = TestResponse.LinksTo("/to-b", "/to-self");
        pages["/to-b"] = TestResponse.Redirect($"http://localhost:{serverB.Port}/");
        pages["/to-self"] = TestResponse.Redirect($"http://localhost:{siteA.Port}/secret"); // in scope, private
        await using var crawler = TestCrawler.Create(("ExtraHosts:0", "localhost"));

        var index = await crawler.CrawlAsync(siteA);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Empty(serverB.Requests);
        Assert.Equal(new Uri($"http://localhost:{serverB.Port}/"), index.Fetch(siteA.Url("/to-b"))?.FinalUrl);
        Assert.Empty(siteA.RequestsTo("/secret"));
        Assert.DoesNotContain(siteA.Requests, r => r.Host.StartsWith("localhost", StringComparison.Ordinal));
        Assert.Contains(index.Skipped, s => s.Reason == SkipReason.PrivateAddress && s.Url == new Uri($"http://localhost:{siteA.Port}/secret"));
    }
}
