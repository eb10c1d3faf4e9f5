using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>How URLs are found (links of every kind, sitemaps) and in which order they are fetched.</summary>
[Trait("speed", "slow")]
public sealed class CrawlerDiscoveryTests
{
    [Fact]
    public async Task CrawlAsync_AnyConcurrency_PagesAndDocumentsInTheSameOrder_StartPageFirst()
    {
        // The assessment breaks ties by order: the order in which concurrent fetches finish must not reach it.
        await using var server = await OitCrawler.Demo.StaticSiteServer.StartAsync(Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "HeldOut", "joomla-subindicator", "site"));
        await using var one = TestCrawler.Create(("Concurrency", "1"));
        await using var eight = TestCrawler.Create(("Concurrency", "8"));

        var serial = await one.CrawlAsync(server.BaseUri);
        var parallel = await eight.CrawlAsync(server.BaseUri);

        Assert.True(serial.Pages.Count > 20);
        Assert.Equal(server.BaseUri, serial.Pages[0].Url);
        Assert.Equal(serial.Pages.Select(p => p.Url.AbsoluteUri), parallel.Pages.Select(p => p.Url.AbsoluteUri));
        Assert.Equal(serial.Documents.Select(d => d.Url.AbsoluteUri), parallel.Documents.Select(d => d.Url.AbsoluteUri));
        Assert.Equal(serial.Pages.Skip(1).Select(p => p.Url.AbsoluteUri).Order(StringComparer.Ordinal), serial.Pages.Skip(1).Select(p => p.Url.AbsoluteUri));
    }

    [Fact]
    public async Task CrawlAsync_PageOnlyInSitemaps_Fetched()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/robots.txt"] = TestResponse.Text("User-agent: *\nAllow: /\nSitemap: /sitemap-index.xml\n"),
            ["/"] = TestResponse.Page("หน้าแรกไม่มีลิงก์"),
            ["/sitemap.xml"] = TestResponse.Text(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>/only-in-sitemap.html</loc></url>
                </urlset>
                """,
                "application/xml"),
            ["/sitemap-index.xml"] = TestResponse.Text(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>/sitemaps/news.xml</loc></sitemap>
                </sitemapindex>
                """,
                "application/xml"),
            ["/sitemaps/news.xml"] = TestResponse.Text(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>/news/ข่าวเฉพาะแผนผัง.html</loc></url>
                  <url><loc>http://outside.example.invalid/not-ours.html</loc></url>
                </urlset>
                """,
                "application/xml"),
            ["/only-in-sitemap.html"] = TestResponse.Page("ในแผนผังเว็บเท่านั้น"),
            ["/news/ข่าวเฉพาะแผนผัง.html"] = TestResponse.Page("ข่าวจากแผนผังซ้อน"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.NotNull(index.Page(site.Url("/only-in-sitemap.html")));
        var nested = index.Page(site.Url("/news/ข่าวเฉพาะแผนผัง.html"));
        Assert.NotNull(nested);
        Assert.Contains("ข่าวจากแผนผังซ้อน", nested.Text, StringComparison.Ordinal);
        Assert.Equal(site.Url("/sitemaps/news.xml"), nested.FoundOn);
        Assert.Equal(3, index.Pages.Count);
        Assert.DoesNotContain(index.Fetches, f => f.Url.Host.EndsWith(".invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrawlAsync_HighPriorityLinkAmongMany_FetchedBeforeSiblings()
    {
        var links = Enumerable.Range(1, 20).Select(i => $"""<li><a href="/news/{i}.html">ข่าวประชาสัมพันธ์ {i}</a></li>""");
        var pages = new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Page($"""<ul>{string.Concat(links)}<li><a href="/ita.html">ITA การเปิดเผยข้อมูลสาธารณะ</a></li></ul>"""),
            ["/ita.html"] = TestResponse.Page("ITA"),
        };
        foreach (var i in Enumerable.Range(1, 20))
        {
            pages[$"/news/{i}.html"] = TestResponse.Page($"ข่าว {i}");
        }

        await using var site = await TestSite.StartAsync(pages);
        await using var crawler = TestCrawler.Create(("MaxPages", "3"), ("Concurrency", "1"));

        var index = await crawler.CrawlAsync(site, prioritizer: new TextPrioritizer("ITA"));

        Assert.Equal(CrawlOutcome.BudgetExhausted, index.Outcome);
        Assert.Equal(3, index.Pages.Count);
        var order = site.Requests.Select(r => r.Path).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/ita.html", "/news/1.html"], order);
        Assert.Contains(index.Skipped, s => s.Reason == SkipReason.Budget && s.Url == site.Url("/news/20.html"));
    }

    [Fact]
    public async Task CrawlAsync_SameSiteWithoutPriority_LastLinkNotReachedWithinBudget()
    {
        // The control for the test above: breadth-first order never reaches the 21st link in 2 pages.
        var links = Enumerable.Range(1, 20).Select(i => $"""<a href="/news/{i}.html">ข่าว {i}</a>""");
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Page($"""{string.Concat(links)}<a href="/ita.html">ITA</a>"""),
        });
        await using var crawler = TestCrawler.Create(("MaxPages", "3"), ("Concurrency", "1"));

        await crawler.CrawlAsync(site);

        Assert.Empty(site.RequestsTo("/ita.html"));
    }

    [Fact]
    public async Task CrawlAsync_FrameAreaAndMetaRefresh_AllFollowed()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Html(
                """
                <html><head><meta http-equiv="refresh" content="0; url=/refreshed.html"><title>หน้าแรก</title></head>
                <body>
                  <iframe src="/framed.html" title="ข่าว"></iframe>
                  <img src="/map.png" usemap="#m"><map name="m"><area href="/area.html" alt="แผนผังองค์กร"></map>
                </body></html>
                """),
            ["/refreshed.html"] = TestResponse.Page("refresh"),
            ["/framed.html"] = TestResponse.Page("frame"),
            ["/area.html"] = TestResponse.Page("area"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(4, index.Pages.Count);
        Assert.Equal("แผนผังองค์กร", index.Page(site.Url("/area.html"))?.FoundVia);
        Assert.Empty(site.RequestsTo("/map.png")); // media is not fetched
    }

    [Fact]
    public async Task CrawlAsync_ExternalLinks_RecordedButNeverRequested()
    {
        await using var other = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.Page("อีกเว็บ") });
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Page(
                $"""
                <a href="{other.Url("/partner.html")}">หน่วยงานพันธมิตร</a>
                <a href="http://portal.example.invalid/egp">ระบบจัดซื้อ</a>
                <a href="mailto:saraban@agency.test">สารบรรณ</a>
                """),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var home = Assert.Single(index.Pages);
        Assert.Contains(home.Links, l => l.Url == other.Url("/partner.html") && l.Text == "หน่วยงานพันธมิตร");
        Assert.Contains(home.Links, l => l.Url == new Uri("http://portal.example.invalid/egp"));
        Assert.Contains(home.Links, l => l.Href == "mailto:saraban@agency.test" && l.Url is null);
        Assert.Empty(other.Requests);
        Assert.All(index.Fetches, f => Assert.Equal(site.BaseUri.Authority, f.Url.Authority));
    }

    [Fact]
    public async Task CrawlAsync_SameUrlSpelledThreeWays_FetchedOnce()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo(
                "/ข่าว.html",
                "/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7.html#top",
                "/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7.html?utm_source=line"),
            ["/ข่าว.html"] = TestResponse.Page("ข่าว"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Single(site.RequestsTo("/ข่าว.html"));
        Assert.Equal(2, index.Pages.Count);
    }

    [Fact]
    public async Task CrawlAsync_SameUrlLinkedFromManyPages_OneUriInstancePerUrl()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Page(
                """
                <nav><a href="/">หน้าแรก</a> <a href="/ข่าว.html">ข่าว</a></nav>
                <table><tr><td>ประกาศ</td><td><a href="/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7.html#top">ดาวน์โหลด</a></td></tr></table>
                """),
            ["/ข่าว.html"] = TestResponse.LinksTo("/", "/ข่าว.html", "/about.html"),
            ["/about.html"] = TestResponse.LinksTo("/index.html#x", "/", "/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7.html", "/about.html"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(3, index.Pages.Count);
        var urls = index.Pages.Select(p => p.Url)
            .Concat(index.Pages.SelectMany(p => p.Links.Concat(p.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Links))).Select(l => l.Url!))
            .ToList();
        var byUrl = urls.GroupBy(u => u.AbsoluteUri, StringComparer.Ordinal).ToList();
        Assert.Equal(4, byUrl.Count); // /, /index.html, /ข่าว.html, /about.html
        Assert.All(byUrl, g => Assert.Single(g.Distinct(ReferenceEqualityComparer.Instance)));
    }
}
