using OitCrawler.Web;
namespace OitCrawler.Evidence;

/// <summary>How the crawl ended.</summary>
public enum CrawlOutcome
{
    /// <summary>Everything reachable within the limits was fetched.</summary>
    Completed,

    /// <summary>The page budget ran out first.</summary>
    BudgetExhausted,

    /// <summary>The site stopped answering mid-crawl (circuit breaker open); evidence is partial.</summary>
    HostFailing,

    /// <summary>The start page could not be fetched at all.</summary>
    Unreachable,

    /// <summary>The crawl was cancelled (shutdown); evidence is partial.</summary>
    Cancelled,
}

/// <summary>
/// How many pages the crawl opened in a headless browser (<c>Crawl:Render</c>), how many wanted it, and a note when
/// some could not be rendered (no browser installed, a limit reached, the browser failed).
/// </summary>
public sealed record RenderSummary(string Mode, int Rendered, int Wanted, string? Note)
{
    public static readonly RenderSummary Off = new("never", 0, 0, null);
}

/// <summary>What the crawl saw: pages, documents, every URL's status, and what was skipped and why.</summary>
public sealed class EvidenceIndex
{
    private readonly Dictionary<string, PageEvidence> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentEvidence> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FetchRecord> _fetches = new(StringComparer.Ordinal);

    public EvidenceIndex(
        Uri startUrl,
        IReadOnlyList<PageEvidence> pages,
        IReadOnlyList<DocumentEvidence> documents,
        IReadOnlyList<FetchRecord> fetches,
        IReadOnlyList<SkipRecord> skipped,
        CrawlOutcome outcome,
        string? outcomeReason)
    {
        StartUrl = startUrl;
        Scope = SiteScope.For(startUrl, []);
        Pages = pages;
        Documents = documents;
        Fetches = fetches;
        Skipped = skipped;
        Outcome = outcome;
        OutcomeReason = outcomeReason;
        foreach (var p in pages)
        {
            _pages[p.Url.AbsoluteUri] = p;
            if (p.RequestedUrl is not null)
            {
                _pages.TryAdd(p.RequestedUrl.AbsoluteUri, p);
            }
        }

        foreach (var d in documents)
        {
            _documents[d.Url.AbsoluteUri] = d;
            if (d.RequestedUrl is not null)
            {
                _documents.TryAdd(d.RequestedUrl.AbsoluteUri, d);
            }
        }

        foreach (var f in fetches)
        {
            _fetches[f.Url.AbsoluteUri] = f;
        }
    }

    public Uri StartUrl { get; }

    /// <summary>What the crawl counted as the site (start host, twin, extra hosts); default the start host and its twin.</summary>
    public SiteScope Scope { get; init; }

    public IReadOnlyList<PageEvidence> Pages { get; }

    /// <summary>Pages rendered in a browser to see script-built links; <see cref="RenderSummary.Off"/> when none was tried.</summary>
    public RenderSummary Rendering { get; init; } = RenderSummary.Off;

    public IReadOnlyList<DocumentEvidence> Documents { get; }

    public IReadOnlyList<FetchRecord> Fetches { get; }

    public IReadOnlyList<SkipRecord> Skipped { get; }

    public CrawlOutcome Outcome { get; }

    /// <summary>Why the crawl ended as it did (<see cref="Outcome"/>), in English; null when it completed.</summary>
    public string? OutcomeReason { get; }

    /// <summary><see cref="OutcomeReason"/> in Thai; falls back to the English when the crawl gave none.</summary>
    public string? OutcomeReasonTh
    {
        get => _outcomeReasonTh ?? OutcomeReason;
        init => _outcomeReasonTh = value;
    }

    private readonly string? _outcomeReasonTh;

    /// <summary>True when the crawl saw the whole site it could reach (not cut short by failure or shutdown).</summary>
    public bool IsComplete => Outcome is CrawlOutcome.Completed or CrawlOutcome.BudgetExhausted;

    /// <summary>The page at <paramref name="url"/>, following a recorded redirect.</summary>
    public PageEvidence? Page(Uri url) =>
        _pages.GetValueOrDefault(url.AbsoluteUri) ?? (Final(url) is { } final ? _pages.GetValueOrDefault(final.AbsoluteUri) : null);

    /// <summary>The document at <paramref name="url"/>, following a recorded redirect.</summary>
    public DocumentEvidence? Document(Uri url) =>
        _documents.GetValueOrDefault(url.AbsoluteUri) ?? (Final(url) is { } final ? _documents.GetValueOrDefault(final.AbsoluteUri) : null);

    public FetchRecord? Fetch(Uri url) => _fetches.GetValueOrDefault(url.AbsoluteUri);

    public PageEvidence? Home => Page(StartUrl) ?? (Pages.Count > 0 ? Pages[0] : null);

    private Uri? Final(Uri url) => _fetches.GetValueOrDefault(url.AbsoluteUri)?.FinalUrl;
}
