using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Crawling;
using OitCrawler.Evidence;

namespace OitCrawler.Benchmarks;

/// <summary>
/// <c>profile</c>: where a crawled page's CPU goes, stage by stage, without the crawler around it.
/// HTTP alone (the DI fetcher with its resilience pipeline, 8 requests in flight, against the child server),
/// then in-memory loops over the same pages: gunzip, decode, AngleSharp parse, and the whole
/// <see cref="HtmlExtractor.Extract"/> (parse plus the evidence walk), and PDF text extraction.
/// Pass 1 is cold (JIT), passes 2-3 warm.
/// </summary>
internal static class Profile
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        Console.WriteLine($"profile: {o.Pages} pages; times are per page (CPU of this process; wall for HTTP)");
        await using var server = await ChildServer.StartAsync(o);
        var site = MunicipalSite.Generate(o.Pages, o.Seed, o.Gzip); // the same pages, for the in-memory loops
        var pages = site.HtmlPages.Select(p => (Url: new Uri(server.Site.Url, p.Key), p.Value)).ToArray();

        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Crawl:RatePerSecond"] = "0", ["Crawl:Concurrency"] = o.Concurrency.ToString(CultureInfo.InvariantCulture) })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddCrawling(config).BuildServiceProvider();
        var fetcher = provider.GetRequiredService<IFetcher>();

        Console.WriteLine("| stage | pass 1 (µs/page) | warm (µs/page) | warm alloc (KiB/page) |");
        Console.WriteLine("|---|---|---|---|");
        await StageAsync("HTTP fetch, 8 in flight (crawler CPU)", pages.Length, async () =>
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency };
            await Parallel.ForEachAsync(pages, parallel, async (p, ct) =>
            {
                var response = await fetcher.FetchAsync(new FetchRequest(p.Url, p.Url.IdnHost, 4L << 20, 8L << 20), ct);
                if (response.Status != 200 || response.Body.Length == 0)
                {
                    throw new InvalidOperationException($"{p.Url}: {response.Status} {response.Error}");
                }
            });
        });

        var bodies = pages.Select(p => p.Value.Body).ToArray();
        var htmls = bodies.Select(b => ContentDecoder.Decode(b, "utf-8").Text).ToArray();
        await StageAsync("gunzip (as the handler does)", pages.Length, () =>
        {
            foreach (var p in pages)
            {
                using var gz = new GZipStream(new MemoryStream(p.Value.Gzip ?? p.Value.Body), CompressionMode.Decompress);
                using var sink = new MemoryStream();
                gz.CopyTo(sink);
                _ = sink.ToArray();
            }

            return Task.CompletedTask;
        });
        await StageAsync("decode UTF-8 (ContentDecoder)", pages.Length, () =>
        {
            foreach (var b in bodies)
            {
                _ = ContentDecoder.Decode(b, "utf-8");
            }

            return Task.CompletedTask;
        });
        await StageAsync("AngleSharp parse only", pages.Length, () =>
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
            foreach (var h in htmls)
            {
                using var d = parser.ParseDocument(h);
            }

            return Task.CompletedTask;
        });
        await StageAsync("HtmlExtractor.Extract (parse + walk)", pages.Length, () =>
        {
            for (var i = 0; i < htmls.Length; i++)
            {
                _ = HtmlExtractor.Extract(pages[i].Url, htmls[i], 20_000);
            }

            return Task.CompletedTask;
        });
        var pdfs = site.Pdfs.Select(p => p.Value.Body).ToArray();
        await StageAsync($"PdfText.Read, per PDF ({pdfs.Length} PDFs)", pdfs.Length, () =>
        {
            foreach (var pdf in pdfs)
            {
                _ = PdfText.Read(pdf, 20_000, CancellationToken.None);
            }

            return Task.CompletedTask;
        });
        return 0;
    }

    private static async Task StageAsync(string name, int count, Func<Task> body)
    {
        var process = Process.GetCurrentProcess();
        double first = 0, warm = double.MaxValue, warmAlloc = 0;
        for (var pass = 1; pass <= 3; pass++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var alloc = GC.GetAllocatedBytesForCurrentThread();
            var total = GC.GetTotalAllocatedBytes(precise: true);
            await body();
            process.Refresh();
            var perPage = (process.TotalProcessorTime - cpu).TotalMicroseconds / count;
            var allocated = Math.Max(GC.GetTotalAllocatedBytes(precise: true) - total, GC.GetAllocatedBytesForCurrentThread() - alloc);
            if (pass == 1)
            {
                first = perPage;
            }
            else if (perPage < warm)
            {
                warm = perPage;
                warmAlloc = allocated / 1024.0 / count;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {first:0} | {warm:0} | {warmAlloc:0.0} |"));
    }
}
