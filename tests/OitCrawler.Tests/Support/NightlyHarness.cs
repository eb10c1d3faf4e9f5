using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Dashboard;
using OitCrawler.History;
using OitCrawler.Scheduling;

namespace OitCrawler.Tests.Support;

/// <summary>
/// The nightly pipeline wired through DI as <c>run-now</c> wires it (crawling, audit, history, alerts),
/// on a temp folder's database and output, auditing a loopback fixture site for ITA 2569.
/// </summary>
internal sealed class NightlyHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NightlyHarness(ServiceProvider services) => _services = services;

    public NightlyAudit Audit => _services.GetRequiredService<NightlyAudit>();

    public HistoryDatabase Database => _services.GetRequiredService<HistoryDatabase>();

    public IRunStore Store => _services.GetRequiredService<IRunStore>();

    public IServiceProvider Services => _services;

    public static Dictionary<string, string?> Settings(TempFolder temp, Uri site, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Audit:Site"] = site.AbsoluteUri,
            ["Audit:Year"] = "2569",
            ["Audit:RulesDirectory"] = Repo.Path("rules"),
            ["Audit:MeasuresFile"] = Repo.Path("measures", "thaphae.json"),
            ["Audit:OutputDirectory"] = temp.File("out"),
            ["History:DatabasePath"] = temp.File("history.db"),
            ["Crawl:RatePerSecond"] = "0",
            ["Crawl:RetryBaseDelay"] = "00:00:00.010",
            ["Crawl:MaxRetries"] = "1",
            ["Crawl:RequestTimeout"] = "00:00:05",
            ["Dashboard:Urls"] = "http://127.0.0.1:0", // serve's dashboard on a free port: tests run side by side
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static NightlyHarness Create(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null, LogRecorder? log = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b =>
            {
                if (log is not null)
                {
                    b.AddProvider(log);
                }
            })
            .AddCrawling(configuration)
            .AddAudit(configuration)
            .AddHistory(configuration)
            .AddAlerts(configuration)
            .AddNightlyAudit(configuration)
            .AddDashboardLinks(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return new NightlyHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
