using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Crawling;
using OitCrawler.Evidence;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A <see cref="Crawler"/> built through DI exactly as the app builds it, from "Crawl:…" settings
/// layered over test defaults (no rate limit, short retry delays, short timeouts).
/// </summary>
internal sealed class TestCrawler : IAsyncDisposable
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

    /// <summary>
    /// Crawls <paramref name="site"/> from its root (or <paramref name="startPath"/>). A crawl that
    /// hangs is cancelled after <see cref="SafetyTimeout"/> and comes back <see cref="CrawlOutcome.Cancelled"/>,
    /// which fails the test's outcome assertion instead of hanging the suite.
    /// </summary>
    public Task<EvidenceIndex> CrawlAsync(TestSite site, string startPath = "/", ILinkPrioritizer? prioritizer = null) =>
        CrawlAsync(site.Url(startPath), prioritizer);

    public async Task<EvidenceIndex> CrawlAsync(Uri start, ILinkPrioritizer? prioritizer = null)
    {
        // Off xunit's synchronization context, as in the app: otherwise every continuation of the
        // crawl queues behind the test runner's few threads.
        using var safety = new CancellationTokenSource(SafetyTimeout);
        return await Task.Run(() => Crawler.CrawlAsync(start, prioritizer ?? NoPriority.Instance, null, safety.Token));
    }

    public static TimeSpan SafetyTimeout { get; } = TimeSpan.FromSeconds(20);

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
