using System.Text.Json;
using Microsoft.Data.Sqlite;
using OitCrawler.Assessment;
using OitCrawler.Audit;

namespace OitCrawler.History;

/// <summary>Run history in the SQLite file of <see cref="HistoryDatabase"/>.</summary>
internal sealed class SqliteRunStore(HistoryDatabase database) : IRunStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> AbandonRunningAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE runs SET state = 'partial', outcome = $outcome, finished_at = $now,
                outcome_reason = 'the process stopped before the run finished / โปรแกรมหยุดก่อนตรวจเสร็จ'
            WHERE state = 'running'
            """;
        command.Parameters.AddWithValue("$outcome", RunOutcomes.Abandoned);
        command.Parameters.AddWithValue("$now", DbTime.ToText(now));
        var abandoned = await command.ExecuteNonQueryAsync(cancellationToken);

        // Stored, but its reports neither in place nor failed: the process died between storing the run and the end
        // of its reports. Its verdicts and alerts stand; the note says why it has no report.
        await using var noReports = connection.CreateCommand();
        noReports.CommandText = $"""
            UPDATE runs SET state = COALESCE(reported_state, 'complete'),
                notes = CASE WHEN notes IS NULL THEN '{NoReportsNote}' ELSE notes || char(10) || '{NoReportsNote}' END
            WHERE state = 'reporting'
            """;
        await noReports.ExecuteNonQueryAsync(cancellationToken);
        return abandoned;
    }

    /// <summary>The note on a run whose process stopped after storing it and before its reports were written.</summary>
    internal const string NoReportsNote = "the process stopped after storing the run, before its reports were written / โปรแกรมหยุดก่อนเขียนรายงาน";

    public async Task SetReportPathAsync(string runId, string reportPath, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET report_path = $report, state = COALESCE(reported_state, state) WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$report", reportPath);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SettleWithoutReportsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET state = COALESCE(reported_state, state) WHERE run_id = $id AND state = 'reporting'";
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task BeginRunAsync(string runId, Uri site, int year, int rulesYear, DateTimeOffset startedAt, string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (run_id, site, year, rules_year, started_at, state, run_trigger)
            VALUES ($id, $site, $year, $rules, $started, 'running', $trigger)
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue("$year", year);
        command.Parameters.AddWithValue("$rules", rulesYear);
        command.Parameters.AddWithValue("$started", DbTime.ToText(startedAt));
        command.Parameters.AddWithValue("$trigger", trigger);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> FinishRunAsync(string runId, RunState state, AuditResult result, string? reportPath, OutboxBatch? alerts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = tx;
            update.CommandText = """
                UPDATE runs SET finished_at = $finished, state = $state, reported_state = $reported, outcome = $outcome, outcome_reason = $reason,
                    pages = $pages, documents = $documents, oit = $oit, indicator9 = $i9, indicator10 = $i10,
                    scores_json = $scores, report_path = $report, rules_year = $rules
                WHERE run_id = $id
                RETURNING id
                """;
            update.Parameters.AddWithValue("$id", runId);
            update.Parameters.AddWithValue("$finished", DbTime.ToText(result.FinishedAt));
            update.Parameters.AddWithValue("$state", reportPath is null ? RunStateText.En(RunState.Reporting) : RunStateText.En(state)); // complete only with its reports
            update.Parameters.AddWithValue("$reported", RunStateText.En(state));
            update.Parameters.AddWithValue("$outcome", result.Evidence.Outcome.ToString());
            update.Parameters.AddWithValue("$reason", (object?)result.Evidence.OutcomeReason ?? DBNull.Value);
            update.Parameters.AddWithValue("$pages", result.Evidence.Pages.Count);
            update.Parameters.AddWithValue("$documents", result.Evidence.Documents.Count);
            update.Parameters.AddWithValue("$oit", result.Score.Oit);
            update.Parameters.AddWithValue("$i9", result.Score.Indicator9);
            update.Parameters.AddWithValue("$i10", result.Score.Indicator10);
            update.Parameters.AddWithValue("$scores", JsonSerializer.Serialize(
                result.Score.Indicators.SelectMany(i => i.SubIndicators).ToDictionary(s => s.Id, s => s.Score), Json));
            update.Parameters.AddWithValue("$report", (object?)reportPath ?? DBNull.Value);
            update.Parameters.AddWithValue("$rules", result.Rules.Year);
            id = (long)(await update.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException($"run {runId} was not begun"));
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT OR REPLACE INTO item_results (run, code, sub_indicator, title, status, evidence_url, evidence_json, reasons_json)
                VALUES ($run, $code, $sub, $title, $status, $url, $evidence, $reasons)
                """;
            var p = insert.Parameters;
            p.AddWithValue("$run", id);
            var code = p.Add("$code", SqliteType.Text);
            var sub = p.Add("$sub", SqliteType.Text);
            var title = p.Add("$title", SqliteType.Text);
            var status = p.Add("$status", SqliteType.Text);
            var url = p.Add("$url", SqliteType.Text);
            var evidence = p.Add("$evidence", SqliteType.Text);
            var reasons = p.Add("$reasons", SqliteType.Text);
            foreach (var item in result.Items)
            {
                code.Value = item.Rule.Code;
                sub.Value = item.Rule.SubIndicator;
                title.Value = item.Rule.Title;
                status.Value = ItemStatusText.En(item.Status);
                url.Value = item.Evidence.Count > 0 ? item.Evidence[0].Url.AbsoluteUri : DBNull.Value;
                evidence.Value = JsonSerializer.Serialize(item.Evidence, Json);
                reasons.Value = JsonSerializer.Serialize(item.Reasons, Json);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var queued = alerts is null ? 0 : await OutboxStore.InsertAsync(tx, runId, alerts, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }

    public async Task AddNoteAsync(string runId, string note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET notes = CASE WHEN notes IS NULL THEN $note ELSE notes || char(10) || $note END WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$note", note.Length > 1000 ? note[..1000] : note);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailRunAsync(string runId, string reason, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE runs SET state = 'partial', outcome = $outcome, outcome_reason = $reason, finished_at = $at WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$outcome", RunOutcomes.Error);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$at", DbTime.ToText(finishedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(Uri? site, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs {(site is null ? string.Empty : "WHERE site = $site")} ORDER BY started_at DESC, id DESC LIMIT $limit";
        if (site is not null)
        {
            command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
        }

        command.Parameters.AddWithValue("$limit", limit);
        var runs = new List<RunSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    public async Task<RunDetail?> LastCompleteRunAsync(Uri site, string? excludingRunId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        RunSummary run;
        long id;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {RunColumns}, id FROM runs
                WHERE site = $site AND state = 'complete' AND run_id <> $exclude
                ORDER BY started_at DESC, id DESC LIMIT 1
                """;
            command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
            command.Parameters.AddWithValue("$exclude", excludingRunId ?? string.Empty);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            run = ReadRun(reader);
            id = reader.GetInt64(RunColumnCount);
        }

        var items = new List<StoredItem>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT code, sub_indicator, title, status, evidence_url FROM item_results WHERE run = $run";
            command.Parameters.AddWithValue("$run", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new StoredItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), RunStateText.ParseStatus(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        return new RunDetail(run, items);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ItemStatus>>> ItemHistoryAsync(Uri site, string? excludingRunId, int runs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH recent AS (
                SELECT id, started_at FROM runs
                WHERE site = $site AND state = 'complete' AND run_id <> $exclude
                ORDER BY started_at DESC, id DESC LIMIT $runs)
            SELECT r.id, i.code, i.status FROM recent r LEFT JOIN item_results i ON i.run = r.id
            ORDER BY r.started_at DESC, r.id DESC
            """;
        command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue("$exclude", excludingRunId ?? string.Empty);
        command.Parameters.AddWithValue("$runs", runs);
        var rows = new List<(long Run, string? Code, string? Status)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        // An item absent from a run (another rules year) ends its history there: streaks do not jump gaps.
        var order = rows.Select(r => r.Run).Distinct().ToList();
        var byCode = rows.Where(r => r.Code is not null).GroupBy(r => r.Code!, StringComparer.Ordinal);
        var history = new Dictionary<string, IReadOnlyList<ItemStatus>>(StringComparer.Ordinal);
        foreach (var group in byCode)
        {
            var statusByRun = group.ToDictionary(r => r.Run, r => RunStateText.ParseStatus(r.Status!));
            history[group.Key] = order.TakeWhile(statusByRun.ContainsKey).Select(run => statusByRun[run]).ToList();
        }

        return history;
    }

    public async Task<RunDetail?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        RunSummary run;
        long id;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {RunColumns}, id FROM runs WHERE run_id = $id";
            command.Parameters.AddWithValue("$id", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            run = ReadRun(reader);
            id = reader.GetInt64(RunColumnCount);
        }

        var items = new List<StoredItem>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {ItemColumns} FROM item_results i WHERE i.run = $run";
            command.Parameters.AddWithValue("$run", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadItem(reader, 0));
            }
        }

        return new RunDetail(run, items);
    }

    public async Task<IReadOnlyList<ItemVerdict>> ItemTimelineAsync(Uri site, string code, int runs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RunColumns}, {ItemColumns}
            FROM runs r JOIN item_results i ON i.run = r.id
            WHERE r.site = $site AND i.code = $code AND r.state <> 'running'
            ORDER BY r.started_at DESC, r.id DESC LIMIT $runs
            """;
        command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$runs", runs);
        var timeline = new List<ItemVerdict>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            timeline.Add(new ItemVerdict(ReadRun(reader), ReadItem(reader, RunColumnCount)));
        }

        return timeline;
    }

    private const string ItemColumns = "i.code, i.sub_indicator, i.title, i.status, i.evidence_url, i.evidence_json, i.reasons_json";

    private static StoredItem ReadItem(SqliteDataReader r, int at) => new(
        r.GetString(at),
        r.GetString(at + 1),
        r.GetString(at + 2),
        RunStateText.ParseStatus(r.GetString(at + 3)),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4))
    {
        Evidence = JsonSerializer.Deserialize<List<EvidenceRef>>(r.GetString(at + 5), Json) ?? [],
        Reasons = JsonSerializer.Deserialize<List<Reason>>(r.GetString(at + 6), Json) ?? [],
    };

    private const string RunColumns = "run_id, site, year, rules_year, started_at, finished_at, state, outcome, outcome_reason, pages, documents, oit, indicator9, indicator10, scores_json, report_path, run_trigger, notes";
    private const int RunColumnCount = 18;

    private static RunSummary ReadRun(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        r.GetInt32(3),
        DbTime.Parse(r.GetString(4)),
        r.IsDBNull(5) ? null : DbTime.Parse(r.GetString(5)),
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
}
