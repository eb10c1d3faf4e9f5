using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;

using OitCrawler.Text;

namespace OitCrawler.Evidence;

/// <summary>What reading a PDF gave: its text, or that it is a scan, or why it was not read (Thai).</summary>
internal readonly record struct PdfReading(string? Text, bool Scanned, string? NotRead);

/// <summary>
/// Reads the text layer of a PDF (PdfPig), capped; a PDF without one is a scan. A PDF is untrusted
/// input, and PdfPig parses without limits (a 400 KB file inflated to a gigabyte; 20 KB of nested
/// <c>q</c> operators took 4.2 GB), so the file is first walked in a bounded way: every stream is read
/// (inflated through a counting reader when Flate-compressed) and its PDF syntax tokenized, and a file
/// that inflates past <see cref="MaxInflatedBytes"/>, nests deeper than <see cref="MaxNesting"/> or has a
/// stream of more than <see cref="MaxStreamTokens"/> tokens is not parsed. Pages are read until the
/// caller's token is cancelled (its time budget), between pages: PdfPig cannot be stopped inside one.
/// </summary>
internal static class PdfText
{
    /// <summary>The most a PDF's streams may inflate to before it is refused. 64 MiB.</summary>
    public const long MaxInflatedBytes = 64L << 20;

    /// <summary>
    /// Deepest nesting of <c>q</c>, arrays and dictionaries in a content stream. PDF's own implementation
    /// limit for <c>q</c> is 28 (ISO 32000-1, annex C); each level costs PdfPig a copy of the graphics state.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Most tokens (operators and operands) in one stream. A dense text page has tens of thousands; PdfPig
    /// allocates about 100 bytes per token, so a million is ~100 MB for one page.
    /// </summary>
    public const int MaxStreamTokens = 1_000_000;

    /// <summary>How long reading one PDF may take; checked between pages.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(15);

    private const int MaxPages = 30;
    private static readonly byte[] StreamKeyword = Encoding.ASCII.GetBytes("stream");
    private static readonly byte[] EndStreamKeyword = Encoding.ASCII.GetBytes("endstream");
    private static readonly byte[] FlateName = Encoding.ASCII.GetBytes("/FlateDecode");

