using System.ComponentModel.DataAnnotations;
using OitCrawler.Crawling.Rendering;
using OitCrawler.Web;

namespace OitCrawler.Crawling;

/// <summary>How the crawler behaves on an agency's site. Bound from the <c>Crawl</c> section.</summary>
public sealed class CrawlOptions : IValidatableObject
{
    public const string SectionName = "Crawl";

    /// <summary>Most HTML pages and documents fetched in one audit. Default 3000.</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 3000;

    /// <summary>Requests per second per host; 0 turns the rate limit off. Default 2.</summary>
    [Range(0, 10_000)]
    public double RatePerSecond { get; set; } = 2;

    /// <summary>Requests in flight at once, which is also the per-host limit. Default 4.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Links followed from the start page before a URL is out of reach. Default 10.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>Distinct query strings accepted for one path (calendar and filter traps). Default 40.</summary>
    [Range(1, 100_000)]
    public int MaxQueryVariantsPerPath { get; set; } = 40;

    /// <summary>Times one path segment may repeat before the URL is a trap (<c>/a/b/a/b/a</c>). Default 3.</summary>
    [Range(2, 100)]
    public int MaxRepeatedSegments { get; set; } = 3;

    /// <summary>Redirect hops followed for one URL. Default 8.</summary>
    [Range(0, 50)]
    public int MaxRedirects { get; set; } = 8;

    /// <summary>Longest URL accepted. Default 2048.</summary>
    [Range(64, 65_536)]
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>Most bytes of an HTML page read, after decompression. Default 4 MiB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 4L << 20;

    /// <summary>Most bytes of a document (PDF) read to find its text. Default 8 MiB; larger files are recorded from their headers.</summary>
    [Range(0, 1L << 31)]
    public long MaxDocumentBytes { get; set; } = 8L << 20;

    /// <summary>Characters of visible text kept per page. Default 20000.</summary>
    [Range(100, 10_000_000)]
    public int MaxTextChars { get; set; } = 20_000;

    /// <summary>Timeout of one attempt of one request. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest a whole crawl may take; what was gathered by then is assessed. Default 3 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Retries of a transient failure (connection error, timeout, 408, 429, 5xx). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt, with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After honoured; a longer one is cut to this. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest robots.txt Crawl-delay honoured. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive-failure ratio over the sampling window that opens the circuit for a host. Default 0.8.</summary>
    [Range(0.1, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.8;

    /// <summary>Requests in the sampling window before the circuit may open. Default 12.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 12;

    /// <summary>
    /// Share of the fetched pages that may end refused or failed (no answer, 408, 429, 5xx, after the retries) before the
    /// crawl is no longer complete: its verdicts would be false gaps. Default 0.25.
    /// </summary>
    [Range(0.01, 1.0)]
    public double MaxFailedShare { get; set; } = 0.25;

    /// <summary>Product token sent in User-Agent and matched in robots.txt groups.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ProductToken { get; set; } = "OitCrawler";

    /// <summary>Where a webmaster learns who crawls them; sent in the User-Agent. Required.</summary>
    [Required]
    [Url]
    public string ContactUrl { get; set; } = "https://github.com/oitcrawler/oitcrawler";

    /// <summary>Obey robots.txt. Default true.</summary>
    public bool RespectRobots { get; set; } = true;

    /// <summary>
    /// Crawl as if there were no robots.txt when it answers 5xx or not at all. Default false: RFC 9309 says such a
    /// site is completely disallowed, and the run is reported unreachable with the reason. Set it for the agency's
    /// own site, whose robots.txt is broken and whose owner wants it audited anyway.
    /// </summary>
    public bool RobotsUnreachableAllowsAll { get; set; }

    /// <summary>Hosts crawled besides the start host and its www twin (a second domain of the agency): a name, or a name with a port (<c>thaphae.go.th:8080</c>).</summary>
    public IList<string> ExtraHosts { get; } = [];

    /// <summary>
    /// When pages are opened in headless Chromium to see links a script builds: <see cref="RenderMode.Auto"/> (default)
    /// only pages whose HTML shows script building a menu over few links, <see cref="RenderMode.Always"/> every HTML
    /// page, <see cref="RenderMode.Never"/> none. Always bounded by <see cref="MaxRenderedPages"/> and <see cref="MaxRenderTime"/>.
    /// </summary>
    public RenderMode Render { get; set; } = RenderMode.Auto;

    /// <summary>The Chromium program; default empty: <c>chromium</c> on PATH, else <c>/usr/bin/chromium</c>. Absent: no rendering, with a note.</summary>
    public string? BrowserPath { get; set; }

    /// <summary>Longest one page may take to render (load, scripts, settle). Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most pages rendered in one crawl. Default 100.</summary>
    [Range(1, 100_000)]
    public int MaxRenderedPages { get; set; } = 100;

    /// <summary>Most time spent rendering in one crawl, all pages together. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRenderTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The User-Agent header value.</summary>
    public string UserAgent => $"{ProductToken}/1.0 (+{ContactUrl})";

    /// <summary>Checks what the attributes cannot: each <see cref="ExtraHosts"/> entry is a host, or a host and port.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Render))
        {
            yield return new ValidationResult($"Crawl:Render '{(int)Render}' is not auto, never or always", [nameof(Render)]);
        }

        foreach (var entry in ExtraHosts)
        {
            if (!Web.SiteScope.TryParseExtraHost(entry, out _, out _))
            {
                yield return new ValidationResult(
                    $"Crawl:ExtraHosts entry '{entry}' is not a host name or host:port (e.g. \"e-service.thaphae.go.th\" or \"thaphae.go.th:8080\"; no scheme or path)",
                    [nameof(ExtraHosts)]);
            }
        }
    }
}
