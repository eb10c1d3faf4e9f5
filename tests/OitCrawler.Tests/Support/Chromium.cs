using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A real headless Chromium driven over the Chrome DevTools Protocol (one WebSocket, flattened
/// sessions): enough to open a page, collect its errors, evaluate script and take screenshots.
/// Started on DevTools port 0; the port is read from DevToolsActivePort in the profile folder.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly List<(string Method, TaskCompletionSource<JsonObject> Done)> _waiters = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Every event received so far (method, params, sessionId).</summary>
    public IReadOnlyList<JsonObject> Events => [.. _events];

    /// <summary>Starts Chromium; fails the test (never skips) when it is not installed.</summary>
    public static async Task<Chromium> StartAsync(CancellationToken ct)
    {
        Assert.True(
            File.Exists(Executable),
            $"Chromium is not installed at {Executable}: the HTML report is tested in a real browser. Run `.ci/install-deps chromium fonts-thai-tlwg` (as root) or `.ci/run`.");

        var profile = Directory.CreateTempSubdirectory("oit-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
            "--mute-audio", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.ErrorDataReceived += (_, _) => { }; // drain, or a chatty browser blocks on a full pipe
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new Chromium(process, profile);
        try
        {
            var endpoint = await ReadEndpointAsync(process, profile, ct);
            await browser._socket.ConnectAsync(endpoint, ct);
            browser._reader = Task.Run(() => browser.ReadLoopAsync(browser._stop.Token), CancellationToken.None);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a new tab and attaches to it; returns the session id for page commands.</summary>
    public async Task<string> NewPageAsync(CancellationToken ct)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, ct);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, ct);
        return attached["sessionId"]!.GetValue<string>();
    }

    /// <summary>
    /// Opens a local file in a new tab with the runtime and log domains on (so errors are recorded in
    /// <see cref="Events"/>), waits for its load event and its fonts; returns the tab's session id.
    /// </summary>
    public async Task<string> OpenAsync(string file, int width, int height, CancellationToken ct)
    {
        var page = await NewPageAsync(ct);
        await SendAsync("Runtime.enable", null, page, ct);
        await SendAsync("Log.enable", null, page, ct);
        await SendAsync("Page.enable", null, page, ct);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, page, ct);
        var loaded = NextEvent("Page.loadEventFired");
        var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, page, ct);
        if (navigated["errorText"] is { } error)
        {
            throw new InvalidOperationException($"navigating to {file}: {error}");
        }

        await loaded.WaitAsync(ct);
        await EvaluateAsync(page, "document.fonts.ready.then(() => true)", ct);
        return page;
    }

    /// <summary>Errors the page reported: uncaught exceptions, console.error, and browser log errors (CSP violations, failed loads).</summary>
    public IReadOnlyList<string> Errors() => Events.Where(IsError).Select(e => e.ToJsonString()).ToList();

    /// <summary>Sends a command and returns its result; throws with the protocol's message on an error.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync(ct); // ClientWebSocket allows one send at a time
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _send.Release();
        }

        using var registration = ct.Register(() => done.TrySetCanceled(ct));
        var reply = await done.Task;
        if (reply["error"] is JsonObject error)
        {
            throw new InvalidOperationException($"{method}: {error["message"]} {error["data"]}");
        }

        return reply["result"] as JsonObject ?? [];
    }

    /// <summary>A task that completes at the next event named <paramref name="method"/>; register before causing it.</summary>
    public Task<JsonObject> NextEvent(string method)
    {
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((method, done));
        }

        return done.Task;
    }

    /// <summary>Evaluates an expression in the page (awaiting a promise) and returns its value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string sessionId, string expression, CancellationToken ct)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, sessionId, ct);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new InvalidOperationException($"evaluate '{expression}': {exception.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SendAsync("Browser.close", null, null, close.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                // the browser is already gone or closing; it is killed below if it lingers
            }
        }

        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true); // only the browser this test started
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _stop.Dispose();
        _send.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // a helper process may still hold a file; the temp folder is cleaned by the system
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<Uri> ReadEndpointAsync(Process process, string profile, CancellationToken ct)
    {
        // Chromium writes "PORT\n/devtools/browser/ID" once it listens.
        var file = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {process.ExitCode} before opening DevTools");
            }

            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2)
                {
                    return new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}");
                }
            }

            await Task.Delay(50, ct); // waiting for a file to appear, not measuring time
        }

        throw new TimeoutException($"chromium did not write {file} within {StartTimeout.TotalSeconds:0} s");
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        try
        {
            await ReadMessagesAsync(ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or ObjectDisposedException)
        {
            // ObjectDisposedException: DisposeAsync disposed the socket while a receive was pending.
            FailPending(ex); // a command waiting for a reply fails instead of hanging
        }
    }

    private async Task ReadMessagesAsync(CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!ct.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    FailPending(new WebSocketException("DevTools connection closed"));
                    return;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (JsonNode.Parse(message.ToArray()) is not JsonObject json)
            {
                continue;
            }

            if (json["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id))
            {
                if (_pending.TryRemove(id, out var done))
                {
                    done.TrySetResult(json);
                }

                continue;
            }

            if (json["method"]?.GetValue<string>() is { } method)
            {
                _events.Enqueue(json);
                List<TaskCompletionSource<JsonObject>> ready;
                lock (_lock)
                {
                    ready = _waiters.Where(w => w.Method == method).Select(w => w.Done).ToList();
                    _waiters.RemoveAll(w => w.Method == method);
                }

                foreach (var done in ready)
                {
                    done.TrySetResult(json);
                }
            }
        }
    }

    private static bool IsError(JsonObject e)
    {
        var p = e["params"];
        return e["method"]?.GetValue<string>() switch
        {
            "Runtime.exceptionThrown" => true,
            "Runtime.consoleAPICalled" => p?["type"]?.GetValue<string>() is "error" or "assert",
            "Log.entryAdded" => p?["entry"]?["level"]?.GetValue<string>() == "error",
            _ => false,
        };
    }

    private void FailPending(Exception error)
    {
        foreach (var (_, done) in _pending)
        {
            done.TrySetException(error);
        }
    }
}
