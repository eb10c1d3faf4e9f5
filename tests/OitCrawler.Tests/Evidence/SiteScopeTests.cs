using OitCrawler.Evidence;
using OitCrawler.Web;

namespace OitCrawler.Tests.Evidence;

[Trait("speed", "fast")]
public sealed class SiteScopeTests
{
    [Theory]
    [InlineData("https://www.thaphae.go.th/", "https://www.thaphae.go.th/ita/", true)]
    [InlineData("https://www.thaphae.go.th/", "https://thaphae.go.th/ita/", true)] // the bare twin
    [InlineData("https://www.thaphae.go.th/", "http://thaphae.go.th/ita/", true)] // http/https twins on default ports
    [InlineData("https://www.thaphae.go.th/", "https://www.thaphae.go.th:8443/", false)] // another port is another site
    [InlineData("https://www.thaphae.go.th/", "https://e-service.thaphae.go.th/", true)] // extra host, default port
    [InlineData("https://www.thaphae.go.th/", "https://e-service.thaphae.go.th:8443/", false)] // extra host named without a port
    [InlineData("https://www.thaphae.go.th/", "http://gis.thaphae.go.th:8080/map/", true)] // extra host:port
    [InlineData("https://www.thaphae.go.th/", "http://GIS.thaphae.go.th:8080/", true)] // host case does not matter
    [InlineData("https://www.thaphae.go.th/", "http://gis.thaphae.go.th/", false)] // ...but the named port does
    [InlineData("https://www.thaphae.go.th/", "http://gis.thaphae.go.th:8081/", false)]
    [InlineData("https://www.thaphae.go.th/", "https://www.gprocurement.go.th/", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/a", true)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/a", false)]
    public void Contains_StartHostTwinsAndExtraHosts(string start, string url, bool expected)
    {
        var scope = SiteScope.For(new Uri(start), ["e-service.thaphae.go.th", " gis.thaphae.go.th:8080 "]);

        Assert.Equal(expected, scope.Contains(new Uri(url)));
    }

    [Theory]
    [InlineData("e-service.thaphae.go.th", "e-service.thaphae.go.th", null)]
    [InlineData("thaphae.go.th:8080", "thaphae.go.th", 8080)]
    [InlineData("thaphae.go.th:80", "thaphae.go.th", 80)] // explicit, even though it is http's default
    [InlineData("ท่าแพ.go.th", "xn--o3co3dyc7a.go.th", null)] // IDN: compared in its ASCII form
    [InlineData("[2001:db8::1]:8080", "2001:db8::1", 8080)] // IdnHost: no brackets
    [InlineData("[2001:db8::1]", "2001:db8::1", null)]
    public void TryParseExtraHost_HostOrHostAndPort(string entry, string host, int? port)
    {
        Assert.True(SiteScope.TryParseExtraHost(entry, out var h, out var p));
        Assert.Equal(host, h);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://thaphae.go.th/")]
    [InlineData("thaphae.go.th/ita")]
    [InlineData("user@thaphae.go.th")]
    [InlineData("thaphae.go.th:http")]
    [InlineData("thaphae.go.th:99999")]
    [InlineData("thaphae.go.th?x=1")]
    [InlineData("thaphae.go.th:")]
    public void TryParseExtraHost_AnythingElse_IsRejected(string entry) =>
        Assert.False(SiteScope.TryParseExtraHost(entry, out _, out _));
}
