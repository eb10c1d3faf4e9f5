using Microsoft.Data.Sqlite;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.History;

[Trait("speed", "fast")]
public sealed class HistoryDatabaseTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MigrateAsync_EmptyFile_CreatesEveryTableInWalMode()
    {
        var database = new HistoryDatabase(_temp.File("sub/history.db"));

        var version = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(HistoryDatabase.Migrations.Count, version);
        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode"));
        foreach (var table in new[] { "runs", "item_results", "pages", "outbox", "schema_version" })
        {
            Assert.Equal(1L, await ScalarAsync(database, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'lease_until'"));
    }

    [Fact]
    public async Task MigrateAsync_Reopened_AppliesNothingTwice()
    {
        var path = _temp.File("history.db");
        await new HistoryDatabase(path).MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var reopened = new HistoryDatabase(path);
        Assert.Equal(HistoryDatabase.Migrations.Count, await reopened.MigrateAsync(CancellationToken.None));
        Assert.Equal((long)HistoryDatabase.Migrations.Count, await ScalarAsync(reopened, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", await ScalarAsync(reopened, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task MigrateAsync_Version1Database_UpgradesInPlaceKeepingItsRuns()
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);"
                + HistoryDatabase.Migrations[0]
                + "INSERT INTO schema_version VALUES (1, 'then');"
                + "INSERT INTO runs (run_id, site, year, rules_year, started_at, state) VALUES ('old', 'https://x.go.th/', 2568, 2568, '2025-01-01T00:00:00.000Z', 'complete');";
            await command.ExecuteNonQueryAsync();
        }

        await database.MigrateAsync(CancellationToken.None);

        var runs = await new SqliteRunStore(database).ListRunsAsync(null, 10, CancellationToken.None);
        var run = Assert.Single(runs);
        Assert.Equal("old", run.RunId);
        Assert.Null(run.Trigger); // a column added by migration 2
        Assert.Empty(run.SubIndicators);
    }

    [Fact]
    public async Task MigrateAsync_NewerSchemaThanThisProgram_Refuses()
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        await ScalarAsync(database, "INSERT INTO schema_version VALUES (99, 'future')");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => database.MigrateAsync(CancellationToken.None));
        Assert.Contains("upgrade OitCrawler", ex.Message, StringComparison.Ordinal);
    }

    internal static async Task<object?> ScalarAsync(HistoryDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
