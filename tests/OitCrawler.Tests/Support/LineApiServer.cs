using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Demo;

namespace OitCrawler.Tests.Support;

/// <summary>One request the fake LINE API answered, and how.</summary>
internal sealed record LineRequest(int Status, string? RetryKey, string Body);

/// <summary>One push LINE delivered: to whom, the texts, under which retry key.</summary>
internal sealed record LineDelivery(string To, IReadOnlyList<string> Texts, string? RetryKey);

/// <summary>
/// The LINE Messaging API push endpoint on 127.0.0.1, checking requests as the real one does
/// (developers.line.biz, "Send push message"): <c>POST /v2/bot/message/push</c>, <c>Authorization:
/// Bearer {token}</c> (else 401), a JSON body <c>{to, messages}</c> with 1–5 messages of
/// <c>{type:"text", text}</c>, each text 1–5,000 characters (else 400), an optional
/// <c>X-Line-Retry-Key</c> that must be a UUID (else 400) and that, once accepted, is answered with 409
/// and <c>X-Line-Accepted-Request-Id</c> instead of a second delivery. The first <c>failFirst</c>
/// well-formed requests get 500 and deliver nothing.
/// </summary>
internal sealed class LineApiServer : IAsyncDisposable
{
    public const string Token = "test-channel-access-token";

    private readonly ConcurrentQueue<LineRequest> _requests = new();
    private readonly ConcurrentQueue<LineDelivery> _delivered = new();
    private readonly ConcurrentDictionary<string, string> _acceptedKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private StaticSiteServer? _server;
    private int _failuresLeft;

    public Uri BaseUri => _server!.BaseUri;

    public IReadOnlyList<LineRequest> Requests => [.. _requests];

    public IReadOnlyList<LineDelivery> Delivered => [.. _delivered];

    public static async Task<LineApiServer> StartAsync(int failFirst = 0)
    {
        var line = new LineApiServer { _failuresLeft = failFirst };
        line._server = await StaticSiteServer.StartAsync(null, app => app.MapPost("/v2/bot/message/push", line.HandleAsync));
        return line;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var key = context.Request.Headers["X-Line-Retry-Key"].FirstOrDefault();
        var (status, message, delivery) = Judge(context.Request, body, key);
        _requests.Enqueue(new LineRequest(status, key, body));
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status409Conflict)
        {
            context.Response.Headers["X-Line-Accepted-Request-Id"] = _acceptedKeys[key!];
        }

        context.Response.Headers["X-Line-Request-Id"] = Guid.NewGuid().ToString();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            status == 200 ? """{"sentMessages":[{"id":"1","quoteToken":"q"}]}""" : JsonSerializer.Serialize(new { message }),
            context.RequestAborted);
        if (delivery is not null)
        {
            _delivered.Enqueue(delivery);
        }
    }

    private (int Status, string Message, LineDelivery? Delivery) Judge(HttpRequest request, string body, string? key)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return (401, "Authentication failed. Confirm that the access token in the authorization header is valid.", null);
        }

        if (!(request.ContentType ?? string.Empty).StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (400, "The request body must be JSON", null);
        }

        if (key is not null && !Guid.TryParseExact(key, "D", out _))
        {
            return (400, "The value for the 'X-Line-Retry-Key' header is invalid", null);
        }

        string to;
        List<string> texts;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            to = root.GetProperty("to").GetString() ?? string.Empty;
            var messages = root.GetProperty("messages").EnumerateArray().ToList();
            if (to.Length == 0 || messages.Count is < 1 or > 5)
            {
                return (400, "The request body has 1 error(s): 'to' must be set and 'messages' must hold 1 to 5 messages", null);
            }

            texts = [];
            foreach (var m in messages)
            {
                var text = m.GetProperty("text").GetString() ?? string.Empty;
                if (m.GetProperty("type").GetString() != "text" || text.Length is < 1 or > 5000)
                {
                    return (400, "The request body has 1 error(s): messages[].text must be 1 to 5000 characters", null);
                }

                texts.Add(text);
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (400, "The request body has 1 error(s): " + ex.Message, null);
        }

        lock (_gate)
        {
            if (key is not null && _acceptedKeys.ContainsKey(key))
            {
                return (409, "The retry key is already accepted", null);
            }

            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                return (500, "An error occurred in the internal server", null);
            }

            if (key is not null)
            {
                _acceptedKeys[key] = Guid.NewGuid().ToString();
            }

            return (200, string.Empty, new LineDelivery(to, texts, key));
        }
    }
}
