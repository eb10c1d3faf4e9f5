using System.Text;

namespace OitCrawler.Text;

/// <summary>
/// What of a text may be shown to a person: the one rule for every place text from a site, a data file or a
/// server reply is shown (console, report.html, spreadsheets, e-mail subject and body, LINE text, the
/// dashboard). Control characters (C0 but tab, line feed and carriage return; DEL; C1) are dropped, so an
/// escape sequence from a page (<c>&amp;#27;[2J</c>, <c>%1B]8;;</c>) never reaches a terminal; and so are the
/// bidirectional controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), which make a report or an
/// e-mail show text in another order than it is (an evidence URL that reads <c>fdp.exe</c> as <c>exe.pdf</c>).
/// HTML-encoding does not help with either: a browser still obeys <c>&amp;#x202E;</c>.
/// </summary>
public static class ShownText
{
    /// <summary>Whether <paramref name="c"/> is never shown: a control character other than tab, LF and CR, or a bidirectional control.</summary>
    public static bool IsHidden(char c) =>
        c is <= '\u0008' or '\u000B' or '\u000C' or (>= '\u000E' and <= '\u001F') or (>= '\u007F' and <= '\u009F')
            or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text without its hidden characters (<see cref="IsHidden"/>); the same string when it has none.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = IndexOfHidden(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first + 1; i < text.Length; i++)
        {
            if (!IsHidden(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A URL as read (percent-decoded) with its hidden characters, tab, LF and CR encoded again (<c>%1B</c>,
    /// <c>%E2%80%AE</c>): it still names the same address, and shows it in the order it is.
    /// </summary>
    public static string Url(string decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        if (IndexOfHidden(decoded) < 0 && decoded.AsSpan().IndexOfAny('\t', '\n', '\r') < 0)
        {
            return decoded;
        }

        var sb = new StringBuilder(decoded.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var c in decoded)
        {
            if (IsHidden(c) || c is '\t' or '\n' or '\r')
            {
                var n = Encoding.UTF8.GetBytes([c], utf8);
                foreach (var b in utf8[..n])
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A writer that drops hidden characters on their way to <paramref name="inner"/> (a console): the last guard for text nobody cleaned.</summary>
    public static TextWriter Writer(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner as CleaningWriter ?? new CleaningWriter(inner);
    }

    private static int IndexOfHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHidden(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class CleaningWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (!IsHidden(value))
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value) => inner.Write(Clean(value));

        public override void Write(char[] buffer, int index, int count) => inner.Write(Clean(new string(buffer, index, count)));

        public override void WriteLine(string? value) => inner.WriteLine(Clean(value));

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync() => inner.FlushAsync();

        public override Task WriteAsync(string? value) => inner.WriteAsync(Clean(value));

        public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Clean(value));

        public override string ToString() => inner.ToString() ?? string.Empty;
    }
}
