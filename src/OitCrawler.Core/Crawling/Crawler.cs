using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.Crawling.Rendering;
using OitCrawler.Evidence;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Crawling;

/// <summary>
/// Crawls one site politely (robots.txt, per-host rate and concurrency, identifiable User-Agent),
/// best-first, within scope and trap guards, and returns the <see cref="EvidenceIndex"/>.
/// Knows nothing of OIT: what is worth fetching first comes from the <see cref="ILinkPrioritizer"/>.
/// </summary>
public sealed partial class Crawler(IFetcher fetcher, IOptions<CrawlOptions> options, TimeProvider timeProvider, ILogger<Crawler> logger)
{
    private readonly IFetcher _fetcher = fetcher;
    private readonly TimeProvider _time = timeProvider;

    private const int MaxSitemapFiles = 20;
    private const int MaxSkipRecords = 20_000;
    private const int MaxRobotsRedirects = 5;

    /// <summary>
    /// Crawls from <paramref name="startUrl"/>. Cancellation stops the crawl and returns what was
    /// gathered, marked <see cref="CrawlOutcome.Cancelled"/>, so a shutdown never loses a night's work.
    /// </summary>
    public Task<EvidenceIndex> CrawlAsync(Uri startUrl, ILinkPrioritizer prioritizer, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken) =>
        CrawlAsync(startUrl, prioritizer, null, progress, cancellationToken);

    /// <summary>As above, revalidating what <paramref name="cache"/> holds from earlier crawls instead of downloading it again.</summary>
    public Task<EvidenceIndex> CrawlAsync(Uri startUrl, ILinkPrioritizer prioritizer, IPageCache? cache, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken) =>
        CrawlAsync(startUrl, prioritizer, cache, null, progress, cancellationToken);

