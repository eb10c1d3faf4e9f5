using System.IO.Compression;
using System.Text;
using OitCrawler.Evidence;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Evidence;

[Trait("speed", "fast")]
public class PdfTextTests
{
    [Fact]
    public void Read_DecompressionBomb_IsRefusedWithoutInflating()
    {
        // Regression: PdfPig inflated streams without a limit; a 400 KB PDF took 1 GB of memory.
        var bomb = BombPdf(inflatedMegabytes: 200);
        Assert.True(bomb.Length < 2_000_000, $"{bomb.Length} bytes");

        var reading = PdfText.Read(bomb, 10_000, CancellationToken.None);

        Assert.Null(reading.Text);
        Assert.False(reading.Scanned);
        Assert.Contains("คลายการบีบอัด", reading.NotRead, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q\n", 1_000_000, "ซ้อนคำสั่งลึกเกิน")]
    [InlineData("[", 100_000, "ซ้อนคำสั่งลึกเกิน")]
    [InlineData("<< /A ", 100_000, "ซ้อนคำสั่งลึกเกิน")]
    [InlineData("0 0 m\n", 2_000_000, "เกิน 1,000,000 คำสั่ง")]
    public void Read_PathologicalContentStream_NotReadWithReasonAndBoundedAllocation(string unit, int count, string reason)
    {
        // Regression: 20 KB of nested q operators took 4.2 GB (PdfPig copies the graphics state per q);
        // a million flat operators cost it ~300 MB and seconds. Such a PDF is refused before parsing.
        var pdf = HostilePdf(unit, count);
        Assert.True(pdf.Length < 40_000, $"{pdf.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = PdfText.Read(pdf, 10_000, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(reading.Text);
        Assert.Contains(reason, reading.NotRead, StringComparison.Ordinal);
        Assert.True(allocated < 4 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_OrdinaryPdf_IsNotRefused()
    {
        var pdf = TinyPdf.WithText("Annual procurement summary fiscal year 2567");

        Assert.Null(PdfText.Refusal(pdf));
        Assert.Contains("2567", PdfText.Read(pdf, 10_000, CancellationToken.None).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CompressedPageWithBalancedNesting_IsRead()
    {
        // The bounds refuse depth and volume, not ordinary structure: q/Q pairs, arrays and strings with brackets.
        var content = new StringBuilder().Insert(0, "q 1 0 0 1 0 0 cm BT /F1 12 Tf [(a[b) 2 (c)] TJ ET Q\n", 2_000).Append("BT /F1 24 Tf 72 700 Td (Budget 2567) Tj ET").ToString();

        var reading = PdfText.Read(TinyPdf.WithCompressedContent(Encoding.ASCII.GetBytes(content)), 100_000, CancellationToken.None);

        Assert.Null(reading.NotRead);
        Assert.Contains("2567", reading.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BudgetSpent_NotReadWithReason()
    {
        var reading = PdfText.Read(TinyPdf.WithText("2567"), 10_000, new CancellationToken(canceled: true));

        Assert.Null(reading.Text);
        Assert.Contains("ไม่เสร็จในเวลา", reading.NotRead, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Garbage_IsUnreadableNotAnException()
    {
        var reading = PdfText.Read(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Length 5 >> stream\nxx"), 10_000, CancellationToken.None);

        Assert.Null(reading.Text);
        Assert.False(reading.Scanned);
        Assert.NotNull(reading.NotRead);
    }

    /// <summary><paramref name="unit"/> repeated <paramref name="count"/> times in a Flate-compressed content stream, then a line of text.</summary>
    internal static byte[] HostilePdf(string unit, int count) =>
        TinyPdf.WithCompressedContent(Encoding.ASCII.GetBytes(new StringBuilder().Insert(0, unit, count).Append("BT /F1 24 Tf 72 700 Td (hello) Tj ET").ToString()));

    private static byte[] BombPdf(int inflatedMegabytes)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < inflatedMegabytes; i++)
            {
                z.Write(zeros);
            }
        }

        var head = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. compressed.ToArray(), .. tail];
    }
}
