using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace OitCrawler.Evidence;

/// <summary>Reads the text layer of a PDF (PdfPig), capped; a PDF without one is a scan.</summary>
public static class PdfText
{
    private const int MaxPages = 30;

    /// <summary>The text, or null with <c>Scanned</c> true when there is no text layer; null/false when unreadable.</summary>
    public static (string? Text, bool Scanned) Read(byte[] bytes, int maxChars)
    {
        if (bytes.Length < 8)
        {
            return (null, false);
        }

        try
        {
            using var document = PdfDocument.Open(bytes);
            var text = new System.Text.StringBuilder();
            foreach (var page in document.GetPages().Take(MaxPages))
            {
                text.Append(page.Text).Append('\n');
                if (text.Length >= maxChars)
                {
                    break;
                }
            }

            var folded = HtmlExtractor.Fold(text.ToString());
            if (folded.Length == 0)
            {
                return (null, true);
            }

            return (folded.Length > maxChars ? folded[..maxChars] : folded, false);
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException)
        {
            // A damaged or truncated PDF: its text is unknown, which is not the same as a scan.
            return (null, false);
        }
    }
}
