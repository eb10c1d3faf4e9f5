using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling.Rendering;

/// <summary>
/// Rendering in a real headless Chromium (Debian's <c>chromium</c>): a menu that exists only once script runs is
/// found, the audit goes on without a browser (and says so), and the browser fetches nothing the crawler would not.
/// </summary>
[Trait("speed", "slow")]
public sealed class CrawlerRenderingTests
{
    // The ITA menu is built from a same-site JSON endpoint whose items are codes and titles, not URLs, and the
    // path is split across string pieces: nothing in the HTML or the JSON is a URL the HTML reader could find.
    private const string ScriptMenuHome = """
        <html><head><meta charset="utf-8"><title>องค์การบริหารส่วนตำบลทดสอบ</title></head><body>
        <h1>องค์การบริหารส่วนตำบลทดสอบ</h1>
        <nav><ul id="ita-menu"></ul></nav>
        <p><a href="/contact/">ติดต่อเรา</a></p>
        <script>
          var base = ['/i', 'ta', '/25', '69/'].join('');
          fetch('/api/' + 'menu').then(function (r) { return r.json(); }).then(function (items) {
            var ul = document.getElementById('ita-menu');
            items.forEach(function (it) {
              var a = document.createElement('a');
              a.href = base + it.k + '/';
              a.textContent = it.c + ' ' + it.t;
              var li = document.createElement('li');
              li.appendChild(a);
              ul.appendChild(li);
            });
          });
        </script>
        </body></html>
        """;

    private const string MenuJson = """
        [{"k":"o1","c":"O1","t":"โครงสร้าง"},{"k":"o2","c":"O2","t":"ข้อมูลผู้บริหาร"},{"k":"o3","c":"O3","t":"อำนาจหน้าที่"}]
        """;

    private static Dictionary<string, TestResponse> ScriptMenuSite() => new()
    {
        ["/"] = TestResponse.Html(ScriptMenuHome),
        ["/api/menu"] = TestResponse.Text(MenuJson, "application/json"),
        ["/contact/"] = TestResponse.Page("ติดต่อ โทร 053 000 000"),
        ["/ita/2569/o1/"] = TestResponse.Page("O1 โครงสร้างองค์กร"),
        ["/ita/2569/o2/"] = TestResponse.Page("O2 ข้อมูลผู้บริหาร"),
        ["/ita/2569/o3/"] = TestResponse.Page("O3 อำนาจหน้าที่"),
    };

