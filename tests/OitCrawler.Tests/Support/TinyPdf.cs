using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace OitCrawler.Tests.Support;

/// <summary>Minimal one-page PDFs written by hand (correct xref offsets), with or without a text layer.</summary>
internal static class TinyPdf
{
    /// <summary>A page that shows <paramref name="text"/> (ASCII) in Helvetica.</summary>
    public static byte[] WithText(string text) =>
        Build($"BT /F1 24 Tf 72 700 Td ({text}) Tj ET");

    /// <summary>A page with only a filled rectangle: what a scan without OCR looks like to a text extractor.</summary>
    public static byte[] WithoutText() =>
        Build("q 0.5 0.5 0.5 rg 72 72 400 600 re f Q");

    /// <summary>
    /// A page whose content stream is <paramref name="content"/> Flate-compressed: small on the wire, large once
    /// inflated (a hostile PDF's shape: millions of operators in a few kilobytes).
    /// </summary>
    public static byte[] WithCompressedContent(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(content);
        }

        return Build(Encoding.Latin1.GetString(compressed.ToArray()), "/Filter /FlateDecode ");
    }

    private static byte[] Build(string content, string filter = "")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} {filter}>>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
