using System.Text;
using System.Text.RegularExpressions;

namespace OitCrawler.Text;

/// <summary>
/// The one text normaliser: Thai digits to ASCII, zero-width and no-break spaces removed or folded,
/// sara am recomposed (ํ + า → ำ), dash variants to '-', Latin lower-cased, whitespace folded.
/// Every comparison of page text with rules goes through it.
/// </summary>
public static partial class ThaiText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '\u0E50' and <= '\u0E59':
                    sb.Append((char)('0' + (c - '\u0E50')));
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t' or '\r' or '\n' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                    sb.Append(' ');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D':
                    sb.Append('-');
                    break;
                case < '\u0080':
                    sb.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
                    break;
                case >= '\u0E00' and <= '\u0E7F':
                    sb.Append(c); // Thai has no case; char.ToLowerInvariant asks ICU for every non-ASCII character, the assessment's largest cost
                    break;
                default:
                    sb.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        var s = SaraAm().Replace(sb.ToString(), "$1\u0E33");
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>Normalised and with every space removed: Thai is written without word spaces, and sites insert them at random.</summary>
    public static string Compact(string? text) => Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="needle"/> occurs in <paramref name="haystack"/>, ignoring spacing (both raw).</summary>
    public static bool ContainsLoose(string? haystack, string? needle)
    {
        var n = Compact(needle);
        return n.Length > 0 && Compact(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary>
    /// Similarity of two texts in [0,1]: the share of <paramref name="reference"/>'s character trigrams
    /// present in <paramref name="candidate"/> (spacing ignored). Thai has no word boundaries to compare.
    /// </summary>
    public static double Similarity(string reference, string candidate)
    {
        var a = Compact(reference);
        var b = Compact(candidate);
        if (a.Length < 3 || b.Length < 3)
        {
            return a.Length > 0 && a == b ? 1 : 0;
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= b.Length; i++)
        {
            grams.Add(b.Substring(i, 3));
        }

        var total = 0;
        var hit = 0;
        for (var i = 0; i + 3 <= a.Length; i++)
        {
            total++;
            if (grams.Contains(a.Substring(i, 3)))
            {
                hit++;
            }
        }

        return (double)hit / total;
    }

    // ํ (nikhahit) + optional tone mark + า (sara aa) is how sara am is often typed.
    [GeneratedRegex("\u0E4D([\u0E48-\u0E4B]?)\u0E32")]
    private static partial Regex SaraAm();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Whitespace (including no-break and zero-width spaces) folded to single spaces.</summary>
    /// <remarks>
    /// One pass over the text, as <c>FoldableSpaces().Replace(Invisible().Replace(text, ""), " ").Trim()</c> would read it
    /// (a test compares the two): every text node of every page goes through it, and most need no change at all.
    /// </remarks>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsFolded(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (IsFoldable(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // Already folded: no invisible character, no whitespace but single spaces between words.
    private static bool IsFolded(string text)
    {
        var previousSpace = true; // a leading space is not folded
        foreach (var c in text)
        {
            if (IsInvisible(c) || (IsFoldable(c) && (c != ' ' || previousSpace)))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return !previousSpace;
    }

    // Zero-width spaces and what is never shown (ShownText: control characters, as an ESC from &#27; would reach
    // the terminal, and bidi controls, which make a report show text in another order than it is) are dropped:
    // [\u200B\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069].
    private static bool IsInvisible(char c) => c == '\u200B' || ShownText.IsHidden(c);

    // Folded to one space: [\s\u00A0\u2000-\u200A\u202F\u205F\u3000\uFEFF] (all but the byte-order mark are \s).
    private static bool IsFoldable(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
