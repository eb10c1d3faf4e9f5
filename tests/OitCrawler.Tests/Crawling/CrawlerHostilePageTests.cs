using System.Text;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;
using OitCrawler.Web;

namespace OitCrawler.Tests.Crawling;

/// <summary>Pages a hostile or broken site serves: each must leave the crawl complete, never crash it.</summary>
[Trait("speed", "slow")]
public sealed class CrawlerHostilePageTests
{
    private const string ThaiText = "ประกาศกรมตัวอย่าง เรื่อง การเปิดเผยข้อมูลข่าวสาร";

    [Fact]
    public async Task CrawlAsync_LinksAndRedirectToIpv6Literals_CompletesWithoutFollowingThem()
    {
        // Regression: any link to http://[::1]/, on a page or in a redirect, crashed the audit (exit 70, no report).
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("http://[::1]/", "http://[fe80::1%25eth0]:8080/x", "//[::ffff:127.0.0.1]/", "/moved", "/ok.html"),
            ["/moved"] = TestResponse.Redirect("http://[::1]:9/admin"),
            ["/ok.html"] = TestResponse.Page("หน้าปกติ"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.NotNull(index.Page(site.Url("/ok.html")));
        Assert.Equal("http://[::1]:9/admin", index.Fetch(site.Url("/moved"))?.FinalUrl?.AbsoluteUri); // recorded, not followed off-site
    }

    [Theory]
    [InlineData("text/html; charset=utf-7", "")]
    [InlineData("text/html", "<meta charset=\"utf-7\">")]
    [InlineData("text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-unknown-thing\">")]
    [InlineData("text/html; charset=\"\"", "")]
    public async Task CrawlAsync_UnsafeOrUnknownCharset_FallsBackAndReadsThePage(string contentType, string meta)
    {
        // Regression: charset=utf-7 (header or <meta>) threw NotSupportedException: exit 70 every night while the page existed.
        var body = Encoding.UTF8.GetBytes($"<html><head>{meta}<title>t</title></head><body><p>{ThaiText}</p><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p></body></html>");
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.Bytes(body, contentType) });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        var home = Assert.Single(index.Pages);
        Assert.Contains(ThaiText, home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", home.Text, StringComparison.Ordinal); // UTF-7 never decoded
        Assert.Equal("utf-8", home.Charset);
    }

    [Fact]
    public async Task CrawlAsync_UndeclaredUtf8PageWithOneStrayTis620Word_Utf8TextIntactAndTheWordRead()
    {
        // Regression: one TIS-620 word made the whole undeclared UTF-8 page decode as windows-874: every Thai word
        // garbled, every item on it a false gap.
        const string stray = "งบประมาณ";
        var body = Encoding.UTF8.GetBytes($"<html><head><title>ข่าว</title></head><body><p>{ThaiText}</p><p>")
            .Concat(Thai.Tis620(stray))
            .Concat(Encoding.UTF8.GetBytes("</p><p>รายงานผลการดำเนินงาน ประจำปี ๒๕๖๘</p></body></html>"))
            .ToArray();
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = TestResponse.Bytes(body, "text/html") });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var home = Assert.Single(index.Pages);
        Assert.Contains(ThaiText, home.Text, StringComparison.Ordinal);
        Assert.Contains("รายงานผลการดำเนินงาน ประจำปี ๒๕๖๘", home.Text, StringComparison.Ordinal);
        Assert.Contains(stray, home.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8", home.Charset);
    }

    [Theory]
    [InlineData("http://[::1]/", "http://[::1]/")]
    [InlineData("http://[::1]:8080/a/../b", "http://[::1]:8080/b")]
    [InlineData("http://[2001:DB8::1]/x", "http://[2001:db8::1]/x")]
    public void Canonicalize_Ipv6Literal_KeepsTheBrackets(string url, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(url))?.AbsoluteUri);
    }
}
