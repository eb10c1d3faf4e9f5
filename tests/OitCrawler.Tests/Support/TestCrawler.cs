using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Crawling;
using OitCrawler.Evidence;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A <see cref="Crawler"/> built through DI exactly as the app builds it, from "Crawl:…" settings
/// layered over test defaults (no rate limit, short retry delays, short timeouts).
/// </summary>
public sealed class TestCrawler : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Crawl:RatePerSecond"] = "0",
        ["Crawl:RetryBaseDelay"] = "00:00:00.01",
        ["Crawl:RequestTimeout"] = "00:00:05",
        ["Crawl:MaxRetries"] = "2",
    };

    private readonly ServiceProvider _services;

    private TestCrawler(ServiceProvider services)
    {
        _services = services;
        Crawler = services.GetRequiredService<Crawler>();
    }

    public Crawler Crawler { get; }

    /// <param name="settings">Keys without the "Crawl:" prefix, e.g. <c>("MaxPages", "5")</c>.</param>
    public static TestCrawler Create(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(Defaults);
        foreach (var (key, value) in settings)
        {
            values["Crawl:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddCrawling(configuration).BuildServiceProvider();
        return new TestCrawler(services);
    }

    /// <summary>Crawls <paramref name="site"/> from its root (or <paramref name="startPath"/>).</summary>
    public Task<EvidenceIndex> CrawlAsync(TestSite site, string startPath = "/", ILinkPrioritizer? prioritizer = null, CancellationToken cancellationToken = default) =>
        Crawler.CrawlAsync(site.Url(startPath), prioritizer ?? NoPriority.Instance, null, cancellationToken);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
