using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Audit;
using OitCrawler.Cli;
using OitCrawler.Demo;

namespace OitCrawler.Tests.Support;

/// <summary>Runs the real audit pipeline over a folder of static files served on 127.0.0.1.</summary>
internal static class SiteAudit
{
    /// <summary>Serves <paramref name="root"/> (paths under /_down/ drop the connection) and audits it for <paramref name="year"/>.</summary>
    public static async Task<AuditResult> RunAsync(string root, int year, string? measuresFile = null, CancellationToken cancellationToken = default)
    {
        await using var server = await StaticSiteServer.StartAsync(root, DropDownPaths, cancellationToken);
        using var host = Commands.BuildHost(Settings(year, measuresFile));
        var runner = host.Services.GetRequiredService<AuditRunner>();
        return await runner.RunAsync(server.BaseUri, year, null, cancellationToken);
    }

    public static Dictionary<string, string?> Settings(int year, string? measuresFile) => new(StringComparer.Ordinal)
    {
        ["Audit:Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Audit:RulesDirectory"] = Repo.Path("rules"),
        ["Audit:MeasuresFile"] = measuresFile ?? string.Empty,
        ["Crawl:RatePerSecond"] = "0",
        ["Crawl:Concurrency"] = "4",
        ["Crawl:MaxRetries"] = "1",
        ["Crawl:RetryBaseDelay"] = "00:00:00.010",
        ["Serilog:MinimumLevel:Default"] = "Error",
        ["Serilog:WriteTo:1:Name"] = "Console",
        ["Serilog:WriteTo:2:Name"] = "Console",
    };

    public static void DropDownPaths(WebApplication app) =>
        app.Map("/_down", branch => branch.Run(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        }));
}