    /// <summary>
    /// As above, with <paramref name="extraHosts"/> (entries as <c>Crawl:ExtraHosts</c>, already checked) instead of
    /// <c>Crawl:ExtraHosts</c> when not null: a fleet audits each agency with its own hosts.
    /// </summary>
    public async Task<EvidenceIndex> CrawlAsync(Uri startUrl, ILinkPrioritizer prioritizer, IPageCache? cache, IReadOnlyList<string>? extraHosts, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        var start = UrlCanonicalizer.Canonicalize(startUrl)
            ?? throw new ArgumentException($"'{startUrl}' is not an http(s) URL", nameof(startUrl));
        var run = new Run(this, start, prioritizer, cache, progress, options.Value, extraHosts ?? [.. options.Value.ExtraHosts]);
        return await run.ExecuteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Fetched {Url} {Status} in {Elapsed}")]
    private partial void LogFetched(Uri url, int status, TimeSpan elapsed);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Skipped {Url}: {Reason} ({Detail})")]
    private partial void LogSkipped(Uri url, SkipReason reason, string detail);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Host {Host} stopped answering: {Reason}")]
    private partial void LogHostFailing(string host, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Rendered {Url} ({Reason}): {Before} → {After} links in {Elapsed}; {Fetched} requests answered, {Refused} refused")]
    private partial void LogRendered(Uri url, string reason, int before, int after, TimeSpan elapsed, int fetched, int refused);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Could not render {Url}: {Error}")]
    private partial void LogRenderFailed(Uri url, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Rendering is off for this crawl: {Reason}")]
    private partial void LogRenderOff(string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Crawl of {Start} ended {Outcome}: {Pages} pages, {Documents} documents, {Skipped} skipped, {Errors} errors in {Elapsed}")]
    private partial void LogFinished(Uri start, CrawlOutcome outcome, int pages, int documents, int skipped, int errors, TimeSpan elapsed);

    private sealed class Run(Crawler owner, Uri start, ILinkPrioritizer prioritizer, IPageCache? cache, IProgress<CrawlProgress>? progress, CrawlOptions o, IReadOnlyList<string> extraHosts)
    {
        private readonly Frontier _frontier = new(Math.Max(10_000, o.MaxPages * 20));
        private readonly HostPacer _pacer = new(owner._time, o.RatePerSecond, o.Concurrency);
        private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, int> _queryVariants = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Bilingual> _failingHosts = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, byte> _skippedUrls = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<PageEvidence> _pages = new();
        private readonly ConcurrentQueue<DocumentEvidence> _documents = new();
        private readonly ConcurrentQueue<FetchRecord> _fetches = new();
        private readonly ConcurrentQueue<SkipRecord> _skipped = new();
        private readonly SiteScope _scope = SiteScope.For(start, extraHosts);
        private readonly UrlInterner _urls = new();
        private readonly long _started = owner._time.GetTimestamp();
        private readonly Lock _browserLock = new();
        private Task<ChromiumRenderer?>? _browser;
        private readonly ConcurrentDictionary<string, byte> _fruitless = new(StringComparer.Ordinal);
        private (string Th, string En)? _browserOff;
        private int _renderWanted;
        private int _renderStarted;
        private int _rendered;
        private int _renderFailed;
        private int _renderOverBudget;
        private long _renderTicks;
        private int _fetched;
        private int _errors;
        private int _skipCount;
        private bool _budgetHit;

        private static readonly Bilingual CancelledReason = new(
            "การตรวจถูกหยุดก่อนเก็บข้อมูลครบ ผลจึงมาจากข้อมูลบางส่วน", "cancelled before the crawl finished; evidence is partial");

        private static readonly Bilingual RobotsDisallow = new("ไฟล์ robots.txt ของเว็บไซต์ไม่อนุญาตให้เปิด", "disallowed by robots.txt");

        private Bilingual PageBudget() => new($"ถึงจำนวนหน้าสูงสุดที่กำหนด ({o.MaxPages} หน้า)", $"page budget of {o.MaxPages} reached");

        private Bilingual TimeLimit() => new($"ถึงเวลาสูงสุดที่กำหนด ({ThaiDuration(o.MaxDuration)})", $"time limit of {o.MaxDuration} reached");

        private static string ThaiDuration(TimeSpan d) =>
            d.TotalHours >= 1 ? $"{(int)d.TotalHours} ชั่วโมง{(d.Minutes > 0 ? $" {d.Minutes} นาที" : string.Empty)}"
            : d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes} นาที{(d.Seconds > 0 ? $" {d.Seconds} วินาที" : string.Empty)}"
            : $"{Math.Max(1, (int)Math.Round(d.TotalSeconds))} วินาที";

        public async Task<EvidenceIndex> ExecuteAsync(CancellationToken callerToken)
        {
            try
            {
                return await CrawlAsync(callerToken);
            }
            finally
            {
                if (_browser is { IsCompletedSuccessfully: true, Result: { } browser })
                {
                    await browser.DisposeAsync();
                }
            }
        }

        private async Task<EvidenceIndex> CrawlAsync(CancellationToken callerToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            deadline.CancelAfter(o.MaxDuration);
            var cancellationToken = deadline.Token;

            // First, so that every link back to the start page shares the start URL.
            _urls.Intern(start);
            try
            {
                var robots = await RobotsForAsync(start, cancellationToken);
                if (!robots.IsAllowed(start))
                {
                    return Finish(CrawlOutcome.Unreachable, robots.Unreachable is { } why
                        ? new Bilingual(
                            $"{why.Th} ตามมาตรฐานจึงไม่เก็บข้อมูลเลย (ถ้าเป็นเว็บไซต์ของหน่วยงานเอง ตั้ง Crawl:RobotsUnreachableAllowsAll เป็น true)",
                            $"{why.En}; RFC 9309 says crawl nothing then (for the agency's own site, set Crawl:RobotsUnreachableAllowsAll to true)")
                        : new Bilingual(
                            $"ไฟล์ robots.txt ของเว็บไซต์ไม่อนุญาตให้ {o.ProductToken} เปิด {start.AbsolutePath}",
                            $"robots.txt disallows {start.AbsolutePath} for {o.ProductToken}"));
                }

                _frontier.TryAdd(new FrontierEntry(start, 0, null, null, int.MaxValue, false));
                var first = await _frontier.TakeAsync(cancellationToken);
                try
                {
                    await ProcessAsync(first!, cancellationToken);
                }
                finally
                {
                    _frontier.Complete();
                }

                if (StartFailure() is { } failure)
                {
                    _frontier.Close();
                    return Finish(CrawlOutcome.Unreachable, failure);
                }

                await SeedFromSitemapsAsync(robots, cancellationToken);
                var workers = Enumerable.Range(0, o.Concurrency).Select(_ => WorkAsync(cancellationToken)).ToArray();
                await Task.WhenAll(workers);
            }
            catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
            {
                _frontier.Close();
                return Finish(CrawlOutcome.Cancelled, CancelledReason);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                foreach (var left in _frontier.Close())
                {
                    Skip(left.Url, SkipReason.Budget, TimeLimit(), left.FoundOn);
                }

                return Finish(CrawlOutcome.BudgetExhausted, TimeLimit());
            }

            if (_failingHosts.TryGetValue(start.Authority, out var reason))
            {
                return Finish(CrawlOutcome.HostFailing, reason);
            }

            // A site that refused most of what was found (throttling with a long Retry-After, a failing backend behind a
            // working home page) gives no verdicts to trust, breaker or not: the run is not complete, and is not alerted from.
            if (FailedShare() is { } failed)
            {
                return Finish(CrawlOutcome.HostFailing, failed);
            }

            return _budgetHit
                ? Finish(CrawlOutcome.BudgetExhausted, PageBudget())
                : Finish(CrawlOutcome.Completed, null);
        }

        private async Task WorkAsync(CancellationToken cancellationToken)
        {
            while (await _frontier.TakeAsync(cancellationToken) is { } entry)
            {
                try
                {
                    await ProcessAsync(entry, cancellationToken);
                }
                finally
                {
                    _frontier.Complete();
                }
            }
        }

        private async Task ProcessAsync(FrontierEntry entry, CancellationToken cancellationToken)
        {
            if (_failingHosts.TryGetValue(entry.Url.Authority, out var failing))
            {
                Skip(entry.Url, SkipReason.HostFailing, failing, entry.FoundOn);
                return;
            }

            // Robots first: a URL that is never fetched must not spend the page budget.
            if (await RobotsForAsync(entry.Url, cancellationToken) is var robots && !robots.IsAllowed(entry.Url))
            {
                Skip(entry.Url, SkipReason.Robots, robots.Unreachable ?? RobotsDisallow, entry.FoundOn);
                return;
            }

            if (Interlocked.Increment(ref _fetched) > o.MaxPages)
            {
                Interlocked.Decrement(ref _fetched);
                _budgetHit = true;
                Skip(entry.Url, SkipReason.Budget, PageBudget(), entry.FoundOn);
                foreach (var left in _frontier.Close())
                {
                    Skip(left.Url, SkipReason.Budget, PageBudget(), left.FoundOn);
                }

                return;
            }

            var url = entry.Url;
            var chain = new List<Uri> { url };
            FetchResponse response;
            while (true)
            {
                if (await RobotsForAsync(url, cancellationToken) is var hop && !hop.IsAllowed(url))
                {
                    Skip(url, SkipReason.Robots, hop.Unreachable ?? RobotsDisallow, entry.FoundOn);
                    return;
                }

                var cached = cache?.Lookup(url);
                var request = new FetchRequest(url, start.IdnHost, o.MaxBodyBytes, o.MaxDocumentBytes)
                {
                    IfNoneMatch = cached?.ETag,
                    IfModifiedSince = cached?.LastModified, // both validators: a server that ignores one (a CDN that drops ETags) still answers 304
                };
                using (await _pacer.AcquireAsync(url.Authority, cancellationToken))
                {
                    response = await owner._fetcher.FetchAsync(request, cancellationToken);
                }

                owner.LogFetched(url, response.Status, response.Elapsed);
                if (response.Status == 304 && cached is not null)
                {
                    _fetches.Enqueue(new FetchRecord(url, 304, null, null));
                    Reuse(entry, url, cached);
                    Report();
                    return;
                }
                if (!response.IsRedirect)
                {
                    break;
                }

                var next = _urls.Intern(UrlCanonicalizer.Canonicalize(response.Location!));
                _fetches.Enqueue(new FetchRecord(url, response.Status, null, next));
                if (next is null)
                {
                    return;
                }

                if (chain.Contains(next))
                {
                    var loop = $"{string.Join(" → ", chain.Select(c => c.AbsolutePath))} → {next.AbsolutePath}";
                    Skip(next, SkipReason.RedirectLoop, new Bilingual($"การเปลี่ยนเส้นทางวนซ้ำ: {loop}", $"redirect loop: {loop}"), entry.FoundOn);
                    Interlocked.Increment(ref _errors);
                    return;
                }

                if (chain.Count > o.MaxRedirects)
                {
                    Skip(next, SkipReason.TooManyRedirects, new Bilingual($"เปลี่ยนเส้นทางเกิน {o.MaxRedirects} ครั้ง", $"more than {o.MaxRedirects} redirects"), entry.FoundOn);
                    Interlocked.Increment(ref _errors);
                    return;
                }

                if (!InScope(next) || !_frontier.MarkSeen(next))
                {
                    return; // external target (kept as the fetch record's FinalUrl) or already crawled on its own
                }

                chain.Add(next);
                url = next;
            }

            RecordResponse(entry, url, response);
            if (response.Status is >= 200 and < 300)
            {
                await StoreAsync(entry, url, response, cancellationToken);
            }

            Report();
        }

        private void RecordResponse(FrontierEntry entry, Uri url, FetchResponse response)
        {
            switch (response.Failure)
            {
                case FetchFailure.Blocked:
                    Skip(url, SkipReason.PrivateAddress, new Bilingual(response.ErrorTh ?? "ที่อยู่ภายในเครือข่าย", response.Error ?? "private address"), entry.FoundOn);
                    return;
                case FetchFailure.CircuitOpen:
                    HostFailing(url.Authority, new Bilingual(
                        $"{url.Authority} ล้มเหลวติดต่อกันหลายครั้ง จึงหยุดขอหน้าจากเซิร์ฟเวอร์นี้", $"circuit breaker open after repeated failures at {url.Authority}"));
                    Skip(url, SkipReason.HostFailing, new Bilingual(response.ErrorTh ?? "หยุดขอหน้าจากเซิร์ฟเวอร์นี้ชั่วคราว", "circuit breaker open"), entry.FoundOn);
                    return;
                case FetchFailure.None:
                    break;
                default:
                    break;
            }

            _fetches.Enqueue(new FetchRecord(url, response.Status, response.Error, null) { ErrorTh = response.ErrorTh });
            if (response.Failure != FetchFailure.None || response.Status >= 400)
            {
                Interlocked.Increment(ref _errors);
            }
        }

        private async Task StoreAsync(FrontierEntry entry, Uri url, FetchResponse response, CancellationToken cancellationToken)
        {
            var requested = url == entry.Url ? null : entry.Url;
            var isHtml = response.MediaType is null or "text/html" or "application/xhtml+xml";
            if (isHtml && !ContentKinds.IsDocumentUrl(url))
            {
                var (html, charset) = ContentDecoder.Decode(response.Body, response.Charset);
                var page = HtmlExtractor.Extract(url, html, o.MaxTextChars, _urls) with
                {
                    RequestedUrl = requested,
                    Status = response.Status,
                    LastModified = response.LastModified,
                    ETag = response.ETag,
                    Charset = charset,
                    Depth = entry.Depth,
                    FoundOn = entry.FoundOn,
                    FoundVia = entry.LinkText,
                    Truncated = response.Truncated,
                };
                page = await RenderAsync(page, html, response, charset, cancellationToken) ?? page;
                _pages.Enqueue(page);
                Enqueue(page);
                return;
            }

            if (ContentKinds.IsDocumentType(response.MediaType) || ContentKinds.IsDocumentUrl(url))
            {
                var pdf = ContentKinds.IsPdf(response.MediaType, url) && !response.Truncated ? ReadPdf(response.Body) : default;
                _documents.Enqueue(new DocumentEvidence
                {
                    Url = url,
                    RequestedUrl = requested,
                    Status = response.Status,
                    MediaType = response.MediaType,
                    Size = response.ContentLength ?? (response.Truncated ? null : response.Body.Length),
                    LastModified = response.LastModified,
                    ETag = response.ETag,
                    Text = pdf.Text,
                    Scanned = pdf.Scanned,
                    NotRead = pdf.NotRead,
                    Depth = entry.Depth,
                    FoundOn = entry.FoundOn,
                    FoundVia = entry.LinkText,
                });
            }
        }

        private PdfReading ReadPdf(byte[] body)
        {
            using var budget = new CancellationTokenSource(PdfText.TimeBudget, owner._time);
            return PdfText.Read(body, o.MaxTextChars, budget.Token);
        }

        // 304 Not Modified: the evidence of the earlier crawl stands, placed where this crawl found it.
        private void Reuse(FrontierEntry entry, Uri url, CachedResource cached)
        {
            var requested = url == entry.Url ? null : entry.Url;
            if (cached.Page is { } old)
            {
                var page = old with { Url = url, RequestedUrl = requested, Depth = entry.Depth, FoundOn = entry.FoundOn, FoundVia = entry.LinkText };
                _pages.Enqueue(page);
                Enqueue(page);
            }
            else if (cached.Document is { } doc)
            {
                _documents.Enqueue(doc with { Url = url, RequestedUrl = requested, Depth = entry.Depth, FoundOn = entry.FoundOn, FoundVia = entry.LinkText });
            }
        }

        private void Enqueue(PageEvidence page)
        {
            foreach (var link in page.Links)
            {
                if (link.Url is not { } url || !InScope(url) || ContentKinds.IsMediaUrl(url) || _frontier.IsSeen(url))
                {
                    continue;
                }

                if (Trap(url, page.Depth + 1) is { } trap)
                {
                    Skip(url, trap.Reason, trap.Detail, page.Url);
                    continue;
                }

                var priority = prioritizer.Score(url, link.Row is null ? link.Text : link.Text + " " + link.Row);
                _frontier.TryAdd(new FrontierEntry(url, page.Depth + 1, page.Url, link.Text, priority, ContentKinds.IsDocumentUrl(url)));
            }
        }

        // The page as a browser shows it, when its HTML suggests script builds links it lacks (or Crawl:Render is
        // always); null when not rendered. Links from the DOM join the frontier like any others: same scope, traps
        // and canonical form.
        private async Task<PageEvidence?> RenderAsync(PageEvidence page, string html, FetchResponse response, string? charset, CancellationToken cancellationToken)
        {
            if (o.Render == RenderMode.Never || response.Truncated)
            {
                return null;
            }

            var need = o.Render == RenderMode.Always ? new RenderNeed("Crawl:Render is always", string.Empty) : RenderSignal.Need(html, page, _scope);
            if (need is null || _fruitless.ContainsKey(need.Signature))
            {
                return null;
            }

            var reason = need.Reason;

            Interlocked.Increment(ref _renderWanted);
            if (await BrowserAsync(cancellationToken) is not { } browser)
            {
                return null;
            }

            var spent = TimeSpan.FromTicks(Interlocked.Read(ref _renderTicks));
            if (Interlocked.Increment(ref _renderStarted) > o.MaxRenderedPages || spent >= o.MaxRenderTime)
            {
                Interlocked.Increment(ref _renderOverBudget);
                return null;
            }

            var started = owner._time.GetTimestamp();
            try
            {
                var timeout = o.MaxRenderTime - spent < o.RenderTimeout ? o.MaxRenderTime - spent : o.RenderTimeout;
                var result = await browser.RenderAsync(page.Url, response.Body, charset, FetchForBrowserAsync, timeout, cancellationToken);
                var dom = HtmlExtractor.Extract(page.Url, result.Html.Length > o.MaxBodyBytes ? result.Html[..(int)o.MaxBodyBytes] : result.Html, o.MaxTextChars, _urls);
                var rendered = AsRendered(page, dom);
                Interlocked.Increment(ref _rendered);
                if (o.Render == RenderMode.Auto && !AddsLinks(page, rendered))
                {
                    // The browser showed no link the HTML lacked (a menu the HTML reader read from script data): the
                    // other pages of this template are read from their HTML, which keeps a CMS site from costing a
                    // browser per page.
                    _fruitless.TryAdd(need.Signature, 0);
                }

                var elapsed = owner._time.GetElapsedTime(started);
                owner.LogRendered(page.Url, reason, page.Links.Count, rendered.Links.Count, elapsed, result.Fetched, result.Refused);
                return rendered;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _renderFailed);
                owner.LogRenderFailed(page.Url, "timed out");
                return null;
            }
            catch (DevToolsException ex)
            {
                Interlocked.Increment(ref _renderFailed);
                owner.LogRenderFailed(page.Url, ex.Message);
                if (!browser.IsAlive)
                {
                    BrowserOff("เบราว์เซอร์หยุดทำงานระหว่างเก็บข้อมูล หน้าที่เหลือจึงไม่ได้เปิดด้วยเบราว์เซอร์ (รายละเอียดอยู่ในไฟล์บันทึก)", "the browser failed mid-crawl; the remaining pages were not rendered (details in the log)", ex.Message);
                }

                return null;
            }
            finally
            {
                Interlocked.Add(ref _renderTicks, owner._time.GetElapsedTime(started).Ticks);
            }
        }

        // What the browser showed (text, headings, tables, links), placed and dated as the fetched page; links only
        // the HTML reader found (URLs in script data, plain-text URLs) are kept after the DOM's own.
        private static PageEvidence AsRendered(PageEvidence page, PageEvidence dom)
        {
            var seen = new HashSet<string>(dom.Links.Select(LinkKey), StringComparer.Ordinal);
            return page with
            {
                Title = dom.Title ?? page.Title,
                Headings = dom.Headings,
                Text = dom.Text,
                Links = [.. dom.Links, .. page.Links.Where(l => seen.Add(LinkKey(l)))],
                Tables = dom.Tables,
                Forms = dom.Forms,
                Images = dom.Images,
            };

            static string LinkKey(LinkEvidence link) => link.Url?.AbsoluteUri ?? link.Href;
        }

        // Started once, by the first page that needs it; every later caller shares the same task.
        private static bool AddsLinks(PageEvidence html, PageEvidence rendered)
        {
            var known = html.Links.Where(l => l.Url is not null).Select(l => l.Url!.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
            return rendered.Links.Any(l => l.Url is { } u && !known.Contains(u.AbsoluteUri));
        }

        private async Task<ChromiumRenderer?> BrowserAsync(CancellationToken cancellationToken)
        {
            Task<ChromiumRenderer?> browser;
            lock (_browserLock)
            {
                browser = _browser ??= StartBrowserAsync(cancellationToken);
            }

            return _browserOff is null ? await browser : null;
        }

        private async Task<ChromiumRenderer?> StartBrowserAsync(CancellationToken cancellationToken)
        {
            if (ChromiumRenderer.Find(o.BrowserPath) is not { } executable)
            {
                var where = string.IsNullOrWhiteSpace(o.BrowserPath) ? $"chromium on PATH or {ChromiumRenderer.DebianPath}" : o.BrowserPath;
                BrowserOff($"ไม่พบเบราว์เซอร์ Chromium ({where}) ติดตั้งแพ็กเกจ chromium หรือตั้ง Crawl:BrowserPath", $"no Chromium browser ({where}); install Debian's chromium or set Crawl:BrowserPath");
                return null;
            }

            try
            {
                return await ChromiumRenderer.StartAsync(executable, cancellationToken);
            }
            catch (DevToolsException ex)
            {
                BrowserOff("เปิดเบราว์เซอร์ไม่ได้ (รายละเอียดอยู่ในไฟล์บันทึก)", "the browser did not start (details in the log)", ex.Message);
                return null;
            }
        }

        private void BrowserOff(string th, string en, string? raw = null)
        {
            lock (_browserLock)
            {
                if (_browserOff is not null)
                {
                    return;
                }

                _browserOff = (th, en);
            }

            owner.LogRenderOff(raw is null ? en : $"{en}: {raw}");
        }

        // A request of a page being rendered, answered only as the crawler would answer it: in scope, allowed by
        // robots.txt, paced, through the fetcher and its private-address guard. Not a page of the crawl: not recorded.
        private async Task<FetchResponse?> FetchForBrowserAsync(Uri url, CancellationToken cancellationToken)
        {
            if (!InScope(url) || !(await RobotsForAsync(url, cancellationToken)).IsAllowed(url))
            {
                return null;
            }

            using (await _pacer.AcquireAsync(url.Authority, cancellationToken))
            {
                return await owner._fetcher.FetchAsync(new FetchRequest(url, start.IdnHost, o.MaxBodyBytes, 0) { MaxScriptBytes = o.MaxBodyBytes }, cancellationToken);
            }
        }

        private RenderSummary RenderSummary()
        {
            var mode = o.Render.ToString().ToLowerInvariant();
            var missed = _renderWanted - _rendered;
            string? note = null;
            if (_renderWanted > 0 && _browserOff is { } off && _rendered == 0)
            {
                note = $"ไม่ได้เปิดหน้าเว็บด้วยเบราว์เซอร์ ({_renderWanted} หน้าที่มีเมนูสร้างด้วยสคริปต์): {off.Th} ลิงก์ที่สคริปต์สร้างอาจตกหล่น"
                    + $" / not rendered ({_renderWanted} pages build links by script): {off.En}; links built by script may be missing";
            }
            else if (missed > 0)
            {
                var why = new List<string>();
                if (_renderOverBudget > 0)
                {
                    why.Add($"{_renderOverBudget} past Crawl:MaxRenderedPages {o.MaxRenderedPages} or Crawl:MaxRenderTime {o.MaxRenderTime}");
                }

                if (_renderFailed > 0)
                {
                    why.Add($"{_renderFailed} timed out or failed");
                }

                if (_browserOff is { } stopped)
                {
                    why.Add(stopped.En);
                }

                note = $"เปิดด้วยเบราว์เซอร์ได้ {_rendered} จาก {_renderWanted} หน้าที่ต้องใช้ ลิงก์ที่สคริปต์สร้างในหน้าที่เหลืออาจตกหล่น"
                    + $" / rendered {_rendered} of {_renderWanted} pages that needed it ({string.Join("; ", why)}); links built by script on the rest may be missing";
            }

            return new RenderSummary(mode, _rendered, _renderWanted, note);
        }

        private (SkipReason Reason, Bilingual Detail)? Trap(Uri url, int depth)
        {
            if (depth > o.MaxDepth)
            {
                return (SkipReason.MaxDepth, new Bilingual($"ลึกจากหน้าแรก {depth} ชั้น เกินขีดจำกัด {o.MaxDepth} ชั้น", $"depth {depth} > {o.MaxDepth}"));
            }

            if (url.AbsoluteUri.Length > o.MaxUrlLength)
            {
                return (SkipReason.UrlTooLong, new Bilingual($"ที่อยู่ยาว {url.AbsoluteUri.Length} ตัวอักษร เกินขีดจำกัด {o.MaxUrlLength}", $"{url.AbsoluteUri.Length} characters > {o.MaxUrlLength}"));
            }

            var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var repeated = segments.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() >= o.MaxRepeatedSegments);
            if (repeated is not null)
            {
                return (SkipReason.RepeatingSegments, new Bilingual($"ส่วน '{repeated.Key}' ของที่อยู่ซ้ำกัน {repeated.Count()} ครั้ง", $"segment '{repeated.Key}' repeats {repeated.Count()} times"));
            }

            if (url.Query.Length > 1)
            {
                var key = url.GetLeftPart(UriPartial.Path);
                var variants = _queryVariants.AddOrUpdate(key, 1, (_, n) => n + 1);
                if (variants > o.MaxQueryVariantsPerPath)
                {
                    return (SkipReason.QueryVariants, new Bilingual($"{url.AbsolutePath} มีรูปแบบพารามิเตอร์เกิน {o.MaxQueryVariantsPerPath} แบบ", $"more than {o.MaxQueryVariantsPerPath} query variants of {url.AbsolutePath}"));
                }
            }

            return null;
        }

        private async Task SeedFromSitemapsAsync(RobotsTxt robots, CancellationToken cancellationToken)
        {
            var pending = new Queue<Uri>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in robots.Sitemaps.Append("/sitemap.xml"))
            {
                if (UrlCanonicalizer.Resolve(start, s) is { } u && InScope(u) && seen.Add(u.AbsoluteUri))
                {
                    pending.Enqueue(u);
                }
            }

            var files = 0;
            while (pending.Count > 0 && files++ < MaxSitemapFiles)
            {
                var sitemap = pending.Dequeue();
                if (!(await RobotsForAsync(sitemap, cancellationToken)).IsAllowed(sitemap))
                {
                    continue;
                }

                FetchResponse response;
                using (await _pacer.AcquireAsync(sitemap.Authority, cancellationToken))
                {
                    response = await owner._fetcher.FetchAsync(new FetchRequest(sitemap, start.IdnHost, o.MaxBodyBytes, 0), cancellationToken);
                }

                if (response.Status is < 200 or >= 300 || response.Body.Length == 0)
                {
                    continue;
                }

                var (pages, nested) = SitemapReader.Read(response.Body);
                foreach (var n in nested)
                {
                    if (UrlCanonicalizer.Resolve(sitemap, n) is { } u && InScope(u) && seen.Add(u.AbsoluteUri))
                    {
                        pending.Enqueue(u);
                    }
                }

                foreach (var p in pages)
                {
                    // Interned only once queued: a sitemap may list far more URLs than the frontier takes.
                    if (UrlCanonicalizer.Resolve(sitemap, p) is { } u && InScope(u) && !ContentKinds.IsMediaUrl(u) && Trap(u, 1) is null
                        && _frontier.TryAdd(new FrontierEntry(u, 1, sitemap, null, prioritizer.Score(u, string.Empty), ContentKinds.IsDocumentUrl(u))))
                    {
                        _urls.Intern(u);
                    }
                }
            }
        }

        private Task<RobotsTxt> RobotsForAsync(Uri url, CancellationToken cancellationToken)
        {
            if (!o.RespectRobots)
            {
                return Task.FromResult(RobotsTxt.AllowAll);
            }

            var key = url.GetLeftPart(UriPartial.Authority);
            return _robots.GetOrAdd(key, k => new Lazy<Task<RobotsTxt>>(() => FetchRobotsAsync(new Uri(k + "/robots.txt"), cancellationToken))).Value;
        }

        private async Task<RobotsTxt> FetchRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
        {
            FetchResponse response;
            var url = robotsUrl;
            for (var hops = 0; ; hops++)
            {
                using (await _pacer.AcquireAsync(url.Authority, cancellationToken))
                {
                    response = await owner._fetcher.FetchAsync(new FetchRequest(url, start.IdnHost, RobotsTxt.MaxBytes, 0), cancellationToken);
                }

                // RFC 9309 §2.3.1.2: follow at least five redirects (http → https, a moved file); past
                // that, the 3xx below counts as unavailable.
                if (!response.IsRedirect || hops == MaxRobotsRedirects || UrlCanonicalizer.Canonicalize(response.Location!) is not { } next)
                {
                    break;
                }

                url = next;
            }

            // RFC 9309 §2.3.1.3-4: 4xx (and redirects past the limit) mean no rules; 5xx or no answer mean complete
            // disallow, unless the operator said this is the agency's own site (Crawl:RobotsUnreachableAllowsAll).
            // A private address refused by the guard is no robots.txt at all: the pages there are refused (and said so) too.
            if (response.Failure == FetchFailure.Blocked)
            {
                return RobotsTxt.AllowAll;
            }

            if (response.Status is 0 or >= 500)
            {
                var why = response.Status == 0
                    ? new Bilingual($"{robotsUrl.Authority} ไม่ตอบเมื่อขอไฟล์ robots.txt: {response.ErrorTh ?? response.Error}", $"no answer from {robotsUrl.Authority} for robots.txt: {response.Error}")
                    : new Bilingual($"ไฟล์ robots.txt ของ {robotsUrl.Authority} ตอบกลับ HTTP {response.Status}", $"robots.txt of {robotsUrl.Authority} answered HTTP {response.Status}");
                return o.RobotsUnreachableAllowsAll ? RobotsTxt.AllowAll : RobotsTxt.DisallowAll(why);
            }

            if (response.Status is < 200 or >= 300)
            {
                return RobotsTxt.AllowAll;
            }

            // Cut at the byte cap: the last line may be half a rule, and half a Disallow path is a different rule.
            ReadOnlySpan<byte> body = response.Truncated ? response.Body.AsSpan(0, Math.Max(0, Array.LastIndexOf(response.Body, (byte)'\n'))) : response.Body;
            var (text, _) = ContentDecoder.Decode(body, response.Charset);
            var robots = RobotsTxt.Parse(text, o.ProductToken);
            if (robots.CrawlDelay is { } delay)
            {
                _pacer.SetCrawlDelay(robotsUrl.Authority, delay > o.MaxCrawlDelay ? o.MaxCrawlDelay : delay);
            }

            return robots;
        }

        private Bilingual? StartFailure()
        {
            if (_failingHosts.TryGetValue(start.Authority, out var failing))
            {
                return failing;
            }

            // Judge the answer the start page's redirects lead to, not the redirect itself.
            var chain = new List<Uri> { start };
            var record = _fetches.FirstOrDefault(f => f.Url == start);
            while (record?.FinalUrl is { } next && !chain.Contains(next))
            {
                chain.Add(next);
                record = _fetches.FirstOrDefault(f => f.Url == next);
            }

            if (record is null || record.FinalUrl is not null)
            {
                // No answer where the chain ends: skipped (loop, robots, private address) or outside the scope.
                var target = record?.FinalUrl ?? chain[^1];
                return _skipped.FirstOrDefault(s => s.Url == target) is { } skipped
                    ? new Bilingual(skipped.DetailTh ?? skipped.Detail, skipped.Detail)
                    : target == start ? null : new Bilingual(
                        $"หน้าแรกเปลี่ยนเส้นทางไปยัง {target} ซึ่งอยู่นอกขอบเขตการตรวจ ให้เริ่มตรวจที่นั่น หรือเพิ่มชื่อโดเมนนั้นใน Crawl:ExtraHosts",
                        $"the start page redirects to {target}, outside the crawl's scope; start there or add its host to Crawl:ExtraHosts");
            }

            return record switch
            {
                { Status: 0 } => new Bilingual($"{start.Authority} ไม่ตอบ: {record.ErrorTh ?? record.Error}", $"no answer from {start.Authority}: {record.Error}"),
                { Status: >= 400 } => new Bilingual($"{start.Authority} ตอบหน้าแรกด้วย HTTP {record.Status}", $"{start.Authority} answered HTTP {record.Status} to the start page"),
                _ => null,
            };
        }

        private Bilingual? FailedShare()
        {
            var answers = _fetches.Where(f => f.FinalUrl is null && f.Status != 304).ToList();
            var failed = answers.Where(f => f.Status is 0 or 408 or 429 or >= 500).ToList();
            if (failed.Count == 0 || failed.Count < answers.Count * o.MaxFailedShare)
            {
                return null;
            }

            var groups = failed
                .GroupBy(f => f.Status)
                .OrderByDescending(g => g.Count())
                .ToList();
            var th = string.Join(", ", groups.Select(g => $"{(g.Key == 0 ? "ไม่ตอบ" : $"HTTP {g.Key}")} ×{g.Count()}"));
            var en = string.Join(", ", groups.Select(g => $"{(g.Key == 0 ? "no answer" : $"HTTP {g.Key}")} ×{g.Count()}"));
            return new Bilingual(
                $"เปิดไม่ได้ {failed.Count} จาก {answers.Count} หน้า ({th}) เกินสัดส่วนที่ Crawl:MaxFailedShare {o.MaxFailedShare:0.##} ยอมรับ ข้อมูลจึงไม่ครบ",
                $"{failed.Count} of {answers.Count} pages could not be fetched ({en}), more than Crawl:MaxFailedShare {o.MaxFailedShare:0.##} allows; evidence is partial");
        }

        private void HostFailing(string authority, Bilingual reason)
        {
            if (_failingHosts.TryAdd(authority, reason))
            {
                owner.LogHostFailing(authority, reason.En);
                if (string.Equals(authority, start.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var left in _frontier.Close())
                    {
                        Skip(left.Url, SkipReason.HostFailing, reason, left.FoundOn);
                    }
                }
            }
        }

        private void Skip(Uri url, SkipReason reason, Bilingual detail, Uri? foundOn)
        {
            // Past the record cap a skip is only counted: the set of skipped URLs must stay bounded too.
            if (_skippedUrls.Count < MaxSkipRecords * 2 && !_skippedUrls.TryAdd(url.AbsoluteUri, 0))
            {
                return;
            }

            Interlocked.Increment(ref _skipCount);
            owner.LogSkipped(url, reason, detail.En);
            if (_skipped.Count < MaxSkipRecords)
            {
                _skipped.Enqueue(new SkipRecord(url, reason, detail.En, foundOn) { DetailTh = detail.Th });
            }
        }

        private bool InScope(Uri url) => _scope.Contains(url);

        private void Report() =>
            progress?.Report(new CrawlProgress(_fetched, _frontier.Queued, _errors, _skipCount, owner._time.GetElapsedTime(_started)));

        private EvidenceIndex Finish(CrawlOutcome outcome, Bilingual? reason)
        {
            Report();
            // Pages and documents in a fixed order (the start page, then by URL), not in the order concurrent fetches
            // happened to finish: the assessment breaks ties by order, and the same site must get the same verdicts.
            var pages = _pages
                .OrderBy(p => p.Url == start || p.RequestedUrl == start ? 0 : 1)
                .ThenBy(p => p.Url.AbsoluteUri, StringComparer.Ordinal)
                .ToList();
            var documents = _documents.OrderBy(d => d.Url.AbsoluteUri, StringComparer.Ordinal).ToList();
            var index = new EvidenceIndex(start, pages, documents, [.. _fetches], [.. _skipped], outcome, reason?.En)
            {
                OutcomeReasonTh = reason?.Th,
                Scope = _scope,
                Rendering = RenderSummary(),
            };
            var elapsed = owner._time.GetElapsedTime(_started);
            owner.LogFinished(start, outcome, index.Pages.Count, index.Documents.Count, _skipCount, _errors, elapsed);
            return index;
        }
    }
}
