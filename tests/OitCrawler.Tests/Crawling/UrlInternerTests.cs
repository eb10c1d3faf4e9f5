using System.Collections.Concurrent;
using OitCrawler.Crawling;
using OitCrawler.Web;

namespace OitCrawler.Tests.Crawling;

[Trait("speed", "fast")]
public sealed class UrlInternerTests
{
    [Fact]
    public void Intern_SameCanonicalUrlTwice_FirstInstance()
    {
        var urls = new UrlInterner();
        var first = Canonical("http://example.com/ข่าว/ประกาศ");
        var second = Canonical("HTTP://Example.COM:80/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8#top");
        Assert.NotSame(first, second);

        Assert.Same(first, urls.Intern(first));
        Assert.Same(first, urls.Intern(second));
    }

    [Fact]
    public void Intern_DistinctUrls_DistinctInstances()
    {
        var urls = new UrlInterner();
        string[] spellings = ["http://example.com/a", "http://example.com/A", "https://example.com/a", "http://example.com:8080/a", "http://example.com/a?x=1"];

        var interned = spellings.Select(s => urls.Intern(Canonical(s))).ToList();

        Assert.Equal(spellings.Length, interned.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(spellings, interned.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Intern_Null_Null() => Assert.Null(new UrlInterner().Intern(null));

    [Fact]
    public void Intern_TwoInterners_EachKeepsItsOwn()
    {
        var first = Canonical("http://example.com/a");
        var second = Canonical("http://example.com/a");

        Assert.Same(first, new UrlInterner().Intern(first));
        Assert.Same(second, new UrlInterner().Intern(second));
    }

    [Fact]
    public async Task Intern_ManyThreadsAtOnce_OneInstancePerUrl()
    {
        const int Threads = 8;
        const int Distinct = 500;
        var urls = new UrlInterner();
        var results = new ConcurrentBag<Uri>();
        using var start = new Barrier(Threads);

        // Every thread interns its own new instances of the same URLs in the same order, so that the
        // threads race for each one.
        var workers = Enumerable.Range(0, Threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var mine = Enumerable.Range(0, Distinct).Select(i => Canonical($"http://example.com/page/{i}")).ToList();
                start.SignalAndWait();
                foreach (var url in mine)
                {
                    results.Add(urls.Intern(url));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        await Task.WhenAll(workers);

        var byUrl = results.GroupBy(u => u.AbsoluteUri, StringComparer.Ordinal).ToList();
        Assert.Equal(Distinct, byUrl.Count);
        Assert.All(byUrl, g => Assert.Single(g.Distinct(ReferenceEqualityComparer.Instance)));
    }

    private static Uri Canonical(string url) => UrlCanonicalizer.Canonicalize(new Uri(url))!;
}
