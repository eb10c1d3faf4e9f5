using OitCrawler.Evidence;

namespace OitCrawler.Crawling;

/// <summary>What an earlier crawl kept of a URL: its validators and the evidence extracted then.</summary>
public sealed record CachedResource(string? ETag, DateTimeOffset? LastModified, PageEvidence? Page, DocumentEvidence? Document);

/// <summary>
/// The crawler's seam to earlier crawls (the history store implements it): with validators the
/// crawler sends If-None-Match / If-Modified-Since, and on 304 reuses the stored evidence, so a
/// nightly re-crawl costs the agency's server little.
/// </summary>
public interface IPageCache
{
    CachedResource? Lookup(Uri url);
}
