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
    /// <param name="agencyKind">The agency's kind (<c>Audit:AgencyKind</c>), when the site states one.</param>
    /// <param name="origin">
    /// The agency's real origin (<c>https://www.example.go.th</c>) when its pages write absolute or plain-text URLs on
    /// it: the server rewrites that origin (http or https, with or without www) in every HTML page to its own.
    /// </param>
    public static async Task<AuditResult> RunAsync(string root, int year, string? measuresFile = null, string? agencyKind = null, string? origin = null, CancellationToken cancellationToken = default)
    {
        await using var server = await StaticSiteServer.StartAsync(root, app =>
        {
            DropDownPaths(app);
            if (origin is not null)
            {
                RewriteOrigin(app, root, new Uri(origin).Host);
            }
        }, cancellationToken);
        var settings = Settings(year, measuresFile);
        if (agencyKind is not null)
        {
            settings["Audit:AgencyKind"] = agencyKind;
        }

        using var host = Commands.BuildHost(settings);
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

    /// <summary>Serves HTML files of <paramref name="root"/> with every URL on <paramref name="host"/> (and its www/bare twin) pointing at this server.</summary>
    private static void RewriteOrigin(WebApplication app, string root, string host)
    {
        var bare = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        var pattern = new System.Text.RegularExpressions.Regex(@"https?://(?:www\.)?" + System.Text.RegularExpressions.Regex.Escape(bare), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        app.Use(async (context, next) =>
        {
            var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
            var file = Path.Combine(Path.GetFullPath(root), path.TrimStart('/'));
            if (path.EndsWith('/') && File.Exists(Path.Combine(file, "index.html")))
            {
                file = Path.Combine(file, "index.html");
            }

            if (!File.Exists(file) || !(file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            // Latin-1 maps every byte to one char and back, so TIS-620 pages survive the round trip.
            var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, context.RequestAborted));
            var self = $"{context.Request.Scheme}://{context.Request.Host}";
            var body = System.Text.Encoding.Latin1.GetBytes(pattern.Replace(text, self));
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
    }

    public static void DropDownPaths(WebApplication app) =>
        app.Map("/_down", branch => branch.Run(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        }));
}
