using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OitCrawler.Crawling.Rendering;

/// <summary>
/// One WebSocket to Chromium's DevTools endpoint, with flattened sessions: commands get their replies by id,
/// events go to the handler registered for their session. Messages are capped so a page cannot make the crawler
/// buffer without end.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 64 << 20;

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, Action<string, JsonObject>> _handlers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection();
        try
        {
            await connection._socket.ConnectAsync(endpoint, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection._reader = Task.Run(() => connection.ReadLoopAsync(connection._stop.Token), CancellationToken.None);
        return connection;
    }

    /// <summary>Events of <paramref name="sessionId"/> go to <paramref name="handler"/> (method, params) on the reader's thread: keep it short.</summary>
    public void OnEvents(string sessionId, Action<string, JsonObject> handler) => _handlers[sessionId] = handler;

    public void StopEvents(string sessionId) => _handlers.TryRemove(sessionId, out _);

    /// <summary>Sends a command and returns its result; throws <see cref="DevToolsException"/> with the protocol's message on an error.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        try
        {
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
            if (sessionId is not null)
            {
                message["sessionId"] = sessionId;
            }

            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _send.WaitAsync(cancellationToken); // one send at a time on a ClientWebSocket
            try
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }

            var reply = await done.Task.WaitAsync(cancellationToken);
            if (reply["error"] is JsonObject error)
            {
                throw new DevToolsException($"{method}: {error["message"]}");
            }

            return reply["result"] as JsonObject ?? [];
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        _socket.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the socket was closed under a pending receive
        }

        _stop.Dispose();
        _send.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[1 << 16];
            using var message = new MemoryStream();
            while (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (message.Length + received.Count > MaxMessageBytes)
                    {
                        throw new WebSocketException($"a DevTools message exceeded {MaxMessageBytes >> 20} MiB");
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                Dispatch(JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or System.Text.Json.JsonException or ObjectDisposedException)
        {
            // the browser went away; commands waiting for replies fail below
        }
        finally
        {
            foreach (var (_, done) in _pending)
            {
                done.TrySetException(new DevToolsException("the browser closed the DevTools connection"));
            }
        }
    }

    private void Dispatch(JsonObject? json)
    {
        if (json is null)
        {
            return;
        }

        if (json["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id))
        {
            if (_pending.TryGetValue(id, out var done))
            {
                done.TrySetResult(json);
            }

            return;
        }

        if (json["method"]?.GetValue<string>() is { } method && json["sessionId"]?.GetValue<string>() is { } session
            && _handlers.TryGetValue(session, out var handler))
        {
            handler(method, json["params"] as JsonObject ?? []);
        }
    }
}

/// <summary>The browser refused a command or went away.</summary>
internal sealed class DevToolsException : Exception
{
    public DevToolsException()
    {
    }

    public DevToolsException(string message)
        : base(message)
    {
    }

    public DevToolsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
