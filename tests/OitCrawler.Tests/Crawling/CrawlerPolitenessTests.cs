using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>robots.txt rules, Crawl-delay, per-host rate and the User-Agent, measured at the server.</summary>
[Collection(TimingDefinition.Name)]
[Trait("speed", "slow")]
public sealed class CrawlerPolitenessTests
{
    [Fact]
    public async Task CrawlAsync_RobotsDisallowsPaths_PathsNeverRequested()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text(
                """
                User-agent: *
                Disallow: /

                User-agent: OitCrawler
                Disallow: /private/
                Disallow: /*.cgi$
                Disallow: /ข้อมูลลับ
                Disallow: /*?print=
                Allow: /private/notice.html
                """),
            ["/"] = TestResponse.LinksTo(
                "/open.html",
                "/private/secret.html",
                "/private/notice.html",
                "/bin/report.cgi",
                "/ข้อมูลลับ/a.html",
                "/%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%A5%E0%B8%B1%E0%B8%9A/b.html",
                "/open.html?print=1"),
            ["/open.html"] = TestResponse.Page("เปิด"),
            ["/private/notice.html"] = TestResponse.Page("ประกาศ"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        var requested = site.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Contains("/open.html", requested);
        Assert.Contains("/private/notice.html", requested);
        Assert.DoesNotContain("/private/secret.html", requested);
        Assert.DoesNotContain("/bin/report.cgi", requested);
        Assert.DoesNotContain("/open.html?print=1", requested);
        Assert.DoesNotContain(requested, p => p.StartsWith("/ข้อมูลลับ", StringComparison.Ordinal));
        var robotsSkips = index.Skipped.Where(s => s.Reason == SkipReason.Robots).Select(s => s.Url.AbsolutePath).ToList();
        Assert.Contains("/private/secret.html", robotsSkips);
        Assert.Contains("/bin/report.cgi", robotsSkips);
        Assert.Equal(2, robotsSkips.Count(p => p.StartsWith("/%E0%B8%82%E0%B9%89", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CrawlAsync_ManyDisallowedLinks_DoNotSpendThePageBudget()
    {
        // Regression: a URL was counted against MaxPages before robots.txt was checked, so links
        // into a disallowed area used up the budget and allowed pages were never fetched.
        var blocked = Enumerable.Range(1, 10).Select(i => $"/admin/{i}.html").ToArray();
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text("User-agent: *\nDisallow: /admin/\n"),
            ["/"] = TestResponse.LinksTo([.. blocked, "/open.html"]),
            ["/open.html"] = TestResponse.Page("เปิด"),
        });
        await using var crawler = TestCrawler.Create(("MaxPages", "3"));

        var index = await crawler.CrawlAsync(site);

        Assert.Contains(index.Pages, p => p.Url.AbsolutePath == "/open.html");
        Assert.Equal(10, index.Skipped.Count(s => s.Reason == SkipReason.Robots));
        Assert.DoesNotContain(index.Skipped, s => s.Reason == SkipReason.Budget);
    }

    [Fact]
    public async Task CrawlAsync_RobotsTxtRedirects_RedirectFollowedAndRulesObeyed()
    {
        // Regression: robots.txt answered 301 (http → https, a moved file) was treated as absent,
        // so every rule was ignored. RFC 9309 §2.3.1.2 asks crawlers to follow at least five redirects.
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Redirect("/moved/robots.txt", 301),
            ["/moved/robots.txt"] = TestResponse.Redirect("/robots-real.txt", 302),
            ["/robots-real.txt"] = TestResponse.Text("User-agent: *\nDisallow: /private/\n"),
            ["/"] = TestResponse.LinksTo("/private/x.html", "/open.html"),
            ["/private/x.html"] = TestResponse.Page("ลับ"),
            ["/open.html"] = TestResponse.Page("เปิด"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Single(site.RequestsTo("/robots-real.txt"));
        Assert.Empty(site.RequestsTo("/private/x.html"));
        Assert.NotNull(index.Page(site.Url("/open.html")));
        Assert.Contains(index.Skipped, s => s.Reason == SkipReason.Robots && s.Url == site.Url("/private/x.html"));
    }

    [Fact]
    public async Task CrawlAsync_RobotsTxtRedirectsEndlessly_GivesUpAfterFiveAndCrawls()
    {
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/open.html"), ["/open.html"] = TestResponse.Page("เปิด") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path.Value!.EndsWith("robots.txt", StringComparison.Ordinal))
                {
                    await TestSite.WriteAsync(context, TestResponse.Redirect("/r" + context.Request.Path.Value, 301));
                    return;
                }

                await next(context);
            }));
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(6, site.Requests.Count(r => r.Path.EndsWith("robots.txt", StringComparison.Ordinal)));
        Assert.NotNull(index.Page(site.Url("/open.html")));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CrawlAsync_Robots5xx_CompleteDisallowReportedUnreachableWithTheReason(int status)
    {
        // Regression: a 5xx robots.txt was read as "no rules" and the site crawled; RFC 9309 §2.3.1.4 says the
        // crawler must assume complete disallow.
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Error(status),
            ["/"] = TestResponse.LinksTo("/a.html"),
            ["/a.html"] = TestResponse.Page("ก"),
        });
        await using var crawler = TestCrawler.Create(("MaxRetries", "0"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Unreachable, index.Outcome);
        Assert.Contains($"HTTP {status}", index.OutcomeReason, StringComparison.Ordinal);
        Assert.Contains("Crawl:RobotsUnreachableAllowsAll", index.OutcomeReason, StringComparison.Ordinal);
        Assert.Equal(["/robots.txt"], site.Requests.Select(r => r.Path).Distinct());
    }

