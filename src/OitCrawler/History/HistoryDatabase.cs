using Microsoft.Data.Sqlite;

namespace OitCrawler.History;

/// <summary>
/// The embedded SQLite store: opens connections in WAL mode with a busy timeout, and applies the
/// versioned migrations below at start (each in its own transaction, recorded in schema_version),
/// so an old database is upgraded in place and a killed run never leaves a half-made schema.
/// </summary>
internal sealed class HistoryDatabase
{
    /// <summary>Migrations in order; append only, never edit one that has shipped.</summary>
    internal static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL UNIQUE,
            site TEXT NOT NULL,
            year INTEGER NOT NULL,
            rules_year INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            state TEXT NOT NULL,              -- running | reporting | complete | partial | unreachable
            outcome TEXT,
            outcome_reason TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            documents INTEGER NOT NULL DEFAULT 0,
            oit REAL, indicator9 REAL, indicator10 REAL,
            report_path TEXT
        );
        CREATE INDEX runs_site_started ON runs(site, started_at);
        CREATE TABLE item_results (
            run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            sub_indicator TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            evidence_url TEXT,
            evidence_json TEXT NOT NULL,
            reasons_json TEXT NOT NULL,
            PRIMARY KEY (run, code)
        );
        CREATE TABLE pages (
            url TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            content_hash TEXT,
            fetched_at TEXT NOT NULL,
            evidence BLOB NOT NULL            -- gzip'd JSON of PageEvidence or DocumentEvidence
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            dedup_key TEXT NOT NULL UNIQUE,   -- one alert per (run, recipient, kind): never queued twice
            created_at TEXT NOT NULL,
            recipients TEXT NOT NULL,
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            sent_at TEXT,
            last_error TEXT
        );
        CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at);
        """,
        """
        ALTER TABLE runs ADD COLUMN scores_json TEXT;        -- sub-indicator scores, for the trend of each indicator
        ALTER TABLE runs ADD COLUMN run_trigger TEXT;        -- schedule | startup | run-now
        ALTER TABLE outbox ADD COLUMN run_id TEXT;
        ALTER TABLE outbox ADD COLUMN kind TEXT;             -- digest | unit:<id>
        ALTER TABLE outbox ADD COLUMN lease_until TEXT;      -- a sender's claim: two processes never send one row
        CREATE INDEX item_results_code ON item_results(code, run);
        """,
        """
        ALTER TABLE runs ADD COLUMN notes TEXT;              -- steps after storing that failed (reports, page cache, alerts), one a line
        """,
        """
        ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';  -- email | line: one outbox, one retry policy for both
        """,
        """
        ALTER TABLE runs ADD COLUMN reported_state TEXT;     -- a 'reporting' run's state once its report set is in place (or its failure noted)
        """,
    ];

    private readonly string _connectionString;

    public HistoryDatabase(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        Path = full;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>An open connection with foreign keys on and a busy timeout.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Sets WAL mode and applies pending migrations; returns the schema version.</summary>
    /// <exception cref="IOException">The database cannot be opened for writing (a read-only file or folder): named with its folder and the setting.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyMigrationsAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is CantOpen or ReadOnly)
        {
            // SQLite says only "unable to open database file": say which file, and that its folder must be writable
            // (the journal and the WAL files are created beside it), so serve does not stop on a riddle.
            throw new IOException(
                $"cannot open the history database {Path} for writing ({ex.Message.TrimEnd('.')}); the database and its folder {System.IO.Path.GetDirectoryName(Path)} must be writable (History:DatabasePath)", ex);
        }
    }

    private const int ReadOnly = 8; // SQLITE_READONLY

    private const int CantOpen = 14; // SQLITE_CANTOPEN

    private async Task<int> ApplyMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > Migrations.Count)
        {
            throw new InvalidDataException($"{Path}: schema version {current} is newer than this program knows ({Migrations.Count}); upgrade OitCrawler");
        }

        for (var v = current; v < Migrations.Count; v++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var apply = connection.CreateCommand();
            apply.Transaction = tx;
            apply.CommandText = Migrations[v] + "\nINSERT INTO schema_version (version, applied_at) VALUES ($v, datetime('now'));";
            apply.Parameters.AddWithValue("$v", v + 1);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return Migrations.Count;
    }
}
