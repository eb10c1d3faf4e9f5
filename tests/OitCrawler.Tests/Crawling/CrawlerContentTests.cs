using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Crawling;

/// <summary>What the crawler reads from a response: Thai legacy encodings, byte caps, documents.</summary>
[Trait("speed", "slow")]
public sealed class CrawlerContentTests
{
    private const string ThaiText = "ประกาศกรมตัวอย่าง เรื่อง การเปิดเผยข้อมูลข่าวสาร";
    private static readonly DateTimeOffset LastModified = new(2024, 10, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CrawlAsync_Tis620PageWithMetaCharsetOnly_TextDecoded()
    {
        var body = Thai.Tis620($"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"><title>{ThaiText}</title></head><body><p>{ThaiText}</p></body></html>""");
        await using var site = await SiteWithHome(TestResponse.Bytes(body, "text/html"));
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var home = Assert.Single(index.Pages);
        Assert.Contains(ThaiText, home.Text, StringComparison.Ordinal);
        Assert.Equal(ThaiText, home.Title);
        Assert.Equal("windows-874", home.Charset);
    }

    [Fact]
    public async Task CrawlAsync_Windows874HeaderWithoutMeta_TextDecoded()
    {
        var body = Thai.Tis620($"<html><body><p>{ThaiText}</p></body></html>");
        await using var site = await SiteWithHome(TestResponse.Bytes(body, "text/html; charset=windows-874"));
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        Assert.Contains(ThaiText, Assert.Single(index.Pages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrawlAsync_ThaiBytesWithoutAnyDeclaration_FallsBackToWindows874()
    {
        var body = Thai.Tis620($"<html><body><p>{ThaiText}</p></body></html>");
        await using var site = await SiteWithHome(TestResponse.Bytes(body, "text/html"));
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var home = Assert.Single(index.Pages);
        Assert.Contains(ThaiText, home.Text, StringComparison.Ordinal);
        Assert.Equal("windows-874", home.Charset);
    }

    [Fact]
    public async Task CrawlAsync_20MegabyteStreamingPage_TruncatedAtMaxBodyBytesAndHungUp()
    {
        var hungUp = new TaskCompletionSource();
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/huge.html") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path != "/huge.html")
                {
                    await next(context);
                    return;
                }

                // Chunked, no Content-Length: the crawler only learns the size by reading.
                context.Response.ContentType = "text/html; charset=utf-8";
                var chunk = Encoding.UTF8.GetBytes("<p>" + new string('ก', 20_000) + "</p>\n");
                await StreamThenHoldAsync(context, chunk, 20L << 20, hungUp);
            }));
        await using var crawler = TestCrawler.Create(("MaxBodyBytes", "65536"), ("RequestTimeout", "00:00:03"), ("MaxRetries", "0"));

        var stopwatch = Stopwatch.StartNew();
        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        var huge = index.Page(site.Url("/huge.html"));
        Assert.NotNull(huge);
        Assert.True(huge.Truncated);
        Assert.StartsWith("ก", huge.Text, StringComparison.Ordinal);
        await AssertHangsUpAsync(hungUp);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}: waited for the body instead of stopping at the cap");
    }

    [Fact]
    public async Task CrawlAsync_GzipBomb_TruncatedAfterInflatingTheCap()
    {
        var bomb = Gzip(50 << 20, (byte)' ');
        Assert.True(bomb.Length < 100_000);
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/bomb.html"),
            ["/bomb.html"] = TestResponse.Bytes(bomb, "text/html; charset=utf-8").WithHeader("Content-Encoding", "gzip"),
        });
        await using var crawler = TestCrawler.Create(("MaxBodyBytes", "65536"));

        var index = await crawler.CrawlAsync(site);

        Assert.Equal(CrawlOutcome.Completed, index.Outcome);
        var page = index.Page(site.Url("/bomb.html"));
        Assert.NotNull(page);
        Assert.True(page.Truncated);
    }

    [Fact]
    public async Task CrawlAsync_PdfWithTextLayer_DocumentWithTextSizeAndDate()
    {
        var pdf = TinyPdf.WithText("ITA annual report 2567");
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.Page("""<a href="/docs/report.pdf">รายงานประจำปี</a>"""),
            ["/docs/report.pdf"] = TestResponse.Bytes(pdf, "application/pdf").WithHeader("Last-Modified", LastModified.ToString("R")),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var doc = index.Document(site.Url("/docs/report.pdf"));
        Assert.NotNull(doc);
        Assert.Contains("ITA annual report 2567", doc.Text, StringComparison.Ordinal);
        Assert.False(doc.Scanned);
        Assert.Equal(pdf.Length, doc.Size);
        Assert.Equal(LastModified, doc.LastModified);
        Assert.Equal("application/pdf", doc.MediaType);
        Assert.Equal("รายงานประจำปี", doc.FoundVia);
        Assert.Equal(site.Url("/"), doc.FoundOn);
        Assert.Single(index.Pages);
    }

    [Fact]
    public async Task CrawlAsync_PdfWithoutTextLayer_Scanned()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/docs/scan.pdf"),
            ["/docs/scan.pdf"] = TestResponse.Bytes(TinyPdf.WithoutText(), "application/pdf"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var doc = index.Document(site.Url("/docs/scan.pdf"));
        Assert.NotNull(doc);
        Assert.True(doc.Scanned);
        Assert.Null(doc.Text);
    }

    [Fact]
    public async Task CrawlAsync_PdfOverDocumentCap_RecordedFromHeadersNotDownloaded()
    {
        const int size = 20 << 20;
        var hungUp = new TaskCompletionSource();
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse> { ["/"] = TestResponse.LinksTo("/docs/big.pdf") },
            app => app.Use(async (context, next) =>
            {
                if (context.Request.Path != "/docs/big.pdf")
                {
                    await next(context);
                    return;
                }

                context.Response.ContentType = "application/pdf";
                context.Response.ContentLength = size;
                context.Response.Headers.LastModified = LastModified.ToString("R");
                await StreamThenHoldAsync(context, new byte[64 * 1024], size, hungUp);
            }));
        await using var crawler = TestCrawler.Create(("MaxDocumentBytes", "65536"), ("RequestTimeout", "00:00:03"), ("MaxRetries", "0"));

        var stopwatch = Stopwatch.StartNew();
        var index = await crawler.CrawlAsync(site);

        var doc = index.Document(site.Url("/docs/big.pdf"));
        Assert.NotNull(doc);
        Assert.Equal(size, doc.Size);
        Assert.Equal(LastModified, doc.LastModified);
        Assert.Null(doc.Text);
        Assert.False(doc.Scanned);
        await AssertHangsUpAsync(hungUp);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}: waited for the body instead of stopping at the cap");
    }

    [Fact]
    public async Task CrawlAsync_OfficeDocument_RecordedWithoutText()
    {
        await using var site = await TestSite.StartAsync(new Dictionary<string, TestResponse>
        {
            ["/"] = TestResponse.LinksTo("/docs/plan.xlsx"),
            ["/docs/plan.xlsx"] = TestResponse.Bytes(new byte[1234], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        });
        await using var crawler = TestCrawler.Create();

        var index = await crawler.CrawlAsync(site);

        var doc = index.Document(site.Url("/docs/plan.xlsx"));
        Assert.NotNull(doc);
        Assert.Equal(1234, doc.Size);
        Assert.Null(doc.Text);
    }

    /// <summary>
    /// Sends the first 4 MiB of a <paramref name="total"/>-byte body, then holds until the client hangs
    /// up (and only then would send the rest). A client that stops at its cap hangs up at once (after
    /// SocketsHttpHandler's drain of at most 1 MiB gives up); one that reads on waits for bytes that
    /// never come until its request timeout. Kestrel drops writes to a closed connection without
    /// throwing, so counting bytes written would not tell the two apart.
    /// </summary>
    private static async Task StreamThenHoldAsync(HttpContext context, byte[] chunk, long total, TaskCompletionSource hungUp)
    {
        using var registration = context.RequestAborted.Register(() => hungUp.TrySetResult());
        try
        {
            long sent = 0;
            for (; sent < Math.Min(total, 4 << 20); sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }

            await hungUp.Task;
            for (; sent + chunk.Length <= total && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up.
        }
    }

    // Hanging up is seen by the server a moment after the crawl returns; well under the 2 s a
    // lingering drain or the 3 s request timeout would take.
    private static async Task AssertHangsUpAsync(TaskCompletionSource hungUp)
    {
        try
        {
            await hungUp.Task.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            Assert.Fail("the crawler kept the connection open after its cap");
        }
    }

    private static Task<TestSite> SiteWithHome(TestResponse home) =>
        TestSite.StartAsync(new Dictionary<string, TestResponse> { ["/"] = home });

    private static byte[] Gzip(int length, byte fill)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var block = new byte[1 << 20];
            Array.Fill(block, fill);
            for (var left = length; left > 0; left -= block.Length)
            {
                gzip.Write(block, 0, Math.Min(left, block.Length));
            }
        }

        return output.ToArray();
    }
}
