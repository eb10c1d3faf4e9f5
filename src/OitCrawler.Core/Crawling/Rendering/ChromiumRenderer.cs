using System.Diagnostics;
using System.Text.Json.Nodes;
using OitCrawler.Web;

namespace OitCrawler.Crawling.Rendering;

/// <summary>Fetches one URL a rendering page asked for, as the crawler would; null when the crawler would not fetch it.</summary>
internal delegate Task<FetchResponse?> BrowserFetch(Uri url, CancellationToken cancellationToken);

/// <summary>What one render gave: the DOM as HTML after scripts ran, and how the page's requests were answered.</summary>
internal sealed record RenderedPage(string Html, int Fetched, int Refused);

/// <summary>
/// One headless Chromium for one crawl, driven over the DevTools protocol. The browser fetches nothing itself: every
/// request a page makes is paused (<c>Fetch.requestPaused</c>) and either answered with what the crawler's own fetch
/// returned (same scope, robots.txt, private-address guard, pacing and User-Agent) or failed. The page's HTML is the
/// body the crawler already has; only scripts and XHR/fetch data are fetched; images, styles, fonts, frames,
/// navigations away, non-GET requests and downloads are refused. As a second wall, the browser's own network goes to
/// a proxy that does not exist (loopback included), so a request the interception missed fails too. One tab at a
/// time, closed after each page; a fresh profile folder, deleted at the end.
/// </summary>
internal sealed class ChromiumRenderer : IAsyncDisposable
{
    /// <summary>Where Debian installs it, when <c>chromium</c> is not on PATH.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    private const int MaxRequestsPerPage = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly HashSet<string> FetchedTypes = new(StringComparer.Ordinal) { "Script", "XHR", "Fetch" };

    // Dialogs would stop the page's script until answered; printing and opening windows are never wanted.
    private const string Quiet = "window.alert = function () {}; window.confirm = function () { return false; }; "
        + "window.prompt = function () { return null; }; window.print = function () {}; window.open = function () { return null; };";

    // Resolves once the document has loaded and its link count has not changed for three checks 200 ms apart
    // (a menu filled from fetched JSON lands a moment after the load event), or at the limit.
    private const string Settle = """
        new Promise(done => {
          const limit = Date.now() + LIMIT; let last = -1, calm = 0;
          const tick = () => {
            const n = document.querySelectorAll('a[href], area[href]').length;
            if (document.readyState === 'complete' && n === last) { calm++; } else { calm = 0; last = n; }
            if (calm >= 3 || Date.now() > limit) { done(n); return; }
            setTimeout(tick, 200);
          };
          tick();
        })
        """;

    private readonly Process _process;
    private readonly string _profile;
    private readonly SemaphoreSlim _oneTab = new(1, 1);
    private DevToolsConnection? _devTools;

    private ChromiumRenderer(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>False once the browser process has exited (crashed or killed): no page can be rendered any more.</summary>
    public bool IsAlive
    {
        get
        {
            try
            {
                return !_process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>The browser to run: the configured path when set (null when that file is missing), else <c>chromium</c> on PATH, else <see cref="DebianPath"/>.</summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        return onPath ?? (File.Exists(DebianPath) ? DebianPath : null);
    }

    /// <summary>Starts the browser with a fresh profile and connects to it; throws <see cref="DevToolsException"/> when it does not come up.</summary>
    public static async Task<ChromiumRenderer> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("oitcrawler-render-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
            "--dns-prefetch-disable", "--mute-audio", "--hide-scrollbars", "--renderer-process-limit=2",
            "--js-flags=--max-old-space-size=512",
            // Anything the interception misses goes to a proxy nobody listens on; "<-loopback>" sends loopback there too.
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DevToolsException($"{executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            DeleteProfile(profile);
            throw new DevToolsException($"{executable} could not be started: {ex.Message}", ex);
        }

        process.ErrorDataReceived += (_, _) => { }; // drained, or a chatty browser blocks on a full pipe
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var renderer = new ChromiumRenderer(process, profile);
        try
        {
            var endpoint = await ReadEndpointAsync(process, profile, cancellationToken);
            renderer._devTools = await DevToolsConnection.ConnectAsync(endpoint, cancellationToken);
            await renderer._devTools.SendAsync("Browser.setDownloadBehavior", new JsonObject { ["behavior"] = "deny" }, null, cancellationToken);
            return renderer;
        }
        catch (Exception ex) when (ex is IOException or System.Net.WebSockets.WebSocketException or TimeoutException)
        {
            await renderer.DisposeAsync();
            throw new DevToolsException($"{executable} did not open DevTools: {ex.Message}", ex);
        }
        catch
        {
            await renderer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> with <paramref name="html"/> as its document, lets its scripts run until its links
    /// settle or <paramref name="timeout"/> passes, and returns the DOM. Throws <see cref="OperationCanceledException"/>
    /// at the timeout and <see cref="DevToolsException"/> when the browser fails.
    /// </summary>
    public async Task<RenderedPage> RenderAsync(Uri url, byte[] html, string? charset, BrowserFetch fetch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var devTools = _devTools ?? throw new ObjectDisposedException(nameof(ChromiumRenderer));
        await _oneTab.WaitAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ct = deadline.Token;
        string? targetId = null;
        string? session = null;
        var answers = new List<Task>();
        var fetched = 0;
        var refused = 0;
        try
        {
            targetId = (await devTools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct))["targetId"]!.GetValue<string>();
            session = (await devTools.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, ct))["sessionId"]!.GetValue<string>();
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = 0;
            var page = session;
            devTools.OnEvents(page, (method, p) =>
            {
                switch (method)
                {
                    case "Fetch.requestPaused":
                        lock (answers)
                        {
                            answers.Add(AnswerAsync(p, Interlocked.Increment(ref requests) > MaxRequestsPerPage));
                        }

                        break;
                    case "Page.loadEventFired":
                        loaded.TrySetResult();
                        break;
                    case "Page.javascriptDialogOpening":
                        _ = Ignore(devTools.SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = false }, page, ct));
                        break;
                    default:
                        break;
                }
            });

            await devTools.SendAsync("Fetch.enable", new JsonObject { ["patterns"] = new JsonArray(new JsonObject { ["urlPattern"] = "*", ["requestStage"] = "Request" }) }, page, ct);
            await devTools.SendAsync("Page.enable", null, page, ct);
            await devTools.SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = Quiet }, page, ct);
            var navigated = await devTools.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, page, ct);
            if (navigated["errorText"]?.GetValue<string>() is { Length: > 0 } error)
            {
                throw new DevToolsException($"opening {url}: {error}");
            }

