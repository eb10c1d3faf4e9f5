using System.Net;
using Microsoft.AspNetCore.Builder;
using OitCrawler.Demo;

namespace OitCrawler.Tests.Demo;

[Trait("speed", "slow")]
public sealed class StaticSiteServerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("oitcrawler-site-").FullName;
    private readonly HttpClient _client = new();

    [Fact]
    public async Task StartAsync_ConfigureMapsRoute_RouteAnswersInFrontOfFallback404()
    {
        // Regression: endpoints mapped in configure were wired after the terminal 404 and never ran.
        await using var server = await StaticSiteServer.StartAsync(null, app => app.MapGet("/generated", () => "generated page"));

        var routed = await _client.GetAsync(new Uri(server.BaseUri, "/generated"));
        var missing = await _client.GetAsync(new Uri(server.BaseUri, "/missing"));

        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Equal("generated page", await routed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task StartAsync_RootAndRoute_ServesBothFilesAndRoute()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<html><body>หน้าแรก</body></html>");
        await using var server = await StaticSiteServer.StartAsync(_root, app => app.MapGet("/api", () => "route"));

        var home = await _client.GetStringAsync(server.BaseUri);
        var route = await _client.GetStringAsync(new Uri(server.BaseUri, "/api"));

        Assert.Contains("หน้าแรก", home, StringComparison.Ordinal);
        Assert.Equal("route", route);
        Assert.Equal(IPAddress.Loopback.ToString(), server.BaseUri.Host);
    }

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
