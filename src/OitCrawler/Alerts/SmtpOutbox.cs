using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using OitCrawler.History;

namespace OitCrawler.Alerts;

/// <summary>Alerts to queue: the messages, when they were queued, and how long the outbox job leaves them alone.</summary>
internal sealed record OutboxBatch(IReadOnlyList<AlertMessage> Messages, DateTimeOffset QueuedAt, TimeSpan Hold);

/// <summary>What one flush did: sent now, failed now (to be retried), and still waiting (including not yet due).</summary>
internal sealed record OutboxFlush(int Sent, int Failed, int Waiting);

/// <summary>
/// The alert outbox in the history database, for both channels (e-mail over SMTP, LINE pushes). An
/// alert is stored before it is sent, under a dedup key (run + channel + kind + recipients) so that a
/// restart never queues it twice; it is retried with exponential backoff while its channel is down,
/// never dropped, and marked sent only after the server accepted it. A row is leased before sending
/// so that two processes (the service and <c>run-now</c>) never send the same one. Each e-mail carries
/// a Message-Id and each push an X-Line-Retry-Key derived from its dedup key, so in the one case left —
/// the server accepted it and the process died before marking it — the repeat is dropped (LINE does
/// it itself; a mail client can by Message-Id).
/// </summary>
internal sealed partial class SmtpOutbox(HistoryDatabase database, IOptions<AlertOptions> options, LinePush line, TimeProvider timeProvider, ILogger<SmtpOutbox> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Queues <paramref name="messages"/> for <paramref name="runId"/> in one transaction; returns how many were new.</summary>
    /// <param name="runId">The run they belong to.</param>
    /// <param name="messages">The messages.</param>
    /// <param name="hold">How long the outbox job leaves them alone (the run's reports are still being written); a
    /// flush that names the run sends them at once, and if the process dies they go out when the hold ends.</param>
    /// <param name="cancellationToken">Cancels queueing.</param>
    public async Task<int> EnqueueAsync(string runId, IReadOnlyList<AlertMessage> messages, TimeSpan hold, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var added = await InsertAsync(tx, runId, new OutboxBatch(messages, timeProvider.GetUtcNow(), hold), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (added > 0)
        {
            LogQueued(added, runId);
        }

        return added;
    }

    /// <summary>
    /// Inserts <paramref name="batch"/> inside <paramref name="tx"/>: the run store calls it in the transaction that
    /// stores the run, so a run is never stored without its alerts. Returns how many were new.
    /// </summary>
    internal static async Task<int> InsertAsync(SqliteTransaction tx, string runId, OutboxBatch batch, CancellationToken cancellationToken)
    {
        var now = DbTime.ToText(batch.QueuedAt);
        var due = DbTime.ToText(batch.QueuedAt + batch.Hold);
        var added = 0;
        foreach (var message in batch.Messages)
        {
            await using var insert = tx.Connection!.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO outbox (dedup_key, created_at, recipients, subject, body_text, body_html, next_attempt_at, run_id, kind, channel)
                VALUES ($key, $now, $to, $subject, $text, $html, $due, $run, $kind, $channel)
                ON CONFLICT(dedup_key) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$key", message.DedupKey ?? DedupKey(runId, message));
            insert.Parameters.AddWithValue("$now", now);
            insert.Parameters.AddWithValue("$due", due);
            insert.Parameters.AddWithValue("$to", JsonSerializer.Serialize(message.To));
            insert.Parameters.AddWithValue("$subject", message.Subject);
            insert.Parameters.AddWithValue("$text", message.TextBody);
            insert.Parameters.AddWithValue("$html", message.HtmlBody);
            insert.Parameters.AddWithValue("$run", runId);
            insert.Parameters.AddWithValue("$kind", message.Kind);
            insert.Parameters.AddWithValue("$channel", message.Channel);
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    /// <summary>Sends every alert that is due. SMTP being down is not an error: the alerts wait for the next flush.</summary>
    public Task<OutboxFlush> FlushAsync(CancellationToken cancellationToken) => FlushAsync(null, cancellationToken);

    /// <summary>Sends every alert that is due, and those of <paramref name="releaseRunId"/> still on hold.</summary>
    public async Task<OutboxFlush> FlushAsync(string? releaseRunId, CancellationToken cancellationToken)
    {
        var channels = Channels();
        if (channels.Count == 0)
        {
            return new OutboxFlush(0, 0, await WaitingAsync(cancellationToken));
        }

        var claimed = await ClaimDueAsync(releaseRunId, channels, cancellationToken);
        if (claimed.Count == 0)
        {
            return new OutboxFlush(0, 0, await WaitingAsync(cancellationToken));
        }

        var (lineSent, lineFailed) = await PushLineAsync(claimed.Where(r => r.Channel == AlertChannels.Line).ToList(), cancellationToken);
        var (mailSent, mailFailed) = await SendMailAsync(claimed.Where(r => r.Channel == AlertChannels.Email).ToList(), cancellationToken);
        return new OutboxFlush(lineSent + mailSent, lineFailed + mailFailed, await WaitingAsync(CancellationToken.None));
    }

    private List<string> Channels()
    {
        var o = options.Value;
        var channels = new List<string>();
        if (o.Smtp.Enabled)
        {
            channels.Add(AlertChannels.Email);
        }

        if (o.Line.Enabled)
        {
            channels.Add(AlertChannels.Line);
        }

        return channels;
    }

    private async Task<(int Sent, int Failed)> PushLineAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (cancellationToken.IsCancellationRequested)
            {
                foreach (var rest in rows.Skip(i))
                {
                    await MarkFailedAsync(rest, "stopped before sending");
                }

                return (sent, failed + rows.Count - i);
            }

            LineResult result;
            try
            {
                result = await line.PushAsync(row.Recipients[0].Address, row.Text, row.DedupKey, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                result = new LineResult(false, "stopped before LINE answered");
            }

            if (result.Sent)
            {
                await MarkSentAsync(row);
                sent++;
                LogSent(row.Id, row.Kind, 1);
            }
            else
            {
                await MarkFailedAsync(row, result.Error ?? "not sent");
                failed++;
                LogLineFailed(row.Id, result.Error ?? string.Empty);
            }
        }

        return (sent, failed);
    }

    private async Task<(int Sent, int Failed)> SendMailAsync(List<Row> claimed, CancellationToken cancellationToken)
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
                await MarkFailedAsync(row, ex.Message);
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
                await MarkFailedAsync(row, "cannot build the message: " + ex.Message);
                failed++;
                LogBuildFailed(row.Id, row.Kind, ex.Message);
                continue;
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                await client.SendAsync(mime, cancellationToken);
                await MarkSentAsync(row);
                sent++;
                LogSent(row.Id, row.Kind, row.Recipients.Count);
            }
            catch (Exception ex) when (IsSmtpFailure(ex) || ex is OperationCanceledException)
            {
                // Not accepted, or we stopped before knowing. A rejected message waits alone; once the
                // connection is gone (or we are stopping) every row after it waits for the next flush too.
                var rest = ex is SmtpCommandException && client.IsConnected ? [row] : claimed.Skip(i).ToList();
                foreach (var r in rest)
                {
                    await MarkFailedAsync(r, ex.Message);
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

    /// <summary>Alerts not yet sent.</summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The Message-Id of an outbox row: stable across attempts and restarts.</summary>
    public static string MessageId(string dedupKey, string? from)
    {
        var domain = from is not null && MailboxAddress.TryParse(from, out var address) && address.Domain.Length > 0 ? address.Domain : "oitcrawler.invalid";
        return $"oitcrawler.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)))[..32]}@{domain}";
    }

    internal static string DedupKey(string runId, AlertMessage message) =>
        $"{runId}|{(message.Channel == AlertChannels.Email ? string.Empty : message.Channel + ":")}{message.Kind}|{string.Join(",", message.To.Select(r => r.Address.ToLowerInvariant()).Order(StringComparer.Ordinal))}";

    private async Task<List<Row>> ClaimDueAsync(string? releaseRunId, List<string> channels, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = new List<Row>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT id, dedup_key, recipients, subject, body_text, body_html, attempts, created_at, run_id, kind, channel FROM outbox
                WHERE sent_at IS NULL AND (next_attempt_at <= $now OR (run_id = $release AND attempts = 0))
                    AND (lease_until IS NULL OR lease_until < $now) AND (channel = $c1 OR channel = $c2)
                ORDER BY id LIMIT 200
                """;
            select.Parameters.AddWithValue("$now", DbTime.ToText(now));
            select.Parameters.AddWithValue("$release", (object?)releaseRunId ?? DBNull.Value);
            select.Parameters.AddWithValue("$c1", channels[0]);
            select.Parameters.AddWithValue("$c2", channels[^1]);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(new Row(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    JsonSerializer.Deserialize<List<Recipient>>(reader.GetString(2)) ?? [],
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetInt32(6),
                    DbTime.Parse(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? "digest" : reader.GetString(9),
                    reader.GetString(10)));
            }
        }

        var claimed = new List<Row>();
        foreach (var row in due)
        {
            await using var claim = connection.CreateCommand();
            claim.CommandText = """
                UPDATE outbox SET lease_until = $lease
                WHERE id = $id AND sent_at IS NULL AND (lease_until IS NULL OR lease_until < $now)
                """;
            claim.Parameters.AddWithValue("$lease", DbTime.ToText(now + Lease));
            claim.Parameters.AddWithValue("$now", DbTime.ToText(now));
            claim.Parameters.AddWithValue("$id", row.Id);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                claimed.Add(row);
            }
        }

        return claimed;
    }

    // Marking is not cancellable: once the server accepted a message, recording that must not be skipped.
    private async Task MarkSentAsync(Row row)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET sent_at = $now, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$now", DbTime.ToText(timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue("$id", row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task MarkFailedAsync(Row row, string error)
    {
        var attempts = row.Attempts + 1;
        var o = options.Value;
        var delay = TimeSpan.FromTicks((long)Math.Min(o.RetryMaxDelay.Ticks, o.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30))));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET attempts = $attempts, next_attempt_at = $next, last_error = $error, lease_until = NULL WHERE id = $id AND sent_at IS NULL";
        command.Parameters.AddWithValue("$attempts", attempts);
        command.Parameters.AddWithValue("$next", DbTime.ToText(timeProvider.GetUtcNow() + delay));
        command.Parameters.AddWithValue("$error", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue("$id", row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static MimeMessage ToMime(Row row, SmtpOptions smtp)
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

        message.Body = new BodyBuilder { TextBody = row.Text, HtmlBody = row.Html }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Security(SmtpOptions smtp) =>
        smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;

    private static bool IsSmtpFailure(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
            or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException or SslHandshakeException
            or TimeoutException or NotSupportedException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} alerts of run {QueuedRunId}")]
    private partial void LogQueued(int count, string queuedRunId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent alert {OutboxId} ({Kind}) to {RecipientCount} recipients")]
    private partial void LogSent(long outboxId, string kind, int recipientCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP {SmtpHost}:{SmtpPort} unavailable ({Error}); {Count} alerts wait in the outbox")]
    private partial void LogSmtpDown(string smtpHost, int smtpPort, string error, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {OutboxId} not sent: {Error}; it will be retried")]
    private partial void LogSendFailed(long outboxId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {OutboxId} ({Kind}) cannot be built into a message: {Error}; the other alerts are still sent")]
    private partial void LogBuildFailed(long outboxId, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE push {OutboxId} not sent: {Error}; it will be retried")]
    private partial void LogLineFailed(long outboxId, string error);

    private sealed record Row(long Id, string DedupKey, IReadOnlyList<Recipient> Recipients, string Subject, string Text, string? Html, int Attempts, DateTimeOffset CreatedAt, string? RunId, string Kind, string Channel);
}
