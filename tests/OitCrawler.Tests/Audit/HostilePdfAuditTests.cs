using OitCrawler.Evidence;
using OitCrawler.Tests.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Audit;

/// <summary>Runs alone: it measures the process's allocations while the audit runs.</summary>
[Collection(TimingDefinition.Name)]
[Trait("speed", "slow")]
public class HostilePdfAuditTests
{
    [Fact]
    public async Task RunAsync_SiteServingNestedQPdf_DocumentNotReadAndMemoryBounded()
    {
        // Regression (issue 9, case 4): a ~20 KB PDF of nested q operators took 4.2 GB in one audit.
        var pdf = PdfTextTests.HostilePdf("q\n", 8_000_000);
        Assert.True(pdf.Length < 40_000, $"{pdf.Length} bytes");
        using var site = new TempFolder();
        Directory.CreateDirectory(site.File("docs"));
        await File.WriteAllBytesAsync(site.File("docs/plan.pdf"), pdf);
        await File.WriteAllTextAsync(site.File("index.html"), """
            <html><head><meta charset="utf-8"><title>องค์การบริหารส่วนตำบลทดสอบ</title></head>
            <body><a href="/docs/plan.pdf">แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2568</a></body></html>
            """);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await SiteAudit.RunAsync(site.Path, 2568);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(CrawlOutcome.Completed, result.Evidence.Outcome);
        var doc = Assert.Single(result.Evidence.Documents);
        Assert.Null(doc.Text);
        Assert.Contains("ซ้อนคำสั่งลึกเกิน", doc.NotRead, StringComparison.Ordinal);
        // Before the bound this one document allocated over 4 GB; the whole audit now allocates about 20 MB (measured); the cap is 128 MiB.
        Assert.True(allocated < 128L << 20, $"the audit allocated {allocated:N0} bytes");
    }
}
