using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OitCrawler.Dashboard;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Dashboard;

/// <summary>The dashboard of a real <c>serve</c> over a real history, driven in headless Chromium and over HTTP.</summary>
[Trait("speed", "slow")]
public sealed class DashboardPagesTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EveryPage_InChromium_ThaiNoErrorsNoScriptAxeClean()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        var site = "site=" + Uri.EscapeDataString(f.SiteA.AbsoluteUri);
        var pages = new[]
        {
            "/", "/runs", $"/runs/{f.RunsA[0]}", "/items", $"/items/O11?{site}", "/units", "/sites", "/sites?sort=oit&dir=desc",
            "/?site=" + Uri.EscapeDataString(f.SiteB.AbsoluteUri), $"/runs/{f.RunB}",
        };

        await using var browser = await Chromium.StartAsync(ct);
        foreach (var path in pages)
        {
            var errorsBefore = browser.Errors().Count;
            var page = await browser.OpenAsync(new Uri(f.Dashboard, path).AbsoluteUri, 1280, 900, ct);
            var text = (await browser.EvaluateAsync(page, "document.body.innerText", ct))!.GetValue<string>();

            Assert.Equal("th", (await browser.EvaluateAsync(page, "document.documentElement.lang", ct))!.GetValue<string>());
            Assert.Contains("การตรวจ", text, StringComparison.Ordinal);
            Assert.Equal(0, (await browser.EvaluateAsync(page, "document.querySelectorAll('script').length", ct))!.GetValue<int>());
            Assert.True(
                (await browser.EvaluateAsync(page, "getComputedStyle(document.body).fontFamily", ct))!.GetValue<string>().Contains("Sarabun", StringComparison.Ordinal),
                $"{path}: the stylesheet did not load");
            var errors = browser.Errors().Skip(errorsBefore).ToList();
            Assert.True(errors.Count == 0, $"{path} reported errors:\n" + string.Join("\n", errors));
            var violations = await AxeCore.SeriousViolationsAsync(browser, page, ct);
            Assert.True(violations.Count == 0, $"{path}: axe-core {AxeCore.Version} found serious or critical violations:\n" + string.Join("\n", violations));

            switch (path)
            {
                case "/":
                    Assert.Contains("ตรวจครั้งถัดไป", text, StringComparison.Ordinal);
                    Assert.Contains("เกณฑ์ 85", text, StringComparison.Ordinal);
                    Assert.Contains("เทศบาลตำบลท่าแพ", text, StringComparison.Ordinal); // the agency from the measures file
                    Assert.Matches(@"\d{1,2} [ก-๙]+ 25\d\d", text); // Buddhist-era dates
                    Assert.Equal(3, (await browser.EvaluateAsync(page, "document.querySelectorAll('svg polyline').length", ct))!.GetValue<int>());
                    Assert.Contains("O11", (await browser.EvaluateAsync(page, "[...document.querySelectorAll('strong.worse')].map(e => e.textContent).join(' ')", ct))!.GetValue<string>(), StringComparison.Ordinal);
                    await ScreenshotAsync(browser, page, ct);
                    break;
                case var p when p.StartsWith("/runs/" + f.RunsA[0], StringComparison.Ordinal):
                    Assert.Contains(DashboardFixture.Hostile, text, StringComparison.Ordinal); // the crawled link text, shown as text
                    Assert.Contains("report.html", text, StringComparison.Ordinal);
                    break;
                case var p when p.StartsWith("/items/O11", StringComparison.Ordinal):
                    Assert.Contains("ไม่ผ่านตั้งแต่การตรวจเมื่อ", text, StringComparison.Ordinal);
                    Assert.Contains("ผ่านครั้งล่าสุดเมื่อ", text, StringComparison.Ordinal);
                    Assert.Contains("เริ่มไม่ผ่าน", text, StringComparison.Ordinal); // the run where it turned
                    break;
                case "/sites?sort=oit&dir=desc":
                    var oit = (await browser.EvaluateAsync(page, "[...document.querySelectorAll('tbody tr td:nth-child(3)')].map(td => parseFloat(td.textContent))", ct))!.AsArray().Select(n => n!.GetValue<double>()).ToList();
                    Assert.Equal(2, oit.Count);
                    Assert.True(oit[0] >= oit[1], $"not sorted by OIT descending: {string.Join(", ", oit)}");
                    break;
                case "/units":
                    Assert.Contains("สิ่งที่ต้องทำ", text, StringComparison.Ordinal);
                    Assert.Contains("O11", text, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public async Task MailLink_OpensThatRunsReportThroughTheDashboard()
    {
        var expected = $"{DashboardFixture.PublicUrl}runs/{f.RunsA[0]}/report.html";
        Assert.Contains(expected, f.DigestText, StringComparison.Ordinal);

        using var client = f.Client();
        using var response = await client.GetAsync(new Uri(expected).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var newest = OitCrawler.Reporting.ReportFolders.ResolveLatest(OitCrawler.Reporting.ReportFolders.SiteFolder(f.OutputFolder, f.SiteA))!; // out/<host>/latest: RunsA[0]
        var onDisk = await File.ReadAllTextAsync(Path.Combine(newest, "report.html"));
        Assert.Equal(onDisk, await response.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RunsItemsTrendSites_VersionedJson()
    {
        using var client = f.Client();
        var site = Uri.EscapeDataString(f.SiteA.AbsoluteUri);

        var all = await JsonAsync(client, "/api/v1/runs");
        Assert.Equal(1, all["schemaVersion"]!.GetValue<int>());
        Assert.Equal(4, all["runs"]!.AsArray().Count);
        Assert.DoesNotContain(f.OutputFolder, all.ToJsonString(), StringComparison.Ordinal); // no server folder leaks

        var runsA = await JsonAsync(client, $"/api/v1/runs?site={site}");
        Assert.Equal(f.RunsA, runsA["runs"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>()));
        Assert.Equal($"/runs/{f.RunsA[0]}/report.html", runsA["runs"]![0]!["reportUrl"]!.GetValue<string>());

        var run = await JsonAsync(client, $"/api/v1/runs/{f.RunsA[0]}");
        var o11 = run["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "O11")!;
        Assert.NotEqual("pass", o11["status"]!.GetValue<string>());
        Assert.NotEmpty(o11["reasons"]!.AsArray());

        var item = await JsonAsync(client, $"/api/v1/items/O11?site={site}");
        var statuses = item["timeline"]!.AsArray().Select(v => v!["item"]!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.NotEqual("pass", statuses[0]);
        Assert.Equal(["pass", "pass"], statuses[1..]);

        var trend = await JsonAsync(client, $"/api/v1/trend?site={site}");
        Assert.Equal(f.RunsA.Reverse(), trend["runs"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>()));

        var sites = await JsonAsync(client, "/api/v1/sites");
        Assert.Equal(2, sites["sites"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/runs/no-such-run")).StatusCode);
    }

    [Fact]
    public async Task Healthz_DatabaseReadable_LastRunAge()
    {
        using var client = f.Client();
        var health = await JsonAsync(client, "/healthz");

        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal("readable", health["database"]!.GetValue<string>());
        Assert.Equal(f.RunsA[0], health["lastRunId"]!.GetValue<string>());
        var age = health["lastRunAgeHours"]!.GetValue<double>();
        Assert.InRange(age, 0.9, 2); // the last run was stored an hour "ago" on the shifted clock
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_RefuseWritesAndStrayFiles()
    {
        using var client = f.Client();
        using var page = await client.GetAsync("/");

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(DashboardServer.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(page.Headers.Contains("Server"));

        using var post = await client.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        foreach (var stray in new[] { $"/runs/{f.RunsA[0]}/..%2F..%2Fhistory.db", $"/runs/{f.RunsA[0]}/evidence.json", "/runs/../history.db", "/nothing-here" })
        {
            using var response = await client.GetAsync(stray);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task ScreenshotAsync(Chromium browser, string page, CancellationToken ct)
    {
        var size = (await browser.SendAsync("Page.getLayoutMetrics", null, page, ct))["cssContentSize"]!;
        var shot = await browser.SendAsync(
            "Page.captureScreenshot",
            new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = size["width"]!.GetValue<double>(), ["height"] = Math.Min(size["height"]!.GetValue<double>(), 1600), ["scale"] = 1 },
            },
            page,
            ct);
        var png = Convert.FromBase64String(shot["data"]!.GetValue<string>());
        Directory.CreateDirectory(Repo.Path("artifacts"));
        await File.WriteAllBytesAsync(Repo.Path("artifacts", "dashboard-overview.png"), png, ct);
        Assert.True(png.Length > 30_000, $"screenshot is only {png.Length} bytes");
    }
}
