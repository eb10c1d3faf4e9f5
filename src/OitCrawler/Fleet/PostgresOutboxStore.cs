using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OitCrawler.History;

namespace OitCrawler.Fleet;

/// <summary>
/// The alert outbox in the fleet's PostgreSQL database, with the SQLite outbox's rules: a row is queued
/// under its dedup key (a second queueing does nothing), claimed with a lease before sending in one
/// statement (<c>FOR UPDATE SKIP LOCKED</c>, so two nodes flushing at once never take the same row), and
/// marked sent or failed with the next attempt's time. Any node's outbox job sends what any node queued.
/// </summary>
internal sealed class PostgresOutboxStore(PostgresDatabase database, TimeProvider timeProvider) : IOutboxStore
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async Task<int> EnqueueAsync(string runId, IReadOnlyList<AlertMessage> messages, TimeSpan hold, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var added = await InsertAsync(connection, tx, runId, new OutboxBatch(messages, timeProvider.GetUtcNow(), hold), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Inserts <paramref name="batch"/> inside <paramref name="tx"/> (the run store's, so a run is never stored without its alerts); returns how many were new.</summary>
    public static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string runId, OutboxBatch batch, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var message in batch.Messages)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox (dedup_key, created_at, recipients, subject, body_text, body_html, next_attempt_at, run_id, kind, channel)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (dedup_key) DO NOTHING
                """, connection, tx);
            var p = insert.Parameters;
            p.AddWithValue(message.DedupKey ?? OutboxStore.DedupKey(runId, message));
            p.AddWithValue(Ms(batch.QueuedAt));
            p.AddWithValue(JsonSerializer.Serialize(message.To));
            p.AddWithValue(message.Subject);
            p.AddWithValue(message.TextBody);
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)message.HtmlBody ?? DBNull.Value });
            p.AddWithValue(Ms(batch.QueuedAt + batch.Hold));
            p.AddWithValue(runId);
            p.AddWithValue(message.Kind);
            p.AddWithValue(message.Channel);
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    public async Task<int> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(string? releaseRunId, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var now = Ms(timeProvider.GetUtcNow());
        await using var command = database.DataSource.CreateCommand("""
            WITH due AS (
                SELECT id FROM outbox
                WHERE sent_at IS NULL AND (next_attempt_at <= $1 OR (run_id = $2 AND attempts = 0))
                    AND (lease_until IS NULL OR lease_until < $1) AND channel = ANY($3)
                ORDER BY id LIMIT 200
                FOR UPDATE SKIP LOCKED)
            UPDATE outbox o SET lease_until = $4 FROM due WHERE o.id = due.id
            RETURNING o.id, o.dedup_key, o.recipients, o.subject, o.body_text, o.body_html, o.attempts, o.created_at, o.run_id, o.kind, o.channel
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)releaseRunId ?? DBNull.Value });
        command.Parameters.AddWithValue(channels.ToArray());
        command.Parameters.AddWithValue(now + Lease);
        var claimed = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OutboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                JsonSerializer.Deserialize<List<Recipient>>(reader.GetString(2)) ?? [],
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10)));
        }

        return [.. claimed.OrderBy(r => r.Id)];
    }

    // Marking is not cancellable: once the server accepted a message, recording that must not be skipped.
    public async Task MarkSentAsync(OutboxRow row)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE outbox SET sent_at = $1, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = $2");
        command.Parameters.AddWithValue(Ms(timeProvider.GetUtcNow()));
        command.Parameters.AddWithValue(row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async Task MarkFailedAsync(OutboxRow row, string error, TimeSpan retryAfter)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE outbox SET attempts = $1, next_attempt_at = $2, last_error = $3, lease_until = NULL WHERE id = $4 AND sent_at IS NULL");
        command.Parameters.AddWithValue(row.Attempts + 1);
        command.Parameters.AddWithValue(Ms(timeProvider.GetUtcNow() + retryAfter));
        command.Parameters.AddWithValue(error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue(row.Id);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static DateTime Ms(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