    // Streams that are not PDF syntax (pictures, fonts, cross-reference tables, XMP, embedded files):
    // their bytes are counted, not tokenized. An ICC profile says only /N (its components); an object
    // stream, which is PDF syntax, says /N and /First.
    private static readonly byte[][] BinaryMarks = [.. new[] { "/Image", "/Length1", "/Length2", "/FontFile", "/Type1C", "/CIDFontType0C", "/OpenType", "/XRef", "/Metadata", "/EmbeddedFile" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>The text; or <c>Scanned</c> when there is no text layer; or why it was not read.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="maxChars">Most characters of text kept.</param>
    /// <param name="cancellationToken">Ends reading between pages (the caller's time budget); the PDF is then not read.</param>
    public static PdfReading Read(byte[] bytes, int maxChars, CancellationToken cancellationToken)
    {
        if (bytes.Length < 8)
        {
            return new PdfReading(null, false, "ไฟล์ PDF ว่างหรือเสียหาย");
        }

        if (Refusal(bytes) is { } refusal)
        {
            return new PdfReading(null, false, refusal);
        }

        try
        {
            using var document = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in document.GetPages().Take(MaxPages))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return new PdfReading(null, false, $"อ่าน PDF ไม่เสร็จในเวลาที่กำหนด ({TimeBudget.TotalSeconds:0} วินาที)");
                }

                text.Append(page.Text).Append('\n');
                if (text.Length >= maxChars)
                {
                    break;
                }
            }

            var folded = ThaiText.Fold(text.ToString());
            if (folded.Length == 0)
            {
                return new PdfReading(null, true, null);
            }

            return new PdfReading(folded.Length > maxChars ? folded[..maxChars] : folded, false, null);
        }
#pragma warning disable CA1031 // A damaged or hostile PDF may fail in any way inside the parser; its text is unknown, and the crawl goes on.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new PdfReading(null, false, "ไฟล์ PDF เสียหาย อ่านไม่ได้");
        }
    }

    /// <summary>Why <paramref name="pdf"/> must not be handed to the parser (Thai), or null when it is within every bound.</summary>
    public static string? Refusal(byte[] pdf)
    {
        var inflated = 0L;
        var span = pdf.AsSpan();
        var at = 0;
        var buffer = new byte[81920];
        var tokens = new Tokenizer();
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
            at = dataEnd;
            var dictionary = span[Math.Max(0, keyword - 1024)..keyword];
            var objectStart = dictionary.LastIndexOf("obj"u8);
            if (objectStart >= 0)
            {
                dictionary = dictionary[objectStart..];
            }

            var binary = IsBinary(dictionary);
            tokens.Reset();
            var data = new MemoryStream(pdf, dataStart, dataEnd - dataStart, writable: false);
            using Stream input = dictionary.IndexOf(FlateName) >= 0 ? new ZLibStream(data, CompressionMode.Decompress) : data;
            try
            {
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (inflated > MaxInflatedBytes)
                    {
                        return $"ไฟล์ PDF ขยายเกิน {MaxInflatedBytes >> 20} MiB เมื่อคลายการบีบอัด (อาจเป็นไฟล์อันตราย)";
                    }

                    if (!binary && tokens.Feed(buffer.AsSpan(0, read)) is { } reason)
                    {
                        return reason;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // A broken stream inflates to nothing here; PdfPig will judge the file.
            }
        }

        return null;
    }

    private static bool IsBinary(ReadOnlySpan<byte> dictionary)
    {
        foreach (var mark in BinaryMarks)
        {
            if (dictionary.IndexOf(mark) >= 0)
            {
                return true;
            }
        }

        return dictionary.IndexOf("/N "u8) >= 0 && dictionary.IndexOf("/First"u8) < 0;
    }

    /// <summary>Counts tokens and tracks nesting of <c>q</c>/<c>Q</c>, <c>[ ]</c> and <c>&lt;&lt; &gt;&gt;</c> across buffers of one stream.</summary>
    private sealed class Tokenizer
    {
        private int _tokens;
        private int _depth;
        private bool _inToken;
        private byte _first;
        private int _length;
        private int _stringDepth;
        private byte _previous;

        public void Reset() => (_tokens, _depth, _inToken, _length, _stringDepth, _previous) = (0, 0, false, 0, 0, 0);

        public string? Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                var previous = _previous;
                _previous = b;
                if (_stringDepth > 0)
                {
                    // Inside a literal string brackets are text; escaped parentheses do not count.
                    if (previous != '\\')
                    {
                        _stringDepth += b == '(' ? 1 : b == ')' ? -1 : 0;
                    }

                    continue;
                }

                var delimiter = b is (byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'/' or (byte)'{' or (byte)'}' or (byte)'%';
                if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0 || delimiter)
                {
                    if (EndToken() is { } reason)
                    {
                        return reason;
                    }
                }

                switch (b)
                {
                    case (byte)'(':
                        _stringDepth = 1;
                        continue;
                    case (byte)'[':
                    case (byte)'<' when previous == '<':
                        _previous = 0; // "<<<" is one "<<" and a "<"
                        if (Open() is { } reason)
                        {
                            return reason;
                        }

                        continue;
                    case (byte)']':
                    case (byte)'>' when previous == '>':
                        _previous = 0;
                        _depth = Math.Max(0, _depth - 1);
                        continue;
                    default:
                        break;
                }

                if (!delimiter && !_inToken && b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0))
                {
                    (_inToken, _first, _length) = (true, b, 0);
                }

                if (_inToken)
                {
                    _length++;
                }
            }

            return null;
        }

        private string? EndToken()
        {
            if (!_inToken)
            {
                return null;
            }

            _inToken = false;
            if (++_tokens > MaxStreamTokens)
            {
                return $"ไฟล์ PDF มีคำสั่งในหน้าเดียวเกิน {MaxStreamTokens:N0} คำสั่ง (อาจเป็นไฟล์อันตราย)";
            }

            if (_length == 1 && _first == 'q')
            {
                return Open();
            }

            if (_length == 1 && _first == 'Q')
            {
                _depth = Math.Max(0, _depth - 1);
            }

            return null;
        }

        private string? Open() =>
            ++_depth > MaxNesting ? $"ไฟล์ PDF ซ้อนคำสั่งลึกเกิน {MaxNesting} ชั้น (อาจเป็นไฟล์อันตราย)" : null;
    }
}
