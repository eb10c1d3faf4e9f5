using System.Globalization;
using System.Text;
using OitCrawler.Text;

namespace OitCrawler.Web;

/// <summary>
/// One canonical spelling per resource, so that dedup works: scheme and host lower-cased, IDN to
/// punycode, default port and fragment dropped, percent-encoding made consistent (Thai paths are
/// UTF-8 percent-encoded with upper-case hex), session-id parameters removed.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> SessionParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken",
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid",
    };

    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUri"/>; null for non-HTTP or malformed links.</summary>
    public static Uri? Resolve(Uri baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim().Replace("\\", "/", StringComparison.Ordinal);
        if (!Uri.TryCreate(baseUri, trimmed, out var absolute))
        {
            return null;
        }

        return Canonicalize(absolute);
    }

    /// <summary>The canonical form of an absolute URL; null when it is not http(s).</summary>
    public static Uri? Canonicalize(Uri absolute)
    {
        if (!absolute.IsAbsoluteUri || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        string host;
        try
        {
            // IdnHost drops an IPv6 literal's brackets ("::1"), which no URL can be rebuilt from; Host keeps them.
            host = (absolute.HostNameType == UriHostNameType.IPv6 ? absolute.Host : absolute.IdnHost).ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (host.Length == 0)
        {
            return null;
        }

        var path = absolute.AbsolutePath;
        var semicolon = path.IndexOf(";jsessionid=", StringComparison.OrdinalIgnoreCase);
        if (semicolon >= 0)
        {
            path = path[..semicolon];
        }

        var sb = new StringBuilder(absolute.AbsoluteUri.Length);
        sb.Append(absolute.Scheme).Append("://").Append(host);
        if (!absolute.IsDefaultPort)
        {
            sb.Append(':').Append(absolute.Port.ToString(CultureInfo.InvariantCulture));
        }

        var normalisedPath = NormaliseEncoding(path, isQuery: false);
        sb.Append(normalisedPath.Length == 0 ? "/" : normalisedPath);

        var query = CleanQuery(absolute.Query);
        if (query.Length > 0)
        {
            sb.Append('?').Append(query);
        }

        // Whatever a page spells, a URL that does not survive the rebuild is dropped like any malformed link, never thrown.
        return Uri.TryCreate(sb.ToString(), UriKind.Absolute, out var canonical) ? canonical : null;
    }

    /// <summary>The URL as a person reads it: percent-encoded Thai decoded, for reports and matching.</summary>
    public static string Display(Uri url)
    {
        try
        {
            return ShownText.Url(Uri.UnescapeDataString(url.AbsoluteUri)); // %1B and %E2%80%AE stay encoded: shown, not obeyed
        }
        catch (UriFormatException)
        {
            return url.AbsoluteUri;
        }
    }

    private static string CleanQuery(string rawQuery)
    {
        if (rawQuery.Length <= 1)
        {
            return string.Empty;
        }

        var kept = new List<string>();
        foreach (var pair in rawQuery[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            if (SessionParameters.Contains(DecodeForName(name)))
            {
                continue;
            }

            kept.Add(NormaliseEncoding(pair, isQuery: true));
        }

        return string.Join('&', kept);
    }

    private static string DecodeForName(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    // Decodes every %XX to bytes, then re-encodes: unreserved ASCII stays literal, reserved
    // delimiters that were encoded stay encoded, everything else (Thai) is UTF-8 percent-encoded
    // with upper-case hex. Two spellings of one Thai path therefore compare equal.
    internal static string NormaliseEncoding(string value, bool isQuery)
    {
        var sb = new StringBuilder(value.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                var b = (byte)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += 2;
                if (b < 0x80 && IsUnreserved((char)b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    AppendByte(sb, b);
                }

                continue;
            }

            if (c < 0x80)
            {
                if (IsUnreserved(c) || IsAllowedDelimiter(c, isQuery))
                {
                    sb.Append(c);
                }
                else
                {
                    AppendByte(sb, (byte)c);
                }

                continue;
            }

            bytes.Clear();
            var charCount = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(value.Substring(i, charCount)))
            {
                AppendByte(sb, b);
            }

            i += charCount - 1;
        }

        return sb.ToString();
    }

    private static void AppendByte(StringBuilder sb, byte b) =>
        sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsAllowedDelimiter(char c, bool isQuery) =>
        c is '/' or ':' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '='
        || c == '&' || (isQuery && c == '?');
}
