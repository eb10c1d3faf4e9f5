using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Cli;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Audit;

/// <summary>
/// The whole audit over a site whose ITA menu exists only once script runs (built from a same-site JSON endpoint of
/// codes and titles, with the path split across string pieces, so the HTML reader cannot see it): found with
/// Render=auto in a real Chromium; with the browser absent, the audit completes, the items are not found, and the
/// report and console say the pages were not rendered.
/// </summary>
[Trait("speed", "slow")]
public sealed class AuditRenderingTests
{
    private const string Home = """
        <html><head><meta charset="utf-8"><title>องค์การบริหารส่วนตำบลทดสอบ</title></head><body>
        <h1>องค์การบริหารส่วนตำบลทดสอบ</h1>
        <h2>การเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2569</h2>
        <ul id="ita-menu"></ul>
        <p><a href="/contact/">ติดต่อเรา</a></p>
        <script>
          var base = ['/i', 'ta', '/25', '69/'].join('');
          fetch('/api/' + 'ita').then(function (r) { return r.json(); }).then(function (items) {
            var ul = document.getElementById('ita-menu');
            items.forEach(function (it) {
              var a = document.createElement('a'); a.href = base + it.k + '/'; a.textContent = it.c + ' ' + it.t;
              var li = document.createElement('li'); li.appendChild(a); ul.appendChild(li);
            });
          });
        </script>
        </body></html>
        """;

    private static Dictionary<string, TestResponse> Site() => new()
    {
        ["/"] = TestResponse.Html(Home),
        ["/api/ita"] = TestResponse.Text("""[{"k":"o1","c":"O1","t":"โครงสร้าง หน้าที่และอำนาจ"}]""", "application/json"),
        ["/contact/"] = TestResponse.Page("ติดต่อ โทร 053 000 000"),
        ["/ita/2569/o1/"] = TestResponse.Page("<h1>O1 โครงสร้าง หน้าที่และอำนาจ</h1><p>แผนผังโครงสร้างองค์กร ฝ่ายการเมือง นายก อบต. ฝ่ายประจำ ปลัด อบต. อำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล</p>"),
    };

    private static async Task<AuditResult> AuditAsync(TestSite site, string? browserPath)
    {
        var settings = SiteAudit.Settings(2569, null);
        settings["Crawl:Render"] = "auto";
        if (browserPath is not null)
        {
            settings["Crawl:BrowserPath"] = browserPath;
        }

        using var host = Commands.BuildHost(settings);
        var runner = host.Services.GetRequiredService<AuditRunner>();
        return await Task.Run(() => runner.RunAsync(site.BaseUri, 2569, null, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ItaMenuOnlyInScript_ItemFoundWithRenderAuto()
    {
        await using var site = await TestSite.StartAsync(Site());

        var result = await AuditAsync(site, null);

        var o1 = result.Items.Single(i => i.Rule.Code == "O1");
        Assert.NotEqual(ItemStatus.Missing, o1.Status);
        Assert.Contains(o1.Evidence, e => e.Url == site.Url("/ita/2569/o1/"));
        Assert.Equal(1, result.Evidence.Rendering.Rendered);
        Assert.DoesNotContain(result.Notes, n => n.Contains("render", StringComparison.OrdinalIgnoreCase));
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.Serialize(ReportJson.ToDocument(result)));
        Assert.Equal(1, json.RootElement.GetProperty("crawl").GetProperty("rendered").GetInt32());
    }

    [Fact]
    public async Task RunAsync_BrowserAbsent_CompletesNotFoundAndReportSaysNotRendered()
    {
        await using var site = await TestSite.StartAsync(Site());
        var missing = Path.Combine(Path.GetTempPath(), "no-browser-" + Guid.NewGuid().ToString("N"), "chromium");

        var result = await AuditAsync(site, missing);

        Assert.Equal(OitCrawler.Evidence.CrawlOutcome.Completed, result.Evidence.Outcome);
        var o1 = result.Items.Single(i => i.Rule.Code == "O1");
        Assert.Equal(ItemStatus.Missing, o1.Status);
        var note = Assert.Single(result.Notes, n => n.Contains("not rendered", StringComparison.Ordinal));
        Assert.Contains("ไม่ได้เปิดหน้าเว็บด้วยเบราว์เซอร์", note, StringComparison.Ordinal);

        var console = new StringWriter();
        ConsoleReport.Write(console, result, []);
        Assert.Contains("not rendered", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("rendered 0 of 1", console.ToString(), StringComparison.Ordinal);
        var html = HtmlReport.Render(result, []);
        Assert.Contains("ไม่ได้เปิดหน้าเว็บด้วยเบราว์เซอร์", html, StringComparison.Ordinal);
        Assert.Contains("<td>0 หน้า จาก 1 หน้าที่สร้างลิงก์ด้วยสคริปต์ (Crawl:Render auto)", html, StringComparison.Ordinal);
    }
}
