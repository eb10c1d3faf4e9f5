using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;

using OitCrawler.Text;

namespace OitCrawler.Evidence;

/// <summary>
/// Reads the text layer of a PDF (PdfPig), capped; a PDF without one is a scan. A PDF is untrusted
/// input: its compressed streams are inflated through a counting reader first, and a file that would
/// inflate past <see cref="MaxInflatedBytes"/> is not parsed (PdfPig inflates without a limit, so a
/// 400 KB file could take a gigabyte).
/// </summary>
internal static class PdfText
{
    /// <summary>The most a PDF's streams may inflate to before it is refused. 64 MiB.</summary>
    public const long MaxInflatedBytes = 64L << 20;

    private const int MaxPages = 30;
    private static readonly byte[] StreamKeyword = Encoding.ASCII.GetBytes("stream");
    private static readonly byte[] EndStreamKeyword = Encoding.ASCII.GetBytes("endstream");
    private static readonly byte[] FlateName = Encoding.ASCII.GetBytes("/FlateDecode");

    /// <summary>The text, or null with <c>Scanned</c> true when there is no text layer; null/false when unreadable or refused.</summary>
    public static (string? Text, bool Scanned) Read(byte[] bytes, int maxChars)
    {
        if (bytes.Length < 8 || InflatesPast(bytes, MaxInflatedBytes))
        {
            return (null, false);
        }

        try
        {
            using var document = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in document.GetPages().Take(MaxPages))
            {
                text.Append(page.Text).Append('\n');
                if (text.Length >= maxChars)
                {
                    break;
                }
            }

            var folded = ThaiText.Fold(text.ToString());
            if (folded.Length == 0)
            {
                return (null, true);
            }

            return (folded.Length > maxChars ? folded[..maxChars] : folded, false);
        }
#pragma warning disable CA1031 // A damaged or hostile PDF may fail in any way inside the parser; its text is unknown, and the crawl goes on.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return (null, false);
        }
    }

    /// <summary>Whether the Flate-compressed streams of <paramref name="pdf"/> inflate to more than <paramref name="limit"/> bytes in all.</summary>
    public static bool InflatesPast(byte[] pdf, long limit)
    {
        var total = 0L;
        var span = pdf.AsSpan();
        var at = 0;
        var buffer = new byte[81920];
        while (at < span.Length)
        {
            var found = span[at..].IndexOf(StreamKeyword);
            if (found < 0)
            {
                break;
            }

            var keyword = at + found;
            at = keyword + StreamKeyword.Length;
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue; // "endstream"
            }

            var dataStart = at;
            if (dataStart < span.Length && span[dataStart] == '\r')
            {
                dataStart++;
            }

            if (dataStart < span.Length && span[dataStart] == '\n')
            {
                dataStart++;
            }

            var end = span[dataStart..].IndexOf(EndStreamKeyword);
            var dataEnd = end < 0 ? span.Length : dataStart + end;
            var dictionaryStart = Math.Max(0, keyword - 1024);
            if (span[dictionaryStart..keyword].IndexOf(FlateName) < 0)
            {
                continue;
            }

            try
            {
                using var input = new ZLibStream(new MemoryStream(pdf, dataStart, dataEnd - dataStart, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        return true;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A broken stream inflates to nothing here; PdfPig will judge the file.
            }

            at = dataEnd;
        }

        return false;
    }
}
