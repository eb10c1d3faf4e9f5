using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Assessment;
using OitCrawler.Crawling;
using OitCrawler.Demo;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Tests.Support;
using OitCrawler.Audit;

namespace OitCrawler.Tests.History;

/// <summary>A nightly re-crawl through the page cache: conditional requests against a real loopback server.</summary>
[Trait("speed", "slow")]
public sealed class SqlitePageCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SecondCrawl_SendsConditionalRequests_Gets304s_AndReusesIdenticalEvidence()
    {
        var requests = new ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince)>();
        await using var server = await StaticSiteServer.StartAsync(
            Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site"),
            app => app.Use(async (context, next) =>
            {
                requests.Enqueue((context.Request.Path.Value ?? "/", context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.IfModifiedSince.FirstOrDefault()));
                await next(context);
            }));
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        await using var services = Crawling();
        var crawler = services.GetRequiredService<Crawler>();
        var prioritizer = new RulesLinkPrioritizer(Audits.Rules(2569));

        var empty = await SqlitePageCache.LoadAsync(database, server.BaseUri, CancellationToken.None);
        Assert.Equal(0, empty.Count);
        var first = await Task.Run(() => crawler.CrawlAsync(server.BaseUri, prioritizer, empty, null, CancellationToken.None));
        Assert.Equal(CrawlOutcome.Completed, first.Outcome);
        Assert.DoesNotContain(requests, r => r.IfNoneMatch is not null || r.IfModifiedSince is not null);
        var saved = await SqlitePageCache.SaveAsync(database, first, DateTimeOffset.UnixEpoch.AddYears(55), CancellationToken.None);
        Assert.Equal(first.Pages.Count + first.Documents.Count, saved);

        requests.Clear();
        var cache = await SqlitePageCache.LoadAsync(database, server.BaseUri, CancellationToken.None);
        Assert.Equal(saved, cache.Count);
        var second = await Task.Run(() => crawler.CrawlAsync(server.BaseUri, prioritizer, cache, null, CancellationToken.None));

        Assert.Equal(CrawlOutcome.Completed, second.Outcome);
        var pagesAsked = requests.Where(r => r.Path is not "/robots.txt" and not "/sitemap.xml").ToList();
        Assert.NotEmpty(pagesAsked);
        Assert.All(pagesAsked.Where(r => first.Pages.Any(p => p.Url.AbsolutePath == r.Path)), r => Assert.NotNull(r.IfNoneMatch)); // pages: ETag
        var documentsAsked = pagesAsked.Where(r => first.Documents.Any(d => d.Url.AbsolutePath == r.Path)).ToList();
        Assert.NotEmpty(documentsAsked);
        Assert.All(documentsAsked, r => Assert.NotNull(r.IfNoneMatch)); // documents: ETag too, not only Last-Modified
        Assert.Equal(saved, second.Fetches.Count(f => f.Status == 304));
        Assert.Equal(Shape(first), Shape(second));

        // Verdicts from reused evidence are the verdicts from fresh evidence.
        var rules = Audits.Rules(2569);
        Assert.Equal(Assessor.Assess(first, rules, 2569).Select(i => (i.Rule.Code, i.Status)), Assessor.Assess(second, rules, 2569).Select(i => (i.Rule.Code, i.Status)));
    }

    [Fact]
    public async Task SaveAsync_CompleteCrawl_DropsPagesTheSiteNoLongerHas()
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        var site = new Uri("http://127.0.0.1:1/");
        var old = new PageEvidence { Url = new Uri(site, "gone/"), ETag = "\"1\"" };
        var kept = new PageEvidence { Url = new Uri(site, "kept/"), ETag = "\"2\"" };
        await SqlitePageCache.SaveAsync(database, new EvidenceIndex(site, [old, kept], [], [], [], CrawlOutcome.Completed, null), DateTimeOffset.UnixEpoch, CancellationToken.None);
        await SqlitePageCache.SaveAsync(database, new EvidenceIndex(site, [kept], [], [], [], CrawlOutcome.Cancelled, null), DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None);
        Assert.Equal(2, (await SqlitePageCache.LoadAsync(database, site, CancellationToken.None)).Count); // a partial crawl proves nothing gone

        await SqlitePageCache.SaveAsync(database, new EvidenceIndex(site, [kept], [], [], [], CrawlOutcome.Completed, null), DateTimeOffset.UnixEpoch.AddDays(2), CancellationToken.None);

        var cache = await SqlitePageCache.LoadAsync(database, site, CancellationToken.None);
        Assert.Equal(1, cache.Count);
        Assert.Equal("\"2\"", cache.Lookup(kept.Url)!.ETag);
        Assert.Null(cache.Lookup(old.Url));
    }

    [Fact]
    public async Task SaveAsync_CrawlsAlwaysCutByTheBudget_DropPagesUnseenFor30Days_CancelledNever()
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        var site = new Uri("http://127.0.0.1:1/");
        var start = DateTimeOffset.UnixEpoch;
        var unseen = new PageEvidence { Url = new Uri(site, "unseen/"), ETag = "\"1\"" };
        var kept = new PageEvidence { Url = new Uri(site, "kept/"), ETag = "\"2\"" };
        var late = new PageEvidence { Url = new Uri(site, "late/"), ETag = "\"3\"" };
        EvidenceIndex Crawl(CrawlOutcome outcome, params PageEvidence[] pages) => new(site, pages, [], [], [], outcome, null);
        async Task<int> CountAsync() => (await SqlitePageCache.LoadAsync(database, site, CancellationToken.None)).Count;

        await SqlitePageCache.SaveAsync(database, Crawl(CrawlOutcome.BudgetExhausted, unseen, kept), start, CancellationToken.None);
        await SqlitePageCache.SaveAsync(database, Crawl(CrawlOutcome.BudgetExhausted, kept, late), start.AddDays(29), CancellationToken.None);
        Assert.Equal(3, await CountAsync()); // not yet 30 days unseen

        await SqlitePageCache.SaveAsync(database, Crawl(CrawlOutcome.Cancelled, kept), start.AddDays(80), CancellationToken.None);
        Assert.Equal(3, await CountAsync()); // a cancelled crawl prunes nothing

        await SqlitePageCache.SaveAsync(database, Crawl(CrawlOutcome.BudgetExhausted, kept), start.AddDays(31), CancellationToken.None);
        var cache = await SqlitePageCache.LoadAsync(database, site, CancellationToken.None);
        Assert.Null(cache.Lookup(unseen.Url)); // last seen day 0
        Assert.NotNull(cache.Lookup(late.Url)); // last seen day 29
        Assert.NotNull(cache.Lookup(kept.Url));
    }

    private static ServiceProvider Crawling()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crawl:RatePerSecond"] = "0",
            ["Crawl:Concurrency"] = "1", // one order of discovery, so where each page was found is the same in both crawls
            ["Crawl:RetryBaseDelay"] = "00:00:00.010",
            ["Crawl:MaxRetries"] = "1",
        }).Build();
        return new ServiceCollection().AddLogging().AddCrawling(configuration).BuildServiceProvider();
    }

    private static string Shape(EvidenceIndex index) => JsonSerializer.Serialize(new
    {
        Pages = index.Pages.OrderBy(p => p.Url.AbsoluteUri, StringComparer.Ordinal).ToList(),
        Documents = index.Documents.OrderBy(d => d.Url.AbsoluteUri, StringComparer.Ordinal).ToList(),
    });
}
