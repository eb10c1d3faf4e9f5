using System.Text;
using System.Text.RegularExpressions;

namespace OitCrawler.Evidence;

/// <summary>
/// Turns response bytes into text: charset from the Content-Type header, else a BOM, else a
/// <c>&lt;meta&gt;</c> in the first 2 KiB, else UTF-8 when most non-ASCII bytes are valid UTF-8, else
/// windows-874 (the Thai superset of TIS-620 that legacy agency sites use). UTF-8 is decoded with any run
/// of non-ASCII bytes that is not valid UTF-8 read as windows-874: a stray TIS-620 word on a UTF-8 page is
/// read as the word it is, and never flips the whole page. A charset that is unknown, unsupported or
/// unsafe (UTF-7, which can smuggle markup past an HTML encoder) counts as undeclared; decoding never throws.
/// </summary>
public static partial class ContentDecoder
{
    private static readonly Encoding Thai = CodePagesEncodingProvider.Instance.GetEncoding(874)!;

    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (ResolveEncoding(headerCharset) is { } fromHeader)
        {
            return (GetString(fromHeader, StripBom(body, fromHeader)), fromHeader.WebName);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8ThenThai(body[3..]), "utf-8");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(body[2..]), "utf-16");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(body[2..]), "utf-16be");
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 2048)]);
        var meta = MetaCharset().Match(head);
        if (meta.Success && ResolveEncoding(meta.Groups["cs"].Value) is { } fromMeta)
        {
            return (GetString(fromMeta, body), fromMeta.WebName);
        }

        return MostlyUtf8(body) ? (Utf8ThenThai(body), "utf-8") : (Thai.GetString(body), "windows-874");
    }

    private static string GetString(Encoding encoding, ReadOnlySpan<byte> body) =>
        encoding.CodePage == Encoding.UTF8.CodePage ? Utf8ThenThai(body) : encoding.GetString(body);

    // UTF-8, except that a run of non-ASCII bytes (a word, between spaces and markup) that is not valid UTF-8 is read
    // as windows-874: a stray TIS-620 word pasted into a UTF-8 page is read as the word it is. Byte by byte fallback
    // would not do: TIS-620 letter pairs such as "าณ" (D2 B3) happen to be valid two-byte UTF-8.
    private static string Utf8ThenThai(ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder(body.Length);
        while (!body.IsEmpty)
        {
            var high = body[0] >= 0x80;
            var length = high ? body.IndexOfAnyInRange((byte)0, (byte)0x7F) : body.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            var run = length < 0 ? body : body[..length];
            text.Append(!high || System.Text.Unicode.Utf8.IsValid(run) ? Encoding.UTF8.GetString(run) : Thai.GetString(run));
            body = body[run.Length..];
        }

        return text.ToString();
    }

    // Valid multi-byte UTF-8 sequences against bytes that fit none: a UTF-8 page with a stray legacy word has far
    // more of the first; a TIS-620 page (each Thai letter one byte 0xA1-0xFB) has almost none.
    private static bool MostlyUtf8(ReadOnlySpan<byte> body)
    {
        int valid = 0, invalid = 0;
        while (!body.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(body, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid += rune.Value >= 0x80 ? 1 : 0;
            }
            else
            {
                invalid += consumed;
            }

            body = body[consumed..];
        }

        return valid > invalid;
    }

    /// <summary>The encoding for a charset label, mapping the Thai aliases to code page 874; null if unknown.</summary>
    public static Encoding? ResolveEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name.Length == 0 || name.Contains("utf-7", StringComparison.Ordinal) || name.Contains("utf7", StringComparison.Ordinal))
        {
            return null; // WHATWG: never decode UTF-7 (markup hidden in +ADw-...)
        }

        if (name is "tis-620" or "tis620" or "tis_620" or "iso-8859-11" or "iso8859-11" or "windows-874" or "cp874" or "x-cp874" or "dos-874" or "x-windows-874")
        {
            return Thai;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> body, Encoding encoding)
    {
        var preamble = encoding.Preamble;
        return preamble.Length > 0 && body.StartsWith(preamble) ? body[preamble.Length..] : body;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
