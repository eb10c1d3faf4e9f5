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

        Assert.True(PdfText.InflatesPast(bomb, PdfText.MaxInflatedBytes));
        Assert.Equal((null, false), PdfText.Read(bomb, 10_000));
    }

    [Fact]
    public void Read_OrdinaryPdf_IsNotRefused()
    {
        var pdf = TinyPdf.WithText("Annual procurement summary fiscal year 2567");

        Assert.False(PdfText.InflatesPast(pdf, PdfText.MaxInflatedBytes));
        Assert.Contains("2567", PdfText.Read(pdf, 10_000).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Garbage_IsUnreadableNotAnException() =>
        Assert.Equal((null, false), PdfText.Read(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Length 5 >> stream\nxx"), 10_000));

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
