using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>Pages and servers built to hold the crawler: each must end the fetch, not the crawl.</summary>
[Collection(TimingDefinition.Name)]
public sealed class CrawlerHostilePageTests
{
    [Fact]
    public async Task CrawlAsync_BodyDrippedOneByteAtATime_FetchTimesOutAndCrawlCompletes()
    {
        // Regression: the attempt timeout ended when the headers arrived, so a server that then sent
        // the body one byte every few seconds held a worker (and the nightly lock) for ever.
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/drip.html", "/ok.html"), ["/ok.html"] = TestResponse.Page("ปกติ") },
            app => app.Map("/drip.html", branch => branch.Run(async context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<html>", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            })));
        await using var crawler = TestCrawler.Create(("RequestTimeout", "00:00:00.500"), ("MaxRetries", "0"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Contains(index.Pages, p => p.Url.AbsolutePath == "/ok.html");
        var drip = Assert.Single(index.Fetches, f => f.Url.AbsolutePath == "/drip.html");
        Assert.Equal(0, drip.Status);
        Assert.Contains("did not arrive", drip.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlAsync_TimeLimitReached_EndsWithWhatWasGathered()
    {
        // An endless slow site: the crawl stops at MaxDuration and keeps its evidence.
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/p/1") },
            app => app.Map("/p", branch => branch.Run(async context =>
            {
                var n = int.Parse(context.Request.Path.Value!.Trim('/'), System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(100, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync($"<html><body><a href=\"/p/{n + 1}\">ต่อไป</a></body></html>", context.RequestAborted);
            })));
        await using var crawler = TestCrawler.Create(("MaxDuration", "00:00:01.500"), ("MaxDepth", "100"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.BudgetExhausted, index.Outcome);
        Assert.Contains("time limit", index.OutcomeReason, StringComparison.Ordinal);
        Assert.True(index.Pages.Count >= 3, $"{index.Pages.Count} pages gathered");
    }
}
