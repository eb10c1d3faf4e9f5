using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace OitCrawler.Fleet;

/// <summary>
/// Politeness across the cluster: an audit holds a PostgreSQL session advisory lock on every host it
/// crawls, so two audits (on one node or two) never crawl one host at once, and the per-host rate and
/// concurrency limits of the crawler hold for the whole fleet. The locks live on the audit's own
/// connection: a node that dies drops its connection and PostgreSQL releases them at once, so a dead
/// node never leaves a host locked. Hosts are taken in name order, all or none, so audits sharing
/// several hosts never wait on each other in a circle.
/// </summary>
internal sealed class HostLeases(PostgresDatabase database, TimeProvider timeProvider)
{
    /// <summary>Waits until every host is free and takes them; dispose the lease to release them.</summary>
    public async Task<Lease> AcquireAsync(IReadOnlyList<string> hosts, TimeSpan retryInterval, CancellationToken cancellationToken)
    {
        var keys = hosts.Select(Key).ToArray();
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var waited = 0;
            while (true)
            {
                var taken = new List<long>();
                foreach (var key in keys)
                {
                    await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
                    take.Parameters.AddWithValue(key);
                    if (await take.ExecuteScalarAsync(cancellationToken) is not true)
                    {
                        break;
                    }

                    taken.Add(key);
                }

                if (taken.Count == keys.Length)
                {
                    return new Lease(connection, keys, waited);
                }

                await Unlock(connection, [.. taken], cancellationToken); // all or none: never sit on one host while waiting for another
                waited++;
                await Task.Delay(retryInterval, timeProvider, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync(); // closing the session releases anything taken
            throw;
        }
    }

    private static async Task Unlock(NpgsqlConnection connection, long[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(k) FROM unnest($1::bigint[]) AS u(k)", connection);
        command.Parameters.AddWithValue(keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The lock key of a host: the first 8 bytes of SHA-256 of its lower-case name.</summary>
    internal static long Key(string host) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("oitcrawler-host:" + host.ToLowerInvariant())));

    /// <summary>Held hosts; <see cref="Waits"/> says how many times the audit found one taken.</summary>
    internal sealed class Lease(NpgsqlConnection connection, long[] keys, int waits) : IAsyncDisposable
    {
        private int _released;

        public int Waits => waits;

        /// <summary>Releases the hosts; only the first call does anything (an audit releases them when its crawl ends, and again on the way out).</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await Unlock(connection, keys, CancellationToken.None); // released even when the audit was cancelled
            }
            catch (NpgsqlException)
            {
                // the connection is gone: its locks went with it
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