            await loaded.Task.WaitAsync(ct);
            var settle = Settle.Replace("LIMIT", ((long)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            await EvaluateAsync(devTools, page, settle, ct);
            var dom = await EvaluateAsync(devTools, page, "document.documentElement ? document.documentElement.outerHTML : ''", ct);
            return new RenderedPage(dom?.GetValue<string>() ?? string.Empty, Volatile.Read(ref fetched), Volatile.Read(ref refused));
        }
        finally
        {
            if (session is not null)
            {
                devTools.StopEvents(session);
            }

            if (targetId is not null)
            {
                // Closed even after a timeout: the tab and its renderer are what hold memory.
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Ignore(devTools.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId }, null, close.Token));
            }

            Task[] pending;
            lock (answers)
            {
                pending = [.. answers];
            }

            await Task.WhenAll(pending.Select(Ignore));
            _oneTab.Release();
        }

        async Task AnswerAsync(JsonObject paused, bool overLimit)
        {
            await Task.Yield(); // off the reader's thread: the answer waits for the crawler's fetch
            var requestId = paused["requestId"]?.GetValue<string>() ?? string.Empty;
            var request = paused["request"];
            var method = request?["method"]?.GetValue<string>();
            var type = paused["resourceType"]?.GetValue<string>() ?? string.Empty;
            var wanted = request?["url"]?.GetValue<string>() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var u) ? UrlCanonicalizer.Canonicalize(u) : null;
            if (wanted is not null && type == "Document" && wanted == url && Volatile.Read(ref fetched) == 0 && method == "GET")
            {
                Interlocked.Increment(ref fetched);
                await FulfillAsync(devTools, session!, requestId, 200, "text/html" + (charset is { Length: > 0 } ? "; charset=" + charset : string.Empty), null, html, ct);
                return;
            }

            var response = wanted is not null && !overLimit && method == "GET" && FetchedTypes.Contains(type)
                ? await fetch(wanted, ct)
                : null;
            if (response is null || response.Status == 0)
            {
                Interlocked.Increment(ref refused);
                await devTools.SendAsync("Fetch.failRequest", new JsonObject { ["requestId"] = requestId, ["errorReason"] = "BlockedByClient" }, session, ct);
                return;
            }

            Interlocked.Increment(ref fetched);
            var contentType = response.MediaType is { } media ? media + (response.Charset is { Length: > 0 } cs ? "; charset=" + cs : string.Empty) : null;
            await FulfillAsync(devTools, session!, requestId, response.Status, contentType, response.Location, response.Body, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_devTools is { } devTools)
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Ignore(devTools.SendAsync("Browser.close", null, null, close.Token));
            await devTools.DisposeAsync();
            _devTools = null;
        }

        try
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true); // this crawl's own browser, by its process
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
        _oneTab.Dispose();
        DeleteProfile(_profile);
    }

    private static async Task FulfillAsync(DevToolsConnection devTools, string session, string requestId, int status, string? contentType, Uri? location, byte[] body, CancellationToken ct)
    {
        var headers = new JsonArray();
        if (contentType is not null)
        {
            headers.Add(new JsonObject { ["name"] = "Content-Type", ["value"] = contentType });
        }

        if (location is not null)
        {
            headers.Add(new JsonObject { ["name"] = "Location", ["value"] = location.AbsoluteUri });
        }

        await devTools.SendAsync(
            "Fetch.fulfillRequest",
            new JsonObject { ["requestId"] = requestId, ["responseCode"] = status, ["responseHeaders"] = headers, ["body"] = Convert.ToBase64String(body) },
            session,
            ct);
    }

    private static async Task<JsonNode?> EvaluateAsync(DevToolsConnection devTools, string session, string expression, CancellationToken ct)
    {
        var result = await devTools.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, session, ct);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new DevToolsException($"the page's script failed: {exception["text"]}");
        }

        return result["result"]?["value"];
    }

    // Answers to a tab that closed, or a browser that went away, have nowhere to go.
    private static async Task Ignore(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is DevToolsException or OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task<Uri> ReadEndpointAsync(Process process, string profile, CancellationToken cancellationToken)
    {
        // Chromium writes "PORT\n/devtools/browser/ID" once it listens.
        var file = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new DevToolsException($"the browser exited with code {process.ExitCode} before opening DevTools");
            }

            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, cancellationToken)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2)
                {
                    return new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}");
                }
            }

            await Task.Delay(50, cancellationToken); // waiting for a file to appear
        }

        throw new TimeoutException($"the browser did not open DevTools within {StartTimeout.TotalSeconds:0} s");
    }

    private static void DeleteProfile(string profile)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200); // a browser helper still closing a file
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