    [Fact]
    public async Task CrawlAsync_MenuBuiltByScriptFromJson_ItemPagesFoundWithRenderAuto()
    {
        await using var site = await TestSite.StartAsync(ScriptMenuSite());
        await using var crawler = TestCrawler.Create(("Render", "auto"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        foreach (var code in new[] { "o1", "o2", "o3" })
        {
            Assert.NotNull(index.Page(site.Url($"/ita/2569/{code}/")));
        }

        var home = index.Page(site.Url("/"))!;
        Assert.Contains(home.Links, l => l.Url == site.Url("/ita/2569/o2/") && l.Text == "O2 ข้อมูลผู้บริหาร" && l.Kind == LinkKind.Anchor);
        Assert.Contains("O3 อำนาจหน้าที่", home.Text, StringComparison.Ordinal);
        Assert.Equal(1, index.Rendering.Rendered); // only the home page builds links; the item pages have no script
        Assert.Equal(1, index.Rendering.Wanted);
        Assert.Null(index.Rendering.Note);

        // The JSON came through the crawler's own fetch: its User-Agent, not the browser's.
        var json = Assert.Single(site.RequestsTo("/api/menu"));
        Assert.StartsWith("OitCrawler/1.0", json.UserAgent, StringComparison.Ordinal);
        Assert.Single(site.RequestsTo("/")); // the browser was given the page the crawler had; no second download
    }

    [Fact]
    public async Task CrawlAsync_BrowserMissing_CompletesWithoutItemsAndNotes()
    {
        await using var site = await TestSite.StartAsync(ScriptMenuSite());
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "chromium");
        await using var crawler = TestCrawler.Create(("Render", "auto"), ("BrowserPath", missing));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        Assert.Null(index.Page(site.Url("/ita/2569/o1/")));
        Assert.NotNull(index.Page(site.Url("/contact/")));
        Assert.Equal(0, index.Rendering.Rendered);
        Assert.Equal(1, index.Rendering.Wanted);
        Assert.Contains("not rendered", index.Rendering.Note, StringComparison.Ordinal);
        Assert.Contains(missing, index.Rendering.Note, StringComparison.Ordinal);
        Assert.Empty(site.RequestsTo("/api/menu"));
    }

    [Fact]
    public async Task CrawlAsync_RenderNever_NotRenderedAndNoNote()
    {
        await using var site = await TestSite.StartAsync(ScriptMenuSite());
        await using var crawler = TestCrawler.Create(("Render", "never"));

        var index = await crawler.CrawlAsync(site);

        Assert.Null(index.Page(site.Url("/ita/2569/o1/")));
        Assert.Equal(new RenderSummary("never", 0, 0, null), index.Rendering);
        Assert.Empty(site.RequestsTo("/api/menu"));
    }

    [Fact]
    public async Task CrawlAsync_RenderAlways_LimitedByMaxRenderedPagesWithNote()
    {
        await using var site = await TestSite.StartAsync(ScriptMenuSite());
        await using var crawler = TestCrawler.Create(("Render", "always"), ("MaxRenderedPages", "2"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(2, index.Rendering.Rendered);
        Assert.True(index.Rendering.Wanted >= 5, $"every HTML page wants rendering when always; {index.Rendering.Wanted}");
        Assert.Contains("Crawl:MaxRenderedPages 2", index.Rendering.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlAsync_ScriptReachesForMetadataLoopbackAndPrivateHosts_BrowserFetchesNothingOutsideTheCrawl()
    {
        await using var other = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/secret"] = TestResponse.Text("""[{"k":"leak","c":"X","t":"ความลับ"}]""", "application/json"),
            ["/img.png"] = TestResponse.Bytes([0x89, 0x50], "image/png"),
            ["/frame"] = TestResponse.Page("กรอบ"),
        });
        var pages = new Dictionary<string, TestResponse> { ["/ita/2569/o1/"] = TestResponse.Page("O1 โครงสร้าง"), ["/private"] = TestResponse.Page("ภายใน") };
        await using var site = await TestSite.StartAsync(pages);
        var o = $"http://127.0.0.1:{other.Port}";
        var privateInScope = $"http://localhost:{site.Port}/private"; // in scope through ExtraHosts, but a private address that is not the start host
        pages["/"] = TestResponse.Html($$"""
            <html><head><meta charset="utf-8"><title>ทดสอบ</title>
            <link rel="stylesheet" href="{{o}}/style.css"><link rel="prefetch" href="{{o}}/prefetch"></head><body>
            <ul id="ita-menu"></ul>
            <img src="{{o}}/img.png"><iframe src="{{o}}/frame"></iframe>
            <script>
              var tries = ['http://169.254.169.254/latest/meta-data/', '{{o}}/secret', '{{privateInScope}}'];
              tries.forEach(function (u) { fetch(u).catch(function () {}); });
              try { new WebSocket('ws://127.0.0.1:{{other.Port}}/ws'); } catch (e) {}
              try { navigator.sendBeacon('{{o}}/beacon', 'x'); } catch (e) {}
              var s = document.createElement('script'); s.src = '{{o}}/evil.js'; document.head.appendChild(s);
              var x = new XMLHttpRequest(); x.open('POST', '/ita/2569/o1/'); x.send('posted');
              var a = document.createElement('a'); a.href = '/ita/' + '2569/o1/'; a.textContent = 'O1 โครงสร้าง';
              document.getElementById('ita-menu').appendChild(a);
            </script>
            </body></html>
            """);
        await using var crawler = TestCrawler.Create(("Render", "auto"), ("ExtraHosts:0", "localhost"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(1, index.Rendering.Rendered);
        Assert.NotNull(index.Page(site.Url("/ita/2569/o1/"))); // the script ran
        Assert.Empty(other.Requests);
        Assert.DoesNotContain(site.Requests, r => r.Host.StartsWith("localhost", StringComparison.Ordinal));
        Assert.Single(site.RequestsTo("/ita/2569/o1/")); // the crawler's GET; the script's POST never left the browser
    }

    [Fact]
    public async Task CrawlAsync_TemplateMenuTheHtmlReaderAlreadyReads_RenderedOnceNotPerPage()
    {
        // Every page carries the same empty menu filled from an inline URL list: the HTML reader finds those URLs,
        // so the first render adds no link and the other pages of the template are not rendered.
        static TestResponse Templated(string body) => TestResponse.Html($$"""
            <html><head><meta charset="utf-8"><title>เทศบาลทดสอบ</title></head><body>
            <ul id="mainmenu"></ul><p>{{body}}</p>
            <script>
              var menuData = [{"url": "/p1/", "t": "หน้า 1"}, {"url": "/p2/", "t": "หน้า 2"}, {"url": "/p3/", "t": "หน้า 3"}, {"url": "/p4/", "t": "หน้า 4"}];
              menuData.forEach(function (m) { var a = document.createElement('a'); a.href = m.url; a.textContent = m.t; document.getElementById('mainmenu').appendChild(a); });
            </script></body></html>
            """);
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = Templated("หน้าแรก"),
            ["/p1/"] = Templated("หนึ่ง"),
            ["/p2/"] = Templated("สอง"),
            ["/p3/"] = Templated("สาม"),
            ["/p4/"] = Templated("สี่"),
        });
        await using var crawler = TestCrawler.Create(("Render", "auto"), ("Concurrency", "1"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(5, index.Pages.Count);
        Assert.Equal(1, index.Rendering.Rendered);
        Assert.Null(index.Rendering.Note);
    }
}
