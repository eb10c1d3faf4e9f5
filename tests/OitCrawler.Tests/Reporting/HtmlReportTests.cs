using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Reporting;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Reporting;

[Trait("speed", "slow")]
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
        var files = await ReportWriter.WriteAllAsync(result, [], _dir, false, ReportLanguage.Th, ct);
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
        Assert.Contains("<span class=\"nolink url\">javascript:alert(2)</span>", html, StringComparison.Ordinal);
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

        Assert.DoesNotContain("แนวโน้มจากการตรวจแต่ละครั้ง", without, StringComparison.Ordinal);
        Assert.Contains("แนวโน้มจากการตรวจแต่ละครั้ง", with, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(with, "<polyline "));
        Assert.Contains("<td class=\"num\">61.54</td>", with, StringComparison.Ordinal);
        Assert.Contains("2 มีนาคม 2568", with, StringComparison.Ordinal); // Buddhist-era date of the run
        Assert.Contains(">เกณฑ์ 85</text>", with, StringComparison.Ordinal); // the pass line, labelled
        Assert.Contains(">100</text>", with, StringComparison.Ordinal); // a y axis with values
        Assert.Contains(">2 มี.ค. 68</text>", with, StringComparison.Ordinal); // dates under the x axis
        Assert.True(with.IndexOf("2 มีนาคม 2568", StringComparison.Ordinal) < with.IndexOf("3 มีนาคม 2568", StringComparison.Ordinal)); // the table runs oldest first, like the chart
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
    public void ReportView_SharedGap_CompleteUnderEveryOwner_WithTheOthersNamed()
    {
        var result = SampleAudit.Build();

        var units = ReportView.Build(result).Units;

        Assert.Equal(ReportView.NoMeasureGroup, units[^1].Name);
        Assert.Equal(["O5", "O22"], units[^1].Rows.Select(g => g.Gap.Item.Rule.Code)); // rules order
        Assert.All(result.Gaps, gap => Assert.Contains(units, u => u.Rows.Any(r => r.Gap == gap)));
        var klang = Assert.Single(units, u => u.Name == "กองคลัง");
        var chang = Assert.Single(units, u => u.Name == "กองช่าง");
        var o7 = Assert.Single(klang.Rows, r => r.Gap.Item.Rule.Code == "O7");
        Assert.Contains("กองช่าง", o7.SharedWith);
        Assert.DoesNotContain("กองคลัง", o7.SharedWith);
        Assert.Contains(chang.Rows, r => r.Gap.Item.Rule.Code == "O7");
        foreach (var unit in units)
        {
            // each unit's list is everything it owns, in rules order
            var owned = result.Gaps.Where(g => unit.IsUnit ? g.Units.Any(u => u.Name == unit.Name) : !g.HasMeasure).Select(g => g.Item.Rule.Code);
            Assert.Equal(owned.Order(StringComparer.Ordinal), unit.Rows.Select(r => r.Gap.Item.Rule.Code).Order(StringComparer.Ordinal));
            Assert.Equal(unit.Rows.Select(r => result.Rules.Items.ToList().FindIndex(i => i.Code == r.Gap.Item.Rule.Code)).Order(), unit.Rows.Select(r => result.Rules.Items.ToList().FindIndex(i => i.Code == r.Gap.Item.Rule.Code)));
        }
    }

    [Theory]
    [InlineData(CrawlOutcome.Unreachable)]
    [InlineData(CrawlOutcome.Cancelled)]
    [InlineData(CrawlOutcome.BudgetExhausted)]
    [InlineData(CrawlOutcome.HostFailing)]
    public void Render_CrawlNotFinished_ScoresAreDashWithTheReason(CrawlOutcome outcome)
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O7"] = ItemStatus.Missing, ["O13"] = ItemStatus.Review }, outcome);

        var html = HtmlReport.Render(result, []);

        Assert.Contains(">—</text>", html, StringComparison.Ordinal); // the gauges
        Assert.Contains("aria-label=\"OIT —\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + result.Score.Oit.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "</text>", html, StringComparison.Ordinal);
        Assert.Contains(OitCrawler.Text.Html.Encode(ReportView.NotScored(result.Evidence)), html, StringComparison.Ordinal);
        if (outcome == CrawlOutcome.Unreachable)
        {
            Assert.DoesNotContain("คะแนนที่เสี่ยงเสีย", html, StringComparison.Ordinal); // no "points at stake" for a site that did not answer
            Assert.DoesNotContain("id=\"items\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("id=\"units\"", html, StringComparison.Ordinal); // what was found is still listed
        }
    }

    [Fact]
    public void Render_CompleteCrawl_ShowsTheScores()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O7"] = ItemStatus.Missing });

        var html = HtmlReport.Render(result, []);

        Assert.Null(ReportView.NotScored(result.Evidence));
        Assert.Contains(">" + result.Score.Oit.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">—</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_PrintedOnA4_AtMostEightPages_SummaryFirstTwo_NoThaiWordBrokenInTheUnitSections()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(OitCrawler.Cli.ExitCodes.Ok, await OitCrawler.Cli.Commands.RunAsync(["demo", "--out", _dir], stdout, stderr, ct));
        var html = Directory.EnumerateFiles(_dir, "report.html", SearchOption.AllDirectories)
            .First(f => !f.Split(Path.DirectorySeparatorChar).Contains("latest", StringComparer.Ordinal)); // out/<host>/<date-time>/, not its "latest" copy

        await using var browser = await Chromium.StartAsync(ct);
        var page = await browser.OpenAsync(html, 1280, 1000, ct);
        var pdf = await browser.SendAsync("Page.printToPDF", new JsonObject { ["preferCSSPageSize"] = true, ["printBackground"] = true }, page, ct);
        var bytes = Convert.FromBase64String(pdf["data"]!.GetValue<string>());
        Directory.CreateDirectory(Repo.Path("artifacts"));
        await File.WriteAllBytesAsync(Repo.Path("artifacts", "demo-report.pdf"), bytes, ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();

        Assert.InRange(pages.Count, 3, 8);
        // Thai marks above and below a letter come out of the PDF in any order, some as the font's shifted forms
        // (private use U+F700–U+F71F): compare the base letters.
        static string Bare(string text) => string.Concat(text.Where(c => c != ' ' && c != '\u0E31' && c is not (>= '\u0E34' and <= '\u0E3A') && c is not (>= '\u0E47' and <= '\u0E4E') && c is not (>= '\uF700' and <= '\uF71F')));
        var bare = pages.Select(Bare).ToList();
        int PageOf(string marker) => bare.FindIndex(p => p.Contains(Bare(marker), StringComparison.Ordinal)) + 1;
        Assert.InRange(PageOf("คะแนนประมาณการ"), 1, 1); // headings in Thai only (the default --lang th)
        Assert.InRange(PageOf("สิ่งที่ต้องแก้ไข แยกตามหน่วยงาน"), 1, 2);
        Assert.InRange(PageOf("ผลคะแนนเทียบปีก่อน"), 1, 2);
        var units = PageOf("สิ่งที่ต้องแก้ไข รายละเอียดแยกตามหน่วยงาน");
        Assert.InRange(units, 2, 3); // the summary ends with a page break: at most two pages come before the units

        // Thai words: lay the report out at the printed width (A4 less the margins) in print media, and
        // check every line break inside Thai text in the unit sections against ICU's word boundaries.
        await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" }, page, ct);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 710, ["height"] = 1000, ["deviceScaleFactor"] = 1, ["mobile"] = false }, page, ct);
        var check = JsonNode.Parse((await browser.EvaluateAsync(page, ThaiLineBreaks("#units"), ct))!.GetValue<string>())!;
        Assert.True(check["breaks"]!.GetValue<int>() >= 20, $"too few line breaks inside Thai text to judge: {check.ToJsonString()}");
        Assert.True(check["bad"]!.AsArray().Count == 0, "Thai words broken across lines: " + check["bad"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task ThaiLineBreaks_TextBrokenAnywhere_IsCaught()
    {
        // Guards the guard: the old CSS (word-break: break-all on Thai link text) must fail the check above.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var file = Path.Combine(_dir, "breakall.html");
        await File.WriteAllTextAsync(
            file,
            "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"></head><body><div id=\"units\" style=\"width:180px;font-size:15px\">" +
            string.Concat(Enumerable.Repeat("<p style=\"word-break:break-all\">รายงานผลการดำเนินงานประจำปีของเทศบาลตำบลท่าแพ ความโปร่งใส</p>", 4)) + "</div></body></html>",
            ct);

        await using var browser = await Chromium.StartAsync(ct);
        var page = await browser.OpenAsync(file, 800, 600, ct);
        var check = JsonNode.Parse((await browser.EvaluateAsync(page, ThaiLineBreaks("#units"), ct))!.GetValue<string>())!;

        Assert.True(check["bad"]!.AsArray().Count > 0, check.ToJsonString());
    }

    // Every line break inside a Thai text node under `root` (URLs excepted): the grapheme where a new line
    // box starts (Range.getClientRects), and whether ICU's Thai dictionary (Intl.Segmenter, words) puts a
    // word boundary there. A break between two Thai letters that is not a word boundary is a broken word.
    private static string ThaiLineBreaks(string root) => $$"""
        (() => {
          const words = new Intl.Segmenter('th', { granularity: 'word' });
          const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
          const thai = /[฀-๿]/;
          const walker = document.createTreeWalker(document.querySelector('{{root}}'), NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let nodes = 0, breaks = 0;
          const bad = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const t = n.data;
            if (!thai.test(t) || n.parentElement.closest('.url')) continue;
            nodes++;
            const bounds = new Set([...words.segment(t)].map(s => s.index));
            let prevTop = null;
            for (const g of graphemes.segment(t)) {
              if (/\s/.test(g.segment)) continue;
              range.setStart(n, g.index);
              range.setEnd(n, g.index + g.segment.length);
              const rects = range.getClientRects();
              if (rects.length === 0) continue;
              const top = rects[0].top;
              if (prevTop !== null && top > prevTop + 4) {
                breaks++;
                if (!bounds.has(g.index) && thai.test(g.segment) && thai.test(t[g.index - 1] || '')) {
                  bad.push(t.slice(Math.max(0, g.index - 12), g.index) + '|' + t.slice(g.index, g.index + 12));
                }
              }
              prevTop = top;
            }
          }
          return JSON.stringify({ nodes, breaks, bad });
        })()
        """;

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
