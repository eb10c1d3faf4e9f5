using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OitCrawler.Crawling;
using OitCrawler.Evidence;

namespace OitCrawler.History;

/// <summary>
/// The crawler's page cache in the history database: at crawl start the site's validators (ETag,
/// Last-Modified) and gzip'd evidence are loaded into memory, so a lookup during the crawl never
/// touches the disk; after the crawl the pages fetched are saved back with a content hash.
/// </summary>
internal sealed class SqlitePageCache : IPageCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, CachedResource> _entries;

    private SqlitePageCache(Dictionary<string, CachedResource> entries) => _entries = entries;

    /// <summary>How many URLs the cache holds.</summary>
    public int Count => _entries.Count;

    public CachedResource? Lookup(Uri url) => _entries.GetValueOrDefault(url.AbsoluteUri);

    /// <summary>Loads what earlier crawls of <paramref name="site"/> kept. Entries without a validator are skipped: they cannot be revalidated.</summary>
    public static async Task<SqlitePageCache> LoadAsync(HistoryDatabase database, Uri site, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, CachedResource>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT url, etag, last_modified, evidence FROM pages WHERE site = $site AND (etag IS NOT NULL OR last_modified IS NOT NULL)";
        command.Parameters.AddWithValue("$site", RunOutcomes.SiteKey(site));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = Unpack((byte[])reader.GetValue(3));
            if (stored is null || (stored.Page is null && stored.Document is null))
            {
                continue; // written by another version, or damaged: fetch it afresh
            }

            entries[reader.GetString(0)] = new CachedResource(
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : DbTime.Parse(reader.GetString(2)),
                stored.Page,
                stored.Document);
        }

        return new SqlitePageCache(entries);
    }

    /// <summary>How long an entry no crawl has reached is kept after a crawl that did not see the whole site: 30 days.</summary>
    public static readonly TimeSpan MaxUnseenAge = TimeSpan.FromDays(30);

    /// <summary>
    /// Saves the pages and documents of a crawl (2xx answers and 304 reuses) in one transaction. After a
    /// crawl that saw the whole site, entries of the site it no longer reached are dropped; after any other
    /// crawl that was not cancelled, entries not reached for <see cref="MaxUnseenAge"/>.
    /// </summary>
    public static async Task<int> SaveAsync(HistoryDatabase database, EvidenceIndex evidence, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        var site = RunOutcomes.SiteKey(evidence.StartUrl);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = """
            INSERT INTO pages (url, site, etag, last_modified, content_hash, fetched_at, evidence)
            VALUES ($url, $site, $etag, $modified, $hash, $at, $evidence)
            ON CONFLICT(url) DO UPDATE SET site = excluded.site, etag = excluded.etag, last_modified = excluded.last_modified,
                content_hash = excluded.content_hash, fetched_at = excluded.fetched_at, evidence = excluded.evidence
            """;
        var p = upsert.Parameters;
        p.AddWithValue("$site", site);
        p.AddWithValue("$at", DbTime.ToText(fetchedAt));
        var url = p.Add("$url", SqliteType.Text);
        var etag = p.Add("$etag", SqliteType.Text);
        var modified = p.Add("$modified", SqliteType.Text);
        var hash = p.Add("$hash", SqliteType.Text);
        var blob = p.Add("$evidence", SqliteType.Blob);
        var saved = 0;
        foreach (var (key, validator, lastModified, stored) in Entries(evidence))
        {
            var (packed, contentHash) = Pack(stored);
            url.Value = key;
            etag.Value = (object?)validator ?? DBNull.Value;
            modified.Value = lastModified is { } lm ? DbTime.ToText(lm) : DBNull.Value;
            hash.Value = contentHash;
            blob.Value = packed;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            saved++;
        }

        // A crawl that saw the whole site drops what it no longer reached; any other crawl that was not
        // cancelled drops what no crawl has seen for MaxUnseenAge, so a site always cut by the page budget
        // does not grow the cache every night.
        DateTimeOffset? pruneBefore = evidence.Outcome switch
        {
            CrawlOutcome.Completed => fetchedAt,
            CrawlOutcome.Cancelled => null,
            _ => fetchedAt - MaxUnseenAge,
        };
        if (pruneBefore is { } before)
        {
            await using var prune = connection.CreateCommand();
            prune.Transaction = tx;
            prune.CommandText = "DELETE FROM pages WHERE site = $site AND fetched_at < $at";
            prune.Parameters.AddWithValue("$site", site);
            prune.Parameters.AddWithValue("$at", DbTime.ToText(before));
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return saved;
    }

    private static IEnumerable<(string Url, string? ETag, DateTimeOffset? LastModified, StoredEvidence Evidence)> Entries(EvidenceIndex evidence)
    {
        foreach (var page in evidence.Pages.Where(p => p.Status is >= 200 and < 300))
        {
            yield return (page.Url.AbsoluteUri, page.ETag, page.LastModified, new StoredEvidence(Placeless(page), null));
        }

        foreach (var document in evidence.Documents.Where(d => d.Status is >= 200 and < 300))
        {
            yield return (document.Url.AbsoluteUri, document.ETag, document.LastModified, new StoredEvidence(null, Placeless(document)));
        }
    }

    // Where a crawl found a page (depth, referrer, link text) belongs to that crawl; the crawler places
    // reused evidence where the next crawl finds it. Stored without it, the hash is of content alone.
    internal static PageEvidence Placeless(PageEvidence page) => page with { RequestedUrl = null, Depth = 0, FoundOn = null, FoundVia = null };

    internal static DocumentEvidence Placeless(DocumentEvidence document) => document with { RequestedUrl = null, Depth = 0, FoundOn = null, FoundVia = null };

    private static (byte[] Packed, string Hash) Pack(StoredEvidence stored)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(stored, Json);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return (buffer.ToArray(), Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    private static StoredEvidence? Unpack(byte[] packed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<StoredEvidence>(gzip, Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record StoredEvidence(PageEvidence? Page, DocumentEvidence? Document);
}
