using System.Text;
using System.Text.RegularExpressions;

namespace OitCrawler.Evidence;

/// <summary>
/// Turns response bytes into text: charset from the Content-Type header, else a BOM, else a
/// <c>&lt;meta&gt;</c> in the first 2 KiB, else UTF-8 when the bytes are valid UTF-8, else
/// windows-874 (the Thai superset of TIS-620 that legacy agency sites use).
/// </summary>
public static partial class ContentDecoder
{
    private static readonly Encoding Thai = CodePagesEncodingProvider.Instance.GetEncoding(874)!;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (ResolveEncoding(headerCharset) is { } fromHeader)
        {
            return (fromHeader.GetString(StripBom(body, fromHeader)), fromHeader.WebName);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(body[3..]), "utf-8");
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
            return (fromMeta.GetString(body), fromMeta.WebName);
        }

        try
        {
            return (StrictUtf8.GetString(body), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Thai.GetString(body), "windows-874");
        }
    }

    /// <summary>The encoding for a charset label, mapping the Thai aliases to code page 874; null if unknown.</summary>
    public static Encoding? ResolveEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "tis-620" or "tis620" or "tis_620" or "iso-8859-11" or "iso8859-11" or "windows-874" or "cp874" or "x-cp874" or "dos-874" or "x-windows-874")
        {
            return Thai;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
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
