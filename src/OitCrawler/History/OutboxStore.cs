using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OitCrawler.History;

/// <summary>
/// The alert outbox table in the history database: rows are queued under a dedup key (run + channel + kind +
/// recipients) so a restart never queues one twice, leased before sending so two processes (the service and
/// <c>run-now</c>) never send the same one, and marked sent or failed (with the next attempt's time). Sending is
/// the Alerts folder's job; this class only keeps the rows.
/// </summary>
internal sealed class OutboxStore(HistoryDatabase database, TimeProvider timeProvider) : IOutboxStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Queues <paramref name="messages"/> for <paramref name="runId"/> in one transaction; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(string runId, IReadOnlyList<AlertMessage> messages, TimeSpan hold, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var added = await InsertAsync(tx, runId, new OutboxBatch(messages, timeProvider.GetUtcNow(), hold), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// Inserts <paramref name="batch"/> inside <paramref name="tx"/>: the run store calls it in the transaction that
    /// stores the run, so a run is never stored without its alerts. Returns how many were new.
    /// </summary>
    public static async Task<int> InsertAsync(SqliteTransaction tx, string runId, OutboxBatch batch, CancellationToken cancellationToken)
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

    /// <summary>Alerts not yet sent.</summary>
    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Leases the rows of <paramref name="channels"/> (one or two) that are due, and those of
    /// <paramref name="releaseRunId"/> still on hold, oldest first (at most 200).
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(string? releaseRunId, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = new List<OutboxRow>();
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
                due.Add(new OutboxRow(
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

        var claimed = new List<OutboxRow>();
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

    /// <summary>Records that the server accepted <paramref name="row"/>.</summary>
    public async Task MarkSentAsync(OutboxRow row)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET sent_at = $now, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$now", DbTime.ToText(timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue("$id", row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Records a failed attempt: the error (500 characters at most) and when to try again.</summary>
    public async Task MarkFailedAsync(OutboxRow row, string error, TimeSpan retryAfter)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET attempts = $attempts, next_attempt_at = $next, last_error = $error, lease_until = NULL WHERE id = $id AND sent_at IS NULL";
        command.Parameters.AddWithValue("$attempts", row.Attempts + 1);
        command.Parameters.AddWithValue("$next", DbTime.ToText(timeProvider.GetUtcNow() + retryAfter));
        command.Parameters.AddWithValue("$error", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue("$id", row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The per-run key: run, channel (none for e-mail), kind and the recipients' addresses.</summary>
    public static string DedupKey(string runId, AlertMessage message) =>
        $"{runId}|{(message.Channel == AlertChannels.Email ? string.Empty : message.Channel + ":")}{message.Kind}|{string.Join(",", message.To.Select(r => r.Address.ToLowerInvariant()).Order(StringComparer.Ordinal))}";
}
