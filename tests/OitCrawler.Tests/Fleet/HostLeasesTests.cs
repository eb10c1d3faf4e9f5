using OitCrawler.Fleet;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class HostLeasesTests(PostgresServer server)
{
    [Fact]
    public async Task AcquireAsync_SharedHost_WaitsUntilTheHolderReleases_OtherHostsDoNot()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        var leases = new HostLeases(database, TimeProvider.System);
        var retry = TimeSpan.FromMilliseconds(20);

        var first = await leases.AcquireAsync(["a.go.th", "shared.host"], retry, CancellationToken.None);
        var other = await leases.AcquireAsync(["b.go.th"], retry, CancellationToken.None);
        var waiting = leases.AcquireAsync(["shared.host", "c.go.th"], retry, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        // All or none: while it waits for shared.host the second audit does not sit on c.go.th.
        await using (var c = await leases.AcquireAsync(["c.go.th"], retry, CancellationToken.None))
        {
        }

        await first.DisposeAsync();
        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(second.Waits > 0);
        await other.DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_HolderConnectionDies_HostIsFreed()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await using var other = new PostgresDatabase(database.DataSource.ConnectionString);
        var dying = await new HostLeases(other, TimeProvider.System).AcquireAsync(["x.go.th"], TimeSpan.FromMilliseconds(20), CancellationToken.None);
        var waiting = new HostLeases(database, TimeProvider.System).AcquireAsync(["x.go.th"], TimeSpan.FromMilliseconds(20), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        await using (var admin = new Npgsql.NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted", admin);
            await kill.ExecuteNonQueryAsync(); // what a node's death does to its session
        }

        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(taken.Waits > 0);
        await dying.DisposeAsync();
    }
}
