namespace OitCrawler.Crawling;

/// <summary>
/// Scores a discovered link so that likely evidence is fetched first (best-first crawl). The crawler
/// knows nothing of what is likely: the caller supplies this (the assessment layer scores ITA words).
/// </summary>
public interface ILinkPrioritizer
{
    /// <summary>Higher is fetched sooner; 0 is neutral.</summary>
    int Score(Uri url, string linkText);
}

/// <summary>Breadth-first: every link alike.</summary>
internal sealed class NoPriority : ILinkPrioritizer
{
    public static NoPriority Instance { get; } = new();

    public int Score(Uri url, string linkText) => 0;
}

/// <summary>Counters shown while a crawl runs.</summary>
public sealed record CrawlProgress(int Fetched, int Queued, int Errors, int Skipped, TimeSpan Elapsed);
