using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Reporting;

public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oit-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Render_InChromium_LoadsCleanShowsThaiAndSiteMarkupAsText()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var result = SampleAudit.Build();
        var files = await ReportWriter.WriteAllAsync(result, [], _dir, false, ct);
        var html = files.Single(f => f.EndsWith("report.html", StringComparison.Ordinal));

        await using var browser = await Chromium.StartAsync(ct);
        var page = await browser.OpenAsync(html, 1150, 1500, ct);

        var text = (await browser.EvaluateAsync(page, "document.body.innerText", ct))!.GetValue<string>();
        Assert.Contains("ตัวชี้วัด", text, StringComparison.Ordinal);
        Assert.Contains("2568", text, StringComparison.Ordinal);
        Assert.Contains("15 มิถุนายน 2568", text, StringComparison.Ordinal); // Buddhist-era audit date
        Assert.Contains("เทศบาลตำบลท่าแพ", text, StringComparison.Ordinal);
        Assert.Contains(SampleAudit.Xss, text, StringComparison.Ordinal); // the hostile title shows as text…
        Assert.Equal(0, (await browser.EvaluateAsync(page, "document.querySelectorAll('script').length", ct))!.GetValue<int>()); // …and never runs
        Assert.Equal(HtmlReport.ContentSecurityPolicy, (await browser.EvaluateAsync(page, "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content", ct))!.GetValue<string>());
        Assert.Equal(7, (await browser.EvaluateAsync(page, "document.querySelectorAll('#subindicators svg').length", ct))!.GetValue<int>());
        Assert.Equal("th", (await browser.EvaluateAsync(page, "document.documentElement.lang", ct))!.GetValue<string>());
        Assert.Contains("Sarabun", (await browser.EvaluateAsync(page, "getComputedStyle(document.body).fontFamily", ct))!.GetValue<string>(), StringComparison.Ordinal);
        var links = (await browser.EvaluateAsync(page, "[...document.querySelectorAll('a[href]')].map(a => a.href)", ct))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains(SampleAudit.ThaiUrl.AbsoluteUri, links);
        Assert.DoesNotContain(links, l => l.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));

        var metrics = await browser.SendAsync("Page.getLayoutMetrics", null, page, ct);
        var size = metrics["cssContentSize"]!;
        var shot = await browser.SendAsync(
            "Page.captureScreenshot",
            new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = size["width"]!.GetValue<double>(), ["height"] = size["height"]!.GetValue<double>(), ["scale"] = 1 },
            },
            page,
            ct);
        var png = Convert.FromBase64String(shot["data"]!.GetValue<string>());
        Directory.CreateDirectory(Repo.Path("artifacts"));
        await File.WriteAllBytesAsync(Repo.Path("artifacts", "report-screenshot.png"), png, ct);
        Assert.True(png.Length > 50_000, $"screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // Printable on A4: the page's own @page size is honoured.
        var pdf = await browser.SendAsync("Page.printToPDF", new JsonObject { ["preferCSSPageSize"] = true, ["printBackground"] = true }, page, ct);
        var pdfBytes = Convert.FromBase64String(pdf["data"]!.GetValue<string>());
        await File.WriteAllBytesAsync(Repo.Path("artifacts", "report.pdf"), pdfBytes, ct);
        Assert.Equal("%PDF"u8.ToArray(), pdfBytes[..4]);
        Assert.Matches(A4MediaBox(), System.Text.Encoding.Latin1.GetString(pdfBytes));

        var errors = browser.Errors();
        Assert.True(errors.Count == 0, "the page reported errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Chromium_PageThatReachesTheNetworkOrThrows_IsReported()
    {
        // Guards the guard: the error collection above must see what it is meant to catch.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var file = Path.Combine(_dir, "bad.html");
        await File.WriteAllTextAsync(
            file,
            $"<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReport.ContentSecurityPolicy}\"></head>" +
            "<body><p>ทดสอบ</p><img src=\"http://127.0.0.1:9/x.png\"><script>boom()</script></body></html>",
            ct);

        await using var browser = await Chromium.StartAsync(ct);
        await browser.OpenAsync(file, 800, 600, ct);

        var errors = browser.Errors();
        Assert.Contains(errors, e => e.Contains("img-src", StringComparison.Ordinal)); // the image was refused
        Assert.Contains(errors, e => e.Contains("script-src", StringComparison.Ordinal)); // the inline script was refused
    }

    [Fact]
    public void Render_CrawledMarkup_IsEncodedNeverRaw()
    {
        var html = HtmlReport.Render(SampleAudit.Build(), []);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal); // from a note
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;ตัวหนา&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlyHttpEvidenceUrls_BecomeLinksAndNothingLoads()
    {
        var result = SampleAudit.Build();
        var html = HtmlReport.Render(result, []);

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<span class=\"nolink\">javascript:alert(2)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\ssrc\s*=", html); // no image, frame or script source at all
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        foreach (Match m in Href().Matches(html))
        {
            var href = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
            Assert.True(
                href.StartsWith('#') || href == "data:," || href.StartsWith("https://www.thaphae.go.th/", StringComparison.Ordinal),
                $"unexpected link target {href}");
        }
    }

    [Fact]
    public void Render_Page_IsThaiSelfContainedAndA4()
    {
        var html = HtmlReport.Render(SampleAudit.Build(), []);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"th\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReport.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains(HtmlReport.FontStack, html, StringComparison.Ordinal);
        Assert.Contains("ประจำปีงบประมาณ พ.ศ. 2568", html, StringComparison.Ordinal);
        Assert.Contains("15 มิถุนายน 2568", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EarlierRuns_ShowTheTrendAcrossRuns()
    {
        var result = SampleAudit.Build();
        TrendPoint Run(int day, double oit) => new(2568, new DateTimeOffset(2025, 3, day, 19, 0, 0, TimeSpan.Zero), oit, oit + 5, oit - 5, FromPastScores: false);

        var without = HtmlReport.Render(result, []);
        var with = HtmlReport.Render(result, [Run(1, 61.54), Run(2, 65.38)]);

        Assert.DoesNotContain("Trend across runs", without, StringComparison.Ordinal);
        Assert.Contains("Trend across runs", with, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(with, "<polyline "));
        Assert.Contains("<td class=\"num\">61.54</td>", with, StringComparison.Ordinal);
        Assert.Contains("2 มีนาคม 2568", with, StringComparison.Ordinal); // Buddhist-era date of the run
    }

    [Fact]
    public void Render_YearOverYear_ShowsSeedScoresAndDirection()
    {
        var result = SampleAudit.Build();
        var html = HtmlReport.Render(result, []);

        Assert.Contains("พ.ศ. 2566", html, StringComparison.Ordinal);
        Assert.Contains("พ.ศ. 2567", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">87.29</td>", html, StringComparison.Ordinal); // indicator 1, 2566, from the seed
        Assert.Contains("<td class=\"num\">63.57</td>", html, StringComparison.Ordinal); // indicator 9, 2567
        Assert.Contains("ต้องปรับปรุงโดยด่วน", html, StringComparison.Ordinal);
        Assert.Matches("เพิ่มขึ้น|ลดลง|เท่าเดิม", html);
    }

    [Fact]
    public void GroupGaps_BySharingUnits_EachGapOnceAndUncoveredLast()
    {
        var result = SampleAudit.Build();

        var groups = HtmlReport.GroupGaps(result);

        Assert.Equal(HtmlReport.NoMeasureGroup, groups[^1].Title);
        Assert.Equal(["O22", "O5"], groups[^1].Gaps.Select(g => g.Item.Rule.Code).Order(StringComparer.Ordinal));
        Assert.Equal(result.Gaps.Count, groups.Sum(g => g.Gaps.Count));
        Assert.All(result.Gaps, gap => Assert.Single(groups, g => g.Gaps.Contains(gap)));
        var o7 = Assert.Single(groups, g => g.Gaps.Any(x => x.Item.Rule.Code == "O7"));
        Assert.Contains("กองคลัง", o7.Title, StringComparison.Ordinal);
        Assert.Contains("กองช่าง", o7.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void GapsPerUnit_SharedGap_ListedForEveryOwner()
    {
        var result = SampleAudit.Build();

        var perUnit = HtmlReport.GapsPerUnit(result);

        Assert.Contains(perUnit, u => u.Unit.Name == "กองคลัง" && u.Gaps.Any(g => g.Item.Rule.Code == "O7"));
        Assert.Contains(perUnit, u => u.Unit.Name == "กองช่าง" && u.Gaps.Any(g => g.Item.Rule.Code == "O7"));
        Assert.DoesNotContain(perUnit, u => u.Gaps.Any(g => !g.HasMeasure));
    }

    [Fact]
    public void Render_NoMeasuresAndNoGaps_StillRenders()
    {
        var sample = SampleAudit.Build(withMeasures: false);
        var result = sample with { Gaps = [], Notes = [] };

        var html = HtmlReport.Render(result, []);

        Assert.Contains("<h1>เทศบาลตำบลท่าแพ</h1>", html, StringComparison.Ordinal); // no measures file: named from "หน้าแรก | เทศบาลตำบลท่าแพ"
        Assert.Contains("ไม่พบข้อที่ต้องแก้ไข", html, StringComparison.Ordinal);
        Assert.Contains("ยังไม่มีคะแนนของปีก่อน", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    // 595 × 842 points (A4 portrait), allowing for rounding.
    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]")]
    private static partial Regex A4MediaBox();
}
