using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OitCrawler.History;
using OitCrawler.Text;

namespace OitCrawler.Alerts;

/// <summary>
/// Sends claimed outbox e-mails over one SMTP connection (MailKit). Each row is recorded as sent or failed
/// the moment the server answers, through the callbacks, so a crash repeats at most the one message in
/// flight (and its Message-Id, derived from the dedup key, lets a mail client drop that repeat).
/// </summary>
internal sealed partial class SmtpSender(IOptions<AlertOptions> options, ILogger<SmtpSender> logger)
{
    public async Task<(int Sent, int Failed)> SendAsync(IReadOnlyList<OutboxRow> claimed, Func<OutboxRow, Task> markSent, Func<OutboxRow, string, Task> markFailed, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0)
        {
            return (0, 0);
        }

        var smtp = options.Value.Smtp;
        int sent = 0, failed = 0;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception ex) when (IsSmtpFailure(ex))
        {
            LogSmtpDown(smtp.Host!, smtp.Port, ex.Message, claimed.Count);
            foreach (var row in claimed)
            {
                await markFailed(row, ex.Message);
            }

            return (0, claimed.Count);
        }

        for (var i = 0; i < claimed.Count; i++)
        {
            var row = claimed[i];
            MimeMessage mime;
            try
            {
                mime = ToMime(row, smtp);
            }
            catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
            {
                // This row cannot be made into a message (a bad address got in): it waits with its error,
                // the others are still sent.
                await markFailed(row, "cannot build the message: " + ex.Message);
                failed++;
                LogBuildFailed(row.Id, row.Kind, ex.Message);
                continue;
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                await client.SendAsync(mime, cancellationToken);
                await markSent(row);
                sent++;
                LogSent(row.Id, row.Kind, row.Recipients.Count);
            }
            catch (Exception ex) when (IsSmtpFailure(ex) || ex is OperationCanceledException)
            {
                // Not accepted, or we stopped before knowing. A rejected message waits alone; once the
                // connection is gone (or we are stopping) every row after it waits for the next flush too.
                List<OutboxRow> rest = ex is SmtpCommandException && client.IsConnected ? [row] : claimed.Skip(i).ToList();
                foreach (var r in rest)
                {
                    await markFailed(r, ex.Message);
                }

                failed += rest.Count;
                LogSendFailed(row.Id, ex.Message);
                if (rest.Count != 1 || ex is OperationCanceledException || !client.IsConnected)
                {
                    break;
                }
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception ex) when (IsSmtpFailure(ex))
            {
                // Everything sent was already accepted; a failed QUIT changes nothing.
            }
        }

        return (sent, failed);
    }

    /// <summary>The Message-Id of an outbox row: stable across attempts and restarts.</summary>
    public static string MessageId(string dedupKey, string? from)
    {
        var domain = from is not null && MailboxAddress.TryParse(from, out var address) && address.Domain.Length > 0 ? address.Domain : "oitcrawler.invalid";
        return $"oitcrawler.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)))[..32]}@{domain}";
    }

    private static MimeMessage ToMime(OutboxRow row, SmtpOptions smtp)
    {
        var message = new MimeMessage
        {
            Subject = AlertComposer.HeaderText(row.Subject),
            Date = row.CreatedAt,
            MessageId = MessageId(row.DedupKey, smtp.From),
        };
        message.From.Add(new MailboxAddress(AlertComposer.HeaderText(smtp.FromName), smtp.From!));
        foreach (var recipient in row.Recipients)
        {
            message.To.Add(new MailboxAddress(AlertComposer.HeaderText(recipient.Name), recipient.Address));
        }

        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies
        if (row.RunId is not null)
        {
            message.Headers.Add("X-OitCrawler-Run", AlertComposer.HeaderText(row.RunId));
        }

        // Cleaned as sent, so a message queued before this rule existed is cleaned too.
        message.Body = new BodyBuilder { TextBody = ShownText.Clean(row.Text), HtmlBody = ShownText.Clean(row.Html) }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Security(SmtpOptions smtp) =>
        smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;

    private static bool IsSmtpFailure(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException or SslHandshakeException
            or TimeoutException or NotSupportedException;

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Sent alert {OutboxId} ({Kind}) to {RecipientCount} recipients")]
    private partial void LogSent(long outboxId, string kind, int recipientCount);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "SMTP {SmtpHost}:{SmtpPort} unavailable ({Error}); {Count} alerts wait in the outbox")]
    private partial void LogSmtpDown(string smtpHost, int smtpPort, string error, int count);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Alert {OutboxId} not sent: {Error}; it will be retried")]
    private partial void LogSendFailed(long outboxId, string error);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error, Message = "Alert {OutboxId} ({Kind}) cannot be built into a message: {Error}; the other alerts are still sent")]
    private partial void LogBuildFailed(long outboxId, string kind, string error);
}