    [Fact]
    public async Task CrawlAsync_RobotsUnreachableOnOwnSiteWithTheSetting_Crawled()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Error(503),
            ["/"] = TestResponse.LinksTo("/a.html"),
            ["/a.html"] = TestResponse.Page("ก"),
        });
        await using var crawler = TestCrawler.Create(("MaxRetries", "0"), ("RobotsUnreachableAllowsAll", "true"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.NotNull(index.Page(site.Url("/a.html")));
    }

    [Fact]
    public async Task CrawlAsync_Robots500KiBWithTheKeyRuleLast_RuleObeyed()
    {
        // Regression: only the first 2,000 rules were kept, so a rule past them was ignored. RFC 9309 §2.5: parse at least 500 KiB.
        var robots = new System.Text.StringBuilder("User-agent: *\n");
        for (var i = 0; robots.Length < 500 * 1024; i++)
        {
            robots.Append(System.Globalization.CultureInfo.InvariantCulture, $"Disallow: /archive/{i:D6}/{new string('x', 100)}\n");
        }

        robots.Append("Disallow: /secret/\n");
        Assert.True(robots.Length is > 500 * 1024 and < 512 * 1024, $"{robots.Length} bytes");
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text(robots.ToString()),
            ["/"] = TestResponse.LinksTo("/secret/page.html", "/open.html"),
            ["/secret/page.html"] = TestResponse.Page("ลับ"),
            ["/open.html"] = TestResponse.Page("เปิด"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Empty(site.RequestsTo("/secret/page.html"));
        Assert.Contains(index.Skipped, s => s.Reason == SkipReason.Robots && s.Url == site.Url("/secret/page.html"));
        Assert.NotNull(index.Page(site.Url("/open.html")));
    }

    [Fact]
    public async Task CrawlAsync_RobotsDisallowsStart_UnreachableWithReason()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text("User-agent: OitCrawler\nDisallow: /\n"),
            ["/"] = TestResponse.LinksTo("/a.html"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Unreachable, index.Outcome);
        Assert.Contains("robots.txt", index.OutcomeReason, StringComparison.Ordinal);
        Assert.Equal(["/robots.txt"], site.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task CrawlAsync_RobotsCrawlDelay_RequestStartsSpacedByDelay()
    {
        var delay = TimeSpan.FromSeconds(0.3);
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text("User-agent: *\nCrawl-delay: 0.3\n"),
            ["/"] = TestResponse.LinksTo("/1.html", "/2.html", "/3.html"),
            ["/1.html"] = TestResponse.Page("1"),
            ["/2.html"] = TestResponse.Page("2"),
            ["/3.html"] = TestResponse.Page("3"),
        });
        await using var crawler = TestCrawler.Create(("Concurrency", "4"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(4, index.Pages.Count);
        Assert.Equal(6, site.Requests.Count); // robots.txt, /, sitemap.xml, three pages
        Pacing.AssertSpaced(site.Requests, delay);
    }

    [Fact]
    public async Task CrawlAsync_CrawlDelayAboveCap_CappedDelayHeld()
    {
        var cap = TimeSpan.FromSeconds(0.2);
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text("User-agent: OitCrawler\nCrawl-delay: 100\n"),
            ["/"] = TestResponse.LinksTo("/1.html", "/2.html"),
            ["/1.html"] = TestResponse.Page("1"),
            ["/2.html"] = TestResponse.Page("2"),
        });
        await using var crawler = TestCrawler.Create(("MaxCrawlDelay", "00:00:00.2"));

        var stopwatch = Stopwatch.StartNew();
        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(3, index.Pages.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Pacing.AssertSpaced(site.Requests, cap);
    }

    [Fact]
    public async Task CrawlAsync_RatePerSecond10_RequestStartsAtLeast100MsApart()
    {
        var pages = new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo([.. Enumerable.Range(1, 11).Select(i => $"/news/{i}.html")]),
        };
        foreach (var i in Enumerable.Range(1, 11))
        {
            pages[$"/news/{i}.html"] = TestResponse.Page($"ข่าว {i}");
        }

        await using var site = await TestSite.StartAsync(pages);
        await using var crawler = TestCrawler.Create(("RatePerSecond", "10"), ("Concurrency", "4"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(12, index.Pages.Count);
        Assert.Equal(14, site.Requests.Count); // robots.txt, sitemap.xml and 12 pages
        Pacing.AssertSpaced(site.Requests, TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task CrawlAsync_AnyRequest_SendsIdentifyingUserAgent()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/a.html"),
            ["/a.html"] = TestResponse.Page("a"),
        });
        await using var crawler = TestCrawler.Create(("ContactUrl", "https://audit.agency.test/crawler"));

        await crawler.CrawlAsync(site);

        Assert.Equal(4, site.Requests.Count);
        Assert.All(site.Requests, r => Assert.Equal("OitCrawler/1.0 (+https://audit.agency.test/crawler)", r.UserAgent));
    }
}
