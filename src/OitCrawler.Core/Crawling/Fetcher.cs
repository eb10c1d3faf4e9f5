using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Microsoft.Extensions.Logging;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Crawling;

/// <summary>One HTTP request: the URL, the host allowed to be private, conditional validators and the byte cap.</summary>
public sealed record FetchRequest(Uri Url, string TrustedHost, long MaxHtmlBytes, long MaxDocumentBytes)
{
    public string? IfNoneMatch { get; init; }

    public DateTimeOffset? IfModifiedSince { get; init; }

    /// <summary>Most bytes of a script or JSON body read (a page being rendered asked for it); default 0: not read.</summary>
    public long MaxScriptBytes { get; init; }
}

/// <summary>Why a request produced no HTTP answer.</summary>
public enum FetchFailure
{
    None,
    Network,
    Timeout,
    Blocked,
    CircuitOpen,
}

/// <summary>
/// One HTTP answer (redirects are not followed here), its body read up to a cap. <see cref="Error"/> says why there
/// was no answer, in English: a sentence of ours (<see cref="ErrorText"/>), never .NET's message (that goes to the log).
/// </summary>
public sealed record FetchResponse(Uri Url, int Status, FetchFailure Failure, string? Error)
{
    /// <summary><see cref="Error"/> in Thai.</summary>
    public string? ErrorTh { get; init; }

    public string? MediaType { get; init; }

    public string? Charset { get; init; }

    public byte[] Body { get; init; } = [];

    public bool Truncated { get; init; }

    public long? ContentLength { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? ETag { get; init; }

    public Uri? Location { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308 && Location is not null;
}

/// <summary>The seam between the crawler and the network.</summary>
public interface IFetcher
{
    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Fetches over the typed <see cref="HttpClient"/> whose handler chain holds the resilience pipeline
/// (retry, circuit breaker, attempt timeout) and the <see cref="AddressGuard"/>. Reads headers first,
/// then at most the cap for the content kind, so a huge or endless body costs only the cap.
/// </summary>
internal sealed partial class HttpFetcher(HttpClient client, IOptions<CrawlOptions> options, ILogger<HttpFetcher> logger) : IFetcher
{
    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        message.Options.Set(AddressGuard.TrustedHost, request.TrustedHost);
        message.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
        message.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        message.Headers.AcceptLanguage.ParseAdd("th,en;q=0.8");
        if (request.IfNoneMatch is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            message.Headers.IfNoneMatch.Add(tag);
        }

        if (request.IfModifiedSince is { } since)
        {
            message.Headers.IfModifiedSince = since;
        }

        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var content = response.Content.Headers;
            var mediaType = content.ContentType?.MediaType?.ToLowerInvariant();
            var cap = ContentKinds.IsHtmlLike(mediaType) ? request.MaxHtmlBytes
                : ContentKinds.IsPdf(mediaType, request.Url) ? request.MaxDocumentBytes
                : ContentKinds.IsScriptLike(mediaType) ? request.MaxScriptBytes
                : 0;
            // Polly's timeout ends when the headers arrive; a server that then drips the body one byte
            // at a time must not hold a worker (or the nightly lock) for ever.
            using var bodyDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyDeadline.CancelAfter(options.Value.RequestTimeout);
            var (body, truncated) = response.IsSuccessStatusCode && cap > 0
                ? await ReadCappedAsync(response.Content, cap, bodyDeadline.Token)
                : ([], false);

            return new FetchResponse(request.Url, (int)response.StatusCode, FetchFailure.None, null)
            {
                MediaType = mediaType,
                Charset = content.ContentType?.CharSet,
                Body = body,
                Truncated = truncated,
                ContentLength = content.ContentLength,
                LastModified = content.LastModified,
                ETag = response.Headers.ETag?.ToString(),
                Location = response.Headers.Location is { } loc ? new Uri(request.Url, loc) : null,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            return Failed(request, FetchFailure.Blocked, new Bilingual(
                $"ไม่เปิด {blocked.Host} เพราะชี้ไปยังที่อยู่ภายในเครือข่ายขององค์กร", blocked.Message));
        }
        catch (BrokenCircuitException ex)
        {
            LogFailed(request.Url, ex);
            return Failed(request, FetchFailure.CircuitOpen, new Bilingual(
                "หยุดขอหน้าจากเซิร์ฟเวอร์นี้ชั่วคราว เพราะล้มเหลวติดต่อกันหลายครั้ง", "stopped asking this server for a while after repeated failures"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var s = Seconds();
            return Failed(request, FetchFailure.Timeout, new Bilingual($"ส่งเนื้อหาไม่ครบภายใน {s} วินาที", $"the body did not arrive within {s} s"));
        }
        catch (TimeoutRejectedException)
        {
            var s = Seconds();
            return Failed(request, FetchFailure.Timeout, new Bilingual($"ไม่ตอบภายใน {s} วินาที", $"no answer within {s} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException || (ex is IOException && !cancellationToken.IsCancellationRequested))
        {
            // .NET's message ("Unable to read data from the transport connection: Connection reset by peer") is for the
            // log; the reason a reader sees is our sentence for the kind of failure, in Thai and in English.
            LogFailed(request.Url, ex);
            return Failed(request, FetchFailure.Network, ErrorText.Describe(ex));
        }
    }

    private static FetchResponse Failed(FetchRequest request, FetchFailure failure, Bilingual why) =>
        new(request.Url, 0, failure, why.En) { ErrorTh = why.Th };

    private string Seconds() => options.Value.RequestTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private void LogFailed(Uri url, Exception ex)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var type = ex.GetType().Name;
            var raw = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            LogFailed(url, type, raw);
        }
    }

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Fetching {Url} failed: {ExceptionType}: {RawMessage}")]
    private partial void LogFailed(Uri url, string exceptionType, string rawMessage);

    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var sink = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var room = cap - sink.Length;
                if (read > room)
                {
                    sink.Write(buffer, 0, (int)room);
                    return (sink.ToArray(), true);
                }

                sink.Write(buffer, 0, read);
            }

            return (sink.ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
