using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OitCrawler.Demo;

namespace OitCrawler.Tests.Support;

/// <summary>One canned answer of a <see cref="TestSite"/>.</summary>
internal sealed record TestResponse(int Status, string? ContentType, byte[] Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static TestResponse Html(string html) => new(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public static TestResponse Bytes(byte[] body, string? contentType) => new(200, contentType, body);

    public static TestResponse Text(string text, string contentType = "text/plain; charset=utf-8") => new(200, contentType, Encoding.UTF8.GetBytes(text));

    public static TestResponse Redirect(string location, int status = 302) =>
        new(status, null, []) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static TestResponse Error(int status) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes($"<html><body>HTTP {status}</body></html>"));

    /// <summary>A UTF-8 HTML page with <paramref name="body"/> inside its body.</summary>
    public static TestResponse Page(string body, string title = "หน้าทดสอบ") =>
        Html($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>");

    /// <summary>A page that links to each href, the href doubling as link text.</summary>
    public static TestResponse LinksTo(params string[] hrefs) =>
        Page(string.Concat(hrefs.Select(h => $"<p><a href=\"{h}\">{h}</a></p>\n")));

    public TestResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}

/// <summary>A request as the server saw it arrive: when (Stopwatch timestamp), to which host and path, and from whom.</summary>
internal sealed record RecordedRequest(string Host, string Path, string Query, long Timestamp, string? UserAgent)
{
    public string PathAndQuery => Path + Query;
}

/// <summary>
/// A fixture site on 127.0.0.1 (through <see cref="StaticSiteServer"/>): canned pages by path (or
/// path and query), optional extra middleware for generated pages and faults, and a log of every
/// request so tests assert on what was requested and when. Unknown paths get the server's 404.
/// </summary>
internal sealed class TestSite : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private StaticSiteServer? _server;

    private TestSite()
    {
    }

    public Uri BaseUri => _server!.BaseUri;

    public int Port => BaseUri.Port;

    /// <summary>Every request so far, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.Timestamp)];

    public static Task<TestSite> StartAsync(IReadOnlyDictionary<string, TestResponse> pages) => StartAsync(pages, null);

    /// <param name="pages">
    /// Answers by decoded path (<c>/ข่าว</c>) or by path and raw query (<c>/cal?m=1</c>). Read at request
    /// time, so a test may add pages that need the site's port after it started.
    /// </param>
    /// <param name="configure">Adds middleware after the canned pages (generated pages, faults).</param>
    public static async Task<TestSite> StartAsync(IReadOnlyDictionary<string, TestResponse> pages, Action<WebApplication>? configure)
    {
        var site = new TestSite();
        site._server = await StaticSiteServer.StartAsync(null, app =>
        {
            app.Use(async (context, next) =>
            {
                site._requests.Enqueue(new RecordedRequest(
                    context.Request.Host.Value ?? string.Empty,
                    context.Request.Path.Value ?? "/",
                    context.Request.QueryString.Value ?? string.Empty,
                    Stopwatch.GetTimestamp(),
                    context.Request.Headers.UserAgent.ToString()));
                await next(context);
            });
            app.Use(async (context, next) =>
            {
                var path = context.Request.Path.Value ?? "/";
                if (pages.TryGetValue(path + context.Request.QueryString.Value, out var page) || pages.TryGetValue(path, out page))
                {
                    await WriteAsync(context, page);
                    return;
                }

                await next(context);
            });
            configure?.Invoke(app);
        });
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Requests whose path (without query) is <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>Time between the starts of consecutive requests in <paramref name="requests"/>.</summary>
    public static IReadOnlyList<TimeSpan> Gaps(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Zip(requests.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp))];

    /// <summary>The request log as "path +gap ms" lines, for assertion messages.</summary>
    public static string Describe(IReadOnlyList<RecordedRequest> requests) =>
        string.Join(", ", requests.Zip([TimeSpan.Zero, .. Gaps(requests)], (r, g) => $"{r.PathAndQuery} +{g.TotalMilliseconds:0}"));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Answers <paramref name="path"/> with the n-th answer on the n-th request (the last one repeats).</summary>
    public static void MapSequence(WebApplication app, string path, params TestResponse[] answers)
    {
        var count = 0;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value != path)
            {
                await next(context);
                return;
            }

            var n = Interlocked.Increment(ref count);
            await WriteAsync(context, answers[Math.Min(n, answers.Length) - 1]);
        });
    }

    public static async Task WriteAsync(HttpContext context, TestResponse page)
    {
        context.Response.StatusCode = page.Status;
        if (page.ContentType is not null)
        {
            context.Response.ContentType = page.ContentType;
        }

        foreach (var (name, value) in page.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength = page.Body.Length;
        await context.Response.Body.WriteAsync(page.Body, context.RequestAborted);
    }
}
