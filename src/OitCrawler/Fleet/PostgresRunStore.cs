using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.History;

namespace OitCrawler.Fleet;

/// <summary>A site's standing in the fleet: its latest telling run, its latest complete run and the one before, with their verdicts.</summary>
internal sealed record SiteStanding(
    string Site,
    RunSummary Latest,
    RunSummary? Current,
    RunSummary? Previous,
    IReadOnlyDictionary<string, ItemStatus> CurrentItems,
    IReadOnlyDictionary<string, ItemStatus> PreviousItems);

/// <summary>
/// Run history in the fleet's PostgreSQL database: the same <see cref="IRunStore"/> as the SQLite
/// history, same tables and meaning, so everything that reads history (alerts, trend, the dashboard)
/// works on a fleet unchanged. Instants are kept to the millisecond, as SQLite keeps them.
/// </summary>
/// <param name="database">The shared database.</param>
/// <param name="node">This node's name, recorded on the runs it starts; <see cref="AbandonRunningAsync"/> touches only its runs.</param>
internal sealed class PostgresRunStore(PostgresDatabase database, string node) : IRunStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Marks this node's runs left <c>running</c> as abandoned: on a fleet the other nodes' running runs
    /// are alive, so only a restarted node's own leftovers (same node name) are touched here;
    /// <see cref="AbandonSiteAsync"/> handles a dead node's runs when its audit is recovered.
    /// </summary>
    public Task<int> AbandonRunningAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        AbandonAsync("node = $2", node, now, cancellationToken);

    /// <summary>Marks the site's runs left <c>running</c> as abandoned: called by the one audit of the site the cluster allows at a time, before it begins.</summary>
    public Task<int> AbandonSiteAsync(Uri site, DateTimeOffset now, CancellationToken cancellationToken) =>
        AbandonAsync("site = $2", RunOutcomes.SiteKey(site), now, cancellationToken);

    public async Task BeginRunAsync(string runId, Uri site, int year, int rulesYear, DateTimeOffset startedAt, string trigger, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO runs (run_id, site, year, rules_year, started_at, state, run_trigger, node)
            VALUES ($1, $2, $3, $4, $5, 'running', $6, $7)
            """);
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(rulesYear);
        command.Parameters.AddWithValue(Ms(startedAt));
        command.Parameters.AddWithValue(trigger);
        command.Parameters.AddWithValue(node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> FinishRunAsync(string runId, RunState state, AuditResult result, string? reportPath, OutboxBatch? alerts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var update = new NpgsqlCommand("""
            UPDATE runs SET finished_at = $2, state = $3, outcome = $4, outcome_reason = $5,
                pages = $6, documents = $7, oit = $8, indicator9 = $9, indicator10 = $10,
                scores_json = $11, report_path = $12, rules_year = $13
            WHERE run_id = $1
            RETURNING id
            """, connection, tx))
        {
            var p = update.Parameters;
            p.AddWithValue(runId);
            p.AddWithValue(Ms(result.FinishedAt));
            p.AddWithValue(RunStateText.En(state));
            p.AddWithValue(result.Evidence.Outcome.ToString());
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)result.Evidence.OutcomeReason ?? DBNull.Value });
            p.AddWithValue(result.Evidence.Pages.Count);
            p.AddWithValue(result.Evidence.Documents.Count);
            p.AddWithValue(result.Score.Oit);
            p.AddWithValue(result.Score.Indicator9);
            p.AddWithValue(result.Score.Indicator10);
            p.AddWithValue(JsonSerializer.Serialize(result.Score.Indicators.SelectMany(i => i.SubIndicators).ToDictionary(s => s.Id, s => s.Score), Json));
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)reportPath ?? DBNull.Value });
            p.AddWithValue(result.Rules.Year);
            id = (long)(await update.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"run {runId} was not begun"));
        }

        var batch = new NpgsqlBatch(connection, tx);
        foreach (var item in result.Items)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO item_results (run, code, sub_indicator, title, status, evidence_url, evidence_json, reasons_json)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (run, code) DO UPDATE SET sub_indicator = EXCLUDED.sub_indicator, title = EXCLUDED.title, status = EXCLUDED.status,
                    evidence_url = EXCLUDED.evidence_url, evidence_json = EXCLUDED.evidence_json, reasons_json = EXCLUDED.reasons_json
                """);
            var p = insert.Parameters;
            p.AddWithValue(id);
            p.AddWithValue(item.Rule.Code);
            p.AddWithValue(item.Rule.SubIndicator);
            p.AddWithValue(item.Rule.Title);
            p.AddWithValue(ItemStatusText.En(item.Status));
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = item.Evidence.Count > 0 ? item.Evidence[0].Url.AbsoluteUri : DBNull.Value });
            p.AddWithValue(JsonSerializer.Serialize(item.Evidence, Json));
            p.AddWithValue(JsonSerializer.Serialize(item.Reasons, Json));
            batch.BatchCommands.Add(insert);
        }

        await using (batch)
        {
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // The alerts go into the outbox in the run's transaction: a node killed at any moment leaves the run with its alerts or neither.
        var queued = alerts is null ? 0 : await PostgresOutboxStore.InsertAsync(connection, tx, runId, alerts, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }

    public async Task FailRunAsync(string runId, string reason, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE runs SET state = 'partial', outcome = $2, outcome_reason = $3, finished_at = $4 WHERE run_id = $1");
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(RunOutcomes.Error);
        command.Parameters.AddWithValue(reason);
        command.Parameters.AddWithValue(Ms(finishedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetReportPathAsync(string runId, string reportPath, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE runs SET report_path = $2 WHERE run_id = $1");
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(reportPath);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A fleet node writes a run's reports before storing it (FleetAudit): its runs are never left reporting.
    public Task SettleWithoutReportsAsync(string runId, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task AddNoteAsync(string runId, string note, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE runs SET notes = CASE WHEN notes IS NULL THEN $2 ELSE notes || chr(10) || $2 END WHERE run_id = $1");
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(note.Length > 1000 ? note[..1000] : note);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(Uri? site, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT {RunColumns} FROM runs WHERE ($1::text IS NULL OR site = $1) ORDER BY started_at DESC, id DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = site is null ? DBNull.Value : RunOutcomes.SiteKey(site) });
        command.Parameters.AddWithValue(limit);
        var runs = new List<RunSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    public Task<RunDetail?> LastCompleteRunAsync(Uri site, string? excludingRunId, CancellationToken cancellationToken) =>
        DetailAsync(
            $"SELECT {RunColumns}, id FROM runs WHERE site = $1 AND state = 'complete' AND run_id <> $2 ORDER BY started_at DESC, id DESC LIMIT 1",
            [RunOutcomes.SiteKey(site), excludingRunId ?? string.Empty],
            withEvidence: false,
            cancellationToken);

    public Task<RunDetail?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        DetailAsync($"SELECT {RunColumns}, id FROM runs WHERE run_id = $1", [runId], withEvidence: true, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>>> ItemHistoryAsync(Uri site, string? excludingRunId, int runs, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            WITH recent AS (
                SELECT id, started_at FROM runs
                WHERE site = $1 AND state = 'complete' AND run_id <> $2
                ORDER BY started_at DESC, id DESC LIMIT $3)
            SELECT r.id, i.code, i.status FROM recent r LEFT JOIN item_results i ON i.run = r.id
            ORDER BY r.started_at DESC, r.id DESC
            """);
        command.Parameters.AddWithValue(RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue(excludingRunId ?? string.Empty);
        command.Parameters.AddWithValue(runs);
        var rows = new List<(long Run, string? Code, string? Status)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        // As in SQLite: an item absent from a run (another rules year) ends its history there.
        var order = rows.Select(r => r.Run).Distinct().ToList();
        var history = new Dictionary<string, IReadOnlyList<ItemStatus>>(StringComparer.Ordinal);
        foreach (var group in rows.Where(r => r.Code is not null).GroupBy(r => r.Code!, StringComparer.Ordinal))
        {
            var statusByRun = group.ToDictionary(r => r.Run, r => RunStateText.ParseStatus(r.Status!));
            history[group.Key] = order.TakeWhile(statusByRun.ContainsKey).Select(run => statusByRun[run]).ToList();
        }

        return history;
    }

    public async Task<IReadOnlyList<ItemVerdict>> ItemTimelineAsync(Uri site, string code, int runs, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT {RunColumns}, {ItemColumns}
            FROM runs r JOIN item_results i ON i.run = r.id
            WHERE r.site = $1 AND i.code = $2 AND r.state <> 'running'
            ORDER BY r.started_at DESC, r.id DESC LIMIT $3
            """);
        command.Parameters.AddWithValue(RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue(code);
        command.Parameters.AddWithValue(runs);
        var timeline = new List<ItemVerdict>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timeline.Add(new ItemVerdict(ReadRun(reader), ReadItem(reader, RunColumnCount, withEvidence: true)));
        }

        return timeline;
    }

    /// <summary>
    /// For each of the sites (store keys): its latest run that says something about the site (not running,
    /// not interrupted), its latest two complete runs and their verdicts: what the fleet report is built from.
    /// </summary>
    public async Task<IReadOnlyList<SiteStanding>> StandingsAsync(IReadOnlyCollection<string> sites, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = new List<(RunSummary Run, long Id, bool Latest, long CompleteRank)>();
        await using (var command = new NpgsqlCommand($"""
            WITH told AS (
                SELECT runs.*,
                    row_number() OVER (PARTITION BY site ORDER BY started_at DESC, id DESC) AS latest,
                    row_number() OVER (PARTITION BY site, state ORDER BY started_at DESC, id DESC) AS rank_in_state
                FROM runs
                WHERE site = ANY($1) AND state <> 'running' AND coalesce(outcome, '') NOT IN ($2, $3, $4))
            SELECT {RunColumns}, id, latest = 1, CASE WHEN state = 'complete' THEN rank_in_state ELSE 0 END
            FROM told WHERE latest = 1 OR (state = 'complete' AND rank_in_state <= 2)
            """, connection))
        {
            command.Parameters.AddWithValue(sites.ToArray());
            command.Parameters.AddWithValue(RunOutcomes.Cancelled);
            command.Parameters.AddWithValue(RunOutcomes.Abandoned);
            command.Parameters.AddWithValue(RunOutcomes.Error);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((ReadRun(reader), reader.GetInt64(RunColumnCount), reader.GetBoolean(RunColumnCount + 1), reader.GetInt64(RunColumnCount + 2)));
            }
        }

        var verdicts = new Dictionary<long, Dictionary<string, ItemStatus>>();
        await using (var command = new NpgsqlCommand("SELECT run, code, status FROM item_results WHERE run = ANY($1)", connection))
        {
            command.Parameters.AddWithValue(rows.Where(r => r.CompleteRank > 0).Select(r => r.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var run = reader.GetInt64(0);
                if (!verdicts.TryGetValue(run, out var items))
                {
                    verdicts[run] = items = new Dictionary<string, ItemStatus>(StringComparer.Ordinal);
                }

                items[reader.GetString(1)] = RunStateText.ParseStatus(reader.GetString(2));
            }
        }

        IReadOnlyDictionary<string, ItemStatus> Items(long? id) =>
            id is { } run && verdicts.TryGetValue(run, out var items) ? items : new Dictionary<string, ItemStatus>();
        return rows.GroupBy(r => r.Run.Site, StringComparer.Ordinal).Select(g =>
        {
            var current = g.FirstOrDefault(r => r.CompleteRank == 1);
            var previous = g.FirstOrDefault(r => r.CompleteRank == 2);
            return new SiteStanding(
                g.Key,
                g.First(r => r.Latest).Run,
                current.Run,
                previous.Run,
                Items(current.Run is null ? null : current.Id),
                Items(previous.Run is null ? null : previous.Id));
        }).ToList();
    }

    private async Task<int> AbandonAsync(string where, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            UPDATE runs SET state = 'partial', outcome = $3, finished_at = $1,
                outcome_reason = 'the process stopped before the run finished / โปรแกรมหยุดก่อนตรวจเสร็จ'
            WHERE state = 'running' AND {where}
            """);
        command.Parameters.AddWithValue(Ms(now));
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(RunOutcomes.Abandoned);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Items in code order (byte order), the order SQLite reads them in by its primary key.
    private async Task<RunDetail?> DetailAsync(string sql, IReadOnlyList<string> args, bool withEvidence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        RunSummary run;
        long id;
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            foreach (var arg in args)
            {
                command.Parameters.AddWithValue(arg);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            run = ReadRun(reader);
            id = reader.GetInt64(RunColumnCount);
        }

        var items = new List<StoredItem>();
        await using (var command = new NpgsqlCommand($"SELECT {ItemColumns} FROM item_results i WHERE i.run = $1 ORDER BY i.code COLLATE \"C\"", connection))
        {
            command.Parameters.AddWithValue(id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadItem(reader, 0, withEvidence));
            }
        }

        return new RunDetail(run, items);
    }

    private const string RunColumns = "run_id, site, year, rules_year, started_at, finished_at, state, outcome, outcome_reason, pages, documents, oit, indicator9, indicator10, scores_json, report_path, run_trigger, notes";
    private const int RunColumnCount = 18;
    private const string ItemColumns = "i.code, i.sub_indicator, i.title, i.status, i.evidence_url, i.evidence_json, i.reasons_json";

    private static DateTime Ms(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    private static DateTimeOffset Instant(NpgsqlDataReader r, int i) => new(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc), TimeSpan.Zero);

    private static RunSummary ReadRun(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        r.GetInt32(3),
        Instant(r, 4),
        r.IsDBNull(5) ? null : Instant(r, 5),
        RunStateText.Parse(r.GetString(6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.GetInt32(9),
        r.GetInt32(10),
        r.IsDBNull(11) ? null : r.GetDouble(11),
        r.IsDBNull(12) ? null : r.GetDouble(12),
        r.IsDBNull(13) ? null : r.GetDouble(13),
        r.IsDBNull(14) ? new Dictionary<string, double>() : JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(14), Json) ?? [],
        r.IsDBNull(15) ? null : r.GetString(15),
        r.IsDBNull(16) ? null : r.GetString(16),
        r.IsDBNull(17) ? null : r.GetString(17));

    private static StoredItem ReadItem(NpgsqlDataReader r, int at, bool withEvidence) => new(
        r.GetString(at),
        r.GetString(at + 1),
        r.GetString(at + 2),
        RunStateText.ParseStatus(r.GetString(at + 3)),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4))
    {
        Evidence = withEvidence ? JsonSerializer.Deserialize<List<EvidenceRef>>(r.GetString(at + 5), Json) ?? [] : [],
        Reasons = withEvidence ? JsonSerializer.Deserialize<List<Reason>>(r.GetString(at + 6), Json) ?? [] : [],
    };
}
