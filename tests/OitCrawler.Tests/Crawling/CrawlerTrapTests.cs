using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>Generated infinite sites and redirect games end, each with its skip reason recorded.</summary>
[Trait("speed", "slow")]
public sealed class CrawlerTrapTests
{
    [Fact]
    public async Task CrawlAsync_CalendarWithEndlessMonths_BoundedByQueryVariants()
    {
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/calendar?month=0") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path != "/calendar")
                {
                    await next(context);
                    return;
                }

                var month = int.Parse(context.Request.Query["month"].ToString(), CultureInfo.InvariantCulture);
                await TestSite.WriteAsync(context, TestResponse.LinksTo($"/calendar?month={month - 1}", $"/calendar?month={month + 1}"));
            }));
        await using var crawler = TestCrawler.Create(("MaxQueryVariantsPerPath", "5"), ("MaxDepth", "100"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(5, site.RequestsTo("/calendar").Count);
        Assert.NotEmpty(index.Skipped);
        Assert.All(index.Skipped, skip =>
        {
            Assert.Equal(SkipReason.QueryVariants, skip.Reason);
            Assert.Equal("/calendar", skip.Url.AbsolutePath);
            Assert.Contains("more than 5 query variants", skip.Detail, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CrawlAsync_RelativeLinkRepeatingPath_StoppedAsRepeatingSegments()
    {
        // The classic broken relative link: every page links to "a/b/" below itself.
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("a/b/") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/a"))
                {
                    await TestSite.WriteAsync(context, TestResponse.LinksTo("a/b/"));
                    return;
                }

                await next(context);
            }));
        await using var crawler = TestCrawler.Create(("MaxRepeatedSegments", "3"), ("MaxDepth", "100"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(["/a/b/", "/a/b/a/b/"], site.Requests.Where(r => r.Path.StartsWith("/a", StringComparison.Ordinal)).Select(r => r.Path));
        var skip = Assert.Single(index.Skipped);
        Assert.Equal(SkipReason.RepeatingSegments, skip.Reason);
        Assert.Equal("/a/b/a/b/a/b/", skip.Url.AbsolutePath);
        Assert.Equal(site.Url("/a/b/a/b/"), skip.FoundOn);
    }

    [Fact]
    public async Task CrawlAsync_EndlessChain_StoppedAtMaxDepth()
    {
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/deep/1") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/deep", out var rest))
                {
                    var n = int.Parse(rest.Value!.TrimStart('/'), CultureInfo.InvariantCulture);
                    await TestSite.WriteAsync(context, TestResponse.LinksTo($"/deep/{n + 1}"));
                    return;
                }

                await next(context);
            }));
        await using var crawler = TestCrawler.Create(("MaxDepth", "5"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(
            ["/deep/1", "/deep/2", "/deep/3", "/deep/4", "/deep/5"],
            site.Requests.Where(r => r.Path.StartsWith("/deep/", StringComparison.Ordinal)).Select(r => r.Path));
        var skip = Assert.Single(index.Skipped);
        Assert.Equal(SkipReason.MaxDepth, skip.Reason);
        Assert.Equal(site.Url("/deep/6"), skip.Url);
        Assert.Equal(5, index.Page(site.Url("/deep/5"))?.Depth);
    }

    [Fact]
    public async Task CrawlAsync_LongUrl_SkippedAsTooLong()
    {
        var longPath = "/" + new string('x', 200);
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo(longPath),
        });
        await using var crawler = TestCrawler.Create(("MaxUrlLength", "100"));

        var index = await crawler.CrawlAsync(site);

        Assert.Empty(site.RequestsTo(longPath));
        Assert.Equal(SkipReason.UrlTooLong, Assert.Single(index.Skipped).Reason);
    }

    [Fact]
    public async Task CrawlAsync_RedirectLoop_RecordedAndCrawlCompletes()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/a", "/ok.html"),
            ["/a"] = TestResponse.Redirect("/b"),
            ["/b"] = TestResponse.Redirect("/a"),
            ["/ok.html"] = TestResponse.Page("ok"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        var loop = Assert.Single(index.Skipped);
        Assert.Equal(SkipReason.RedirectLoop, loop.Reason);
        Assert.Equal(site.Url("/a"), loop.Url);
        Assert.Single(site.RequestsTo("/a"));
        Assert.Single(site.RequestsTo("/b"));
        Assert.NotNull(index.Page(site.Url("/ok.html")));
    }

    [Fact]
    public async Task CrawlAsync_LongRedirectChain_StoppedAtMaxRedirects()
    {
        var pages = new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/r/0") };
        for (var i = 0; i < 10; i++)
        {
            pages[$"/r/{i}"] = TestResponse.Redirect($"/r/{i + 1}", 301);
        }

        await using var site = await TestSite.StartAsync(pages);
        await using var crawler = TestCrawler.Create(("MaxRedirects", "3"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Equal(SkipReason.TooManyRedirects, Assert.Single(index.Skipped).Reason);
        Assert.Equal(4, site.Requests.Count(r => r.Path.StartsWith("/r/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CrawlAsync_RedirectToOtherSite_TargetNeverRequested()
    {
        await using var other = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.Page("อีกเว็บ") });
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/go-other", "/go-invalid", "/moved"),
            ["/go-other"] = TestResponse.Redirect(other.Url("/landing").AbsoluteUri),
            ["/go-invalid"] = TestResponse.Redirect("http://portal.example.invalid/"),
            ["/moved"] = TestResponse.Redirect("/new-home.html", 301),
            ["/new-home.html"] = TestResponse.Page("ย้ายมาแล้ว"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Empty(other.Requests);
        Assert.Equal(other.Url("/landing"), index.Fetch(site.Url("/go-other"))?.FinalUrl);
        Assert.Equal(new Uri("http://portal.example.invalid/"), index.Fetch(site.Url("/go-invalid"))?.FinalUrl);
        Assert.DoesNotContain(index.Fetches, f => f.Url.Host.EndsWith(".invalid", StringComparison.Ordinal));

        // An in-site redirect is followed and the page found under both URLs.
        var moved = index.Page(site.Url("/moved"));
        Assert.NotNull(moved);
        Assert.Equal(site.Url("/new-home.html"), moved.Url);
        Assert.Equal(site.Url("/moved"), moved.RequestedUrl);
    }
}
