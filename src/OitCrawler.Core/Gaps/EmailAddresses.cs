using System.Text.RegularExpressions;

namespace OitCrawler.Gaps;

/// <summary>
/// The one check for an e-mail address in configuration and the measures file: a plain addr-spec
/// (<c>info@thaphae.go.th</c>) in dot-atom form, the form every SMTP server takes. A display-name form
/// (<c>Name &lt;a@b&gt;</c>) is refused: the name belongs in the measures file's <c>name</c>, not in the
/// address. The alert tests check that every address accepted here is one the mail library sends to.
/// </summary>
public static partial class EmailAddresses
{
    /// <summary>Why <paramref name="value"/> (trimmed, as it is sent) is not a plain address; null when it is one.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        var address = value.Trim();
        if (address.Contains('<', StringComparison.Ordinal) || address.Contains('>', StringComparison.Ordinal))
        {
            return "has a display name or <…>; write only the address, e.g. info@thaphae.go.th";
        }

        return address.Length <= 254 && AddrSpec().IsMatch(address) ? null : "is not an e-mail address (user@domain)";
    }

    // RFC 5322 dot-atom local part; a domain of letter-digit-hyphen labels (IDN letters allowed), at least two labels.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AddrSpec();
}
