using System.Text.Json;
using Npgsql;
using OitCrawler.Assessment;
using OitCrawler.Evidence;
using OitCrawler.Fleet;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// The PostgreSQL history against a real throwaway server, held to the SQLite history's answers: the
/// same runs are written to both stores and every read of <see cref="IRunStore"/> must agree.
/// </summary>
[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class PostgresRunStoreTests(PostgresServer server) : IDisposable
{
    private static readonly DateTimeOffset Night = new(2025, 1, 9, 19, 0, 0, 123, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task EveryRead_SameRunsInSqliteAndPostgres_GiveTheSameAnswers()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await database.MigrateAsync(CancellationToken.None);
        var sqliteDb = new HistoryDatabase(_temp.File("history.db"));
        await sqliteDb.MigrateAsync(CancellationToken.None);
        IRunStore[] stores = [new SqliteRunStore(sqliteDb), new PostgresRunStore(database, "node-a")];

        foreach (var store in stores)
        {
            await RunAsync(store, "a", Night, RunState.Complete, ItemStatus.Pass);
            await RunAsync(store, "b", Night.AddDays(1), RunState.Complete, ItemStatus.Missing, reason: "<b>ปี 2566</b>");
            await RunAsync(store, "c", Night.AddDays(2), RunState.Unreachable, ItemStatus.Unreachable, CrawlOutcome.Unreachable);
            await RunAsync(store, "d", Night.AddDays(3), RunState.Partial, ItemStatus.Missing, CrawlOutcome.Cancelled);
            await RunAsync(store, "e", Night.AddDays(4), RunState.Complete, ItemStatus.Stale);
            await store.AddNoteAsync("e", "reports failed: disk full", CancellationToken.None);
            await store.AddNoteAsync("e", "e-mail failed", CancellationToken.None);
            await store.BeginRunAsync("f", Audits.Site, 2568, 2568, Night.AddDays(5), "run-now", CancellationToken.None);
            await store.FailRunAsync("f", "Error: boom", Night.AddDays(5).AddMinutes(1), CancellationToken.None);
            await store.BeginRunAsync("other", new Uri("https://other.test/"), 2568, 2568, Night.AddDays(5), "schedule", CancellationToken.None);
        }

        async Task<string[]> Answers(IRunStore store) =>
        [
            Show(await store.ListRunsAsync(null, 50, CancellationToken.None)),
            Show(await store.ListRunsAsync(Audits.Site, 3, CancellationToken.None)),
            Show(await store.LastCompleteRunAsync(Audits.Site, null, CancellationToken.None)),
            Show(await store.LastCompleteRunAsync(Audits.Site, "e", CancellationToken.None)),
            Show(new SortedDictionary<string, IReadOnlyList<ItemStatus>>(new Dictionary<string, IReadOnlyList<ItemStatus>>(await store.ItemHistoryAsync(Audits.Site, "e", 10, CancellationToken.None)), StringComparer.Ordinal)), // a map: order is not part of it
            Show(await store.GetRunAsync("b", CancellationToken.None)),
            Show(await store.GetRunAsync("nope", CancellationToken.None)),
            Show(await store.ItemTimelineAsync(Audits.Site, "O12", 10, CancellationToken.None)),
        ];

        var sqlite = await Answers(stores[0]);
        var postgres = await Answers(stores[1]);

        for (var i = 0; i < sqlite.Length; i++)
        {
            Assert.Equal(sqlite[i], postgres[i]);
        }

        var runs = await stores[1].ListRunsAsync(null, 50, CancellationToken.None);
        Assert.Equal(["f", "other", "e", "d", "c", "b", "a"], runs.Select(r => r.RunId).Take(2).Order(StringComparer.Ordinal).Concat(runs.Skip(2).Select(r => r.RunId)));
        Assert.Equal("reports failed: disk full\ne-mail failed", runs.Single(r => r.RunId == "e").Notes);
        Assert.Equal(Night, runs.Single(r => r.RunId == "a").StartedAt); // milliseconds kept, as SQLite keeps them
        Assert.Equal("<b>ปี 2566</b>", (await stores[1].GetRunAsync("b", CancellationToken.None))!.Items.Single(i => i.Code == "O12").Reasons[0].Th);
    }

    [Fact]
    public async Task Abandon_OnlyThisNodesOrTheSitesRunningRuns()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await database.MigrateAsync(CancellationToken.None);
        var a = new PostgresRunStore(database, "node-a");
        var b = new PostgresRunStore(database, "node-b");
        var other = new Uri("https://other.test/");
        await a.BeginRunAsync("a1", Audits.Site, 2568, 2568, Night, "schedule", CancellationToken.None);
        await b.BeginRunAsync("b1", other, 2568, 2568, Night, "schedule", CancellationToken.None);
        await b.BeginRunAsync("b2", new Uri("https://third.test/"), 2568, 2568, Night, "schedule", CancellationToken.None);

        Assert.Equal(1, await a.AbandonRunningAsync(Night.AddHours(1), CancellationToken.None));
        Assert.Equal(1, await a.AbandonSiteAsync(other, Night.AddHours(1), CancellationToken.None));

        var runs = (await a.ListRunsAsync(null, 10, CancellationToken.None)).ToDictionary(r => r.RunId);
        Assert.Equal(RunOutcomes.Abandoned, runs["a1"].Outcome);
        Assert.Equal(RunOutcomes.Abandoned, runs["b1"].Outcome);
        Assert.Equal(RunState.Running, runs["b2"].State); // another node's live audit is left alone
    }

    [Fact]
    public async Task MigrateAsync_ManyNodesAtOnce_AppliesEachMigrationOnce()
    {
        var connection = await server.CreateDatabaseAsync();
        var databases = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connection)).ToList();

        var versions = await Task.WhenAll(databases.Select(d => d.MigrateAsync(CancellationToken.None)));

        Assert.All(versions, v => Assert.Equal(PostgresDatabase.Migrations.Count, v));
        await using var check = new NpgsqlConnection(connection);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_version", check);
        Assert.Equal((long)PostgresDatabase.Migrations.Count, await count.ExecuteScalarAsync());
        foreach (var d in databases)
        {
            await d.DisposeAsync();
        }
    }

    public void Dispose() => _temp.Dispose();

    private static string Show(object? value) => JsonSerializer.Serialize(value, Json);

    private static async Task RunAsync(IRunStore store, string id, DateTimeOffset at, RunState state, ItemStatus o12, CrawlOutcome outcome = CrawlOutcome.Completed, string? reason = null)
    {
        var result = Audits.Make(o12 == ItemStatus.Pass ? null : new Dictionary<string, ItemStatus> { ["O12"] = o12 }, outcome, at, reason);
        await store.BeginRunAsync(id, result.Site, 2568, 2568, at, "schedule", CancellationToken.None);
        await store.FinishRunAsync(id, state, result, $"/out/runs/{id}", null, CancellationToken.None);
    }
}
