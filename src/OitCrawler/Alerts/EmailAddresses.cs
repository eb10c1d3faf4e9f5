using MimeKit;

namespace OitCrawler.Alerts;

/// <summary>
/// The one check for an e-mail address in configuration and the measures file: a plain addr-spec
/// (<c>info@thaphae.go.th</c>), checked with the very constructor <see cref="SmtpOutbox"/> sends with,
/// so an address that loads is an address that sends. A display-name form (<c>Name &lt;a@b&gt;</c>)
/// is refused: the name belongs in the measures file's <c>name</c>, not in the address.
/// </summary>
public static class EmailAddresses
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

        try
        {
            var mailbox = new MailboxAddress(string.Empty, address);
            return mailbox.LocalPart.Length == 0 || mailbox.Domain.Length == 0 ? "is not an e-mail address (user@domain)" : null;
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
        {
            return "is not an e-mail address (user@domain)";
        }
    }
}
