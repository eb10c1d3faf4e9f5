using Npgsql;

namespace OitCrawler.Fleet;

/// <summary>
/// The fleet's shared PostgreSQL database: run history (the tables of the SQLite history, same
/// meaning) and the cluster-wide host leases. Versioned migrations run at start under an advisory
/// lock, each in its own transaction, so nodes starting together never apply one twice. The Quartz
/// tables are Quartz's own: its job store provisions them (<c>ProvisionSchema</c>).
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>Migrations in order; append only, never edit one that has shipped.</summary>
    internal static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE runs (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id TEXT NOT NULL UNIQUE,
            site TEXT NOT NULL,
            year INTEGER NOT NULL,
            rules_year INTEGER NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            state TEXT NOT NULL,              -- running | complete | partial | unreachable
            outcome TEXT,
            outcome_reason TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            documents INTEGER NOT NULL DEFAULT 0,
            oit DOUBLE PRECISION, indicator9 DOUBLE PRECISION, indicator10 DOUBLE PRECISION,
            scores_json TEXT,
            report_path TEXT,
            run_trigger TEXT,
            notes TEXT,
            node TEXT                         -- the fleet node that ran it
        );
        CREATE INDEX runs_site_started ON runs(site, started_at);
        CREATE INDEX runs_running ON runs(state) WHERE state = 'running';
        CREATE TABLE item_results (
            run BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            sub_indicator TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            evidence_url TEXT,
            evidence_json TEXT NOT NULL,
            reasons_json TEXT NOT NULL,
            PRIMARY KEY (run, code)
        );
        CREATE INDEX item_results_code ON item_results(code, run);
        """,
        """
        CREATE TABLE outbox (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,   -- one alert per (run, channel, kind, recipients); a province digest per night: never queued twice
            created_at TIMESTAMPTZ NOT NULL,
            recipients TEXT NOT NULL,         -- JSON [{name, address}]
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMPTZ NOT NULL,
            sent_at TIMESTAMPTZ,
            last_error TEXT,
            run_id TEXT,                      -- the run, or digest-<province>-<date>
            kind TEXT NOT NULL,               -- digest | baseline | weekly | unit:<id> | province
            channel TEXT NOT NULL,            -- email | line
            lease_until TIMESTAMPTZ           -- a node's claim while it sends: no two nodes send one row
        );
        CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL;
        """,
    ];

    // The key of the advisory lock migrations run under ("OITMIGR" in ASCII): one node at a time.
    private const long MigrationLock = 0x4F49544D494752;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Describe = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        DataSource = NpgsqlDataSource.Create(builder);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the database is, for messages (no password).</summary>
    public string Describe { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Applies pending migrations; returns the schema version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            take.Parameters.AddWithValue(MigrationLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var table = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", connection))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            int current;
            await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection))
            {
                current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (current > Migrations.Count)
            {
                throw new InvalidDataException($"{Describe}: schema version {current} is newer than this program knows ({Migrations.Count}); upgrade OitCrawler on this node");
            }

            for (var v = current; v < Migrations.Count; v++)
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(Migrations[v], connection, tx))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES ($1)", connection, tx))
                {
                    record.Parameters.AddWithValue(v + 1);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.AddWithValue(MigrationLock);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None); // always release, even when cancelled
        }

        return Migrations.Count;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
