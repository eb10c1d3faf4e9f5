using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OitCrawler.Text;

namespace OitCrawler.Alerts;

/// <summary>What LINE did with one push.</summary>
/// <param name="Sent">Accepted now, or earlier under the same retry key (409 with an accepted request id).</param>
/// <param name="Error">Why not, for the outbox's last_error.</param>
internal sealed record LineResult(bool Sent, string? Error);

/// <summary>
/// One LINE Messaging API push: <c>POST v2/bot/message/push</c> with the channel access token, a JSON
/// body <c>{to, messages:[{type:"text", text}]}</c> and an <c>X-Line-Retry-Key</c> derived from the
/// outbox row, so that a retry (ours within the send, or the outbox's after a restart) is never
/// delivered twice: LINE answers a repeated key with 409 and the id of the request it accepted.
/// The HTTP client's resilience handler retries 5xx and 429 (see <see cref="AlertsServiceCollectionExtensions"/>).
/// </summary>
internal sealed class LinePush(HttpClient http, IOptions<AlertOptions> options)
{
    /// <summary>LINE's limit on one text message.</summary>
    public const int MaxText = 5000;

    /// <summary>Name of the typed client.</summary>
    public const string ClientName = "line";

    public async Task<LineResult> PushAsync(string to, string text, string dedupKey, CancellationToken cancellationToken)
    {
        var line = options.Value.Line;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(line.BaseUrl.TrimEnd('/') + "/"), "v2/bot/message/push"))
        {
            Content = JsonContent.Create(new PushBody(to, [new TextMessage("text", Shown(text))])),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", line.ChannelAccessToken);
        request.Headers.Add("X-Line-Retry-Key", RetryKey(dedupKey));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new LineResult(true, null);
            }

            if (response.StatusCode == HttpStatusCode.Conflict && response.Headers.Contains("X-Line-Accepted-Request-Id"))
            {
                return new LineResult(true, null); // delivered by an earlier attempt with the same key
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new LineResult(false, $"LINE answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new LineResult(false, "LINE could not be reached: " + ex.Message);
        }
    }

    // Cleaned as sent (a message queued before this rule existed is cleaned too), then cut to LINE's limit.
    private static string Shown(string text)
    {
        var shown = ShownText.Clean(text);
        return shown.Length <= MaxText ? shown : shown[..MaxText];
    }

    /// <summary>The retry key of an outbox row: a UUID (version 4 layout) from a hash of its dedup key, the same on every attempt and restart.</summary>
    public static string RetryKey(string dedupKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private sealed record PushBody([property: JsonPropertyName("to")] string To, [property: JsonPropertyName("messages")] IReadOnlyList<TextMessage> Messages);

    private sealed record TextMessage([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("text")] string Text);
}
