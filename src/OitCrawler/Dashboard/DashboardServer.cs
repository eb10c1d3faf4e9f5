using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OitCrawler.History;
using OitCrawler.Reporting;

namespace OitCrawler.Dashboard;

/// <summary>
/// The dashboard inside <c>serve</c>: its own Kestrel (so the worker host stays a worker), started and
/// stopped with the host. Read-only (GET only), security headers on every answer, a rate limit per
/// client address, HTTP Basic sign-in when users are configured (failed sign-ins limited separately).
/// </summary>
internal sealed partial class DashboardServer(DashboardData data, IOptions<DashboardOptions> options, ILoggerFactory loggers, ILogger<DashboardServer> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The pages' policy: nothing but our own stylesheet loads; no script at all; never framed.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // report.html carries its own inline styles (it is also opened as a file): its policy, never framed.
    private const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> RunFiles = new(StringComparer.Ordinal)
    {
        [ReportWriter.HtmlFileName] = "text/html; charset=utf-8",
        ["report.json"] = "application/json; charset=utf-8",
        ["trend.json"] = "application/json; charset=utf-8",
        ["gaps.csv"] = "text/csv; charset=utf-8",
        ["checklist.csv"] = "text/csv; charset=utf-8",
        ["gaps.xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["checklist.xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private WebApplication? _app;

    /// <summary>Where the dashboard listens once started (the real port when configured with port 0).</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        _app = Build(data, o, loggers);
        await _app.StartAsync(cancellationToken);
        Addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        foreach (var address in Addresses)
        {
            LogListening(address, o.Users.Count > 0 ? "sign-in required" : "loopback only, no sign-in");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static WebApplication Build(DashboardData data, DashboardOptions o, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers); // Kestrel logs through serve's own logger
        builder.WebHost.UseUrls(string.Join(';', o.UrlList));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024; // read-only: no request carries a body
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxConcurrentConnections = 200;
        });
        builder.Services.AddRateLimiter(r =>
        {
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetFixedWindowLimiter(
                ClientOf(c), _ => new FixedWindowRateLimiterOptions { PermitLimit = o.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = (context, ct) => TooManyAsync(context.HttpContext, "เรียกหน้าเว็บถี่เกินไป", ct);
        });

        var app = builder.Build();
        app.Use(SecurityHeadersAsync);
        app.Use(ReadOnlyAsync);
        app.UseRateLimiter();
        if (o.Users.Count > 0)
        {
            app.Use(new SignIn(o).InvokeAsync);
        }

        Map(app, data);
        return app;
    }

    private static void Map(WebApplication app, DashboardData data)
    {
        app.MapGet(DashboardPages.StylesheetPath, () => Results.Text(DashboardStyles.Css, "text/css; charset=utf-8"));
        app.MapGet("/healthz", (CancellationToken ct) => HealthAsync(data, ct));

        app.MapGet("/", (HttpContext c, CancellationToken ct) => WithSiteAsync(data, c, async site => Html(DashboardPages.Overview(await data.OverviewAsync(site, ct))), ct));
        app.MapGet("/runs", async (HttpContext c, CancellationToken ct) =>
        {
            var site = await data.SiteAsync(c.Request.Query["site"], ct);
            return Html(DashboardPages.Runs(site, await data.RunsAsync(site, DashboardData.MaxRuns, ct)));
        });
        app.MapGet("/runs/{runId}", async (string runId, CancellationToken ct) =>
            await data.RunAsync(runId, ct) is { } view ? Html(DashboardPages.Run(view, FilesOf(view.Run))) : NotFound("ไม่พบการตรวจนี้"));
        app.MapGet("/runs/{runId}/{file}", async (string runId, string file, CancellationToken ct) =>
        {
            if (!RunFiles.TryGetValue(file, out var type) || await data.RunsAsync(null, DashboardData.MaxRuns * 10, ct) is var runs && runs.FirstOrDefault(r => r.RunId == runId) is not { } run
                || !FilesOf(run).Contains(file))
            {
                return NotFound("ไม่พบไฟล์รายงานนี้");
            }

            return new RunFile(Path.Combine(run.ReportPath!, file), type);
        });
        app.MapGet("/items", (HttpContext c, CancellationToken ct) => WithSiteAsync(data, c, async site =>
        {
            var overview = await data.OverviewAsync(site, ct);
            return Html(DashboardPages.Items(site, overview.Current, await data.HistoryAsync(site, ct)));
        }, ct));
        app.MapGet("/items/{code}", (string code, HttpContext c, CancellationToken ct) => WithSiteAsync(data, c, async site =>
            Html(DashboardPages.Item(site, code, await data.TimelineAsync(site, code, ct))), ct));
        app.MapGet("/units", (HttpContext c, CancellationToken ct) => WithSiteAsync(data, c, async site =>
            Html(DashboardPages.Units(site, await data.OverviewAsync(site, ct))), ct));
        app.MapGet("/sites", async (HttpContext c, CancellationToken ct) =>
        {
            var sort = c.Request.Query["sort"].ToString() is { Length: > 0 } s ? s : "site";
            var descending = c.Request.Query["dir"] == "desc";
            return Html(DashboardPages.Sites(Sort(await data.SitesAsync(ct), sort, descending), sort, descending));
        });

        var api = app.MapGroup("/api/v1");
        api.MapGet("/sites", async (CancellationToken ct) => Results.Json(DashboardApi.Sites(await data.SitesAsync(ct)), DashboardApi.Json));
        api.MapGet("/runs", async (HttpContext c, CancellationToken ct) =>
        {
            var site = c.Request.Query["site"].ToString() is { Length: > 0 } ? await data.SiteAsync(c.Request.Query["site"], ct) : null;
            return Results.Json(DashboardApi.Runs(site, await data.RunsAsync(site, DashboardData.MaxRuns, ct)), DashboardApi.Json);
        });
        api.MapGet("/runs/{runId}", async (string runId, CancellationToken ct) =>
            await data.RunAsync(runId, ct) is { } view ? Results.Json(DashboardApi.Run(view.Detail), DashboardApi.Json) : Results.NotFound());
        api.MapGet("/items/{code}", async (string code, HttpContext c, CancellationToken ct) =>
            await data.SiteAsync(c.Request.Query["site"], ct) is { } site
                ? Results.Json(DashboardApi.Item(site, code, await data.TimelineAsync(site, code, ct)), DashboardApi.Json)
                : Results.NotFound());
        api.MapGet("/trend", async (HttpContext c, CancellationToken ct) =>
            await data.SiteAsync(c.Request.Query["site"], ct) is { } site
                ? Results.Json(TrendReport.Build(site.AbsoluteUri, RunOutcomes.CompleteScores(await data.RunsAsync(site, DashboardData.MaxRuns, ct))), DashboardApi.Json)
                : Results.NotFound());

        app.MapFallback(() => NotFound("ไม่พบหน้าที่ต้องการ"));
    }

    private static async Task<IResult> WithSiteAsync(DashboardData data, HttpContext c, Func<Uri, Task<IResult>> page, CancellationToken ct) =>
        await data.SiteAsync(c.Request.Query["site"], ct) is { } site
            ? await page(site)
            : Html(DashboardPages.Message("ยังไม่มีการตรวจ", "ยังไม่มีผลการตรวจในฐานข้อมูล: รอการตรวจตามกำหนดเวลา หรือสั่ง oitcrawler run-now / no runs yet."));

    private static async Task<IResult> HealthAsync(DashboardData data, CancellationToken ct)
    {
        try
        {
            var runs = await data.RunsAsync(null, 1, ct);
            var last = runs.Count > 0 ? runs[0] : null;
            var age = last is null ? (double?)null : Math.Round((data.Time.GetUtcNow() - last.StartedAt).TotalHours, 2);
            return Results.Json(new DashboardApi.HealthDocument("ok", "readable", last?.RunId, last?.StartedAt, age), DashboardApi.Json);
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or InvalidDataException)
        {
            return Results.Json(new DashboardApi.HealthDocument("unhealthy", "unreadable: " + ex.Message, null, null, null), DashboardApi.Json, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The report files of a run that exist here (the run's folder may be on another machine in a fleet).</summary>
    private static List<string> FilesOf(RunSummary run) =>
        run.ReportPath is { } folder && run.State != RunState.Running && Directory.Exists(folder)
            ? RunFiles.Keys.Where(f => File.Exists(Path.Combine(folder, f))).Order(StringComparer.Ordinal).ToList()
            : [];

    private static List<SiteRow> Sort(IReadOnlyList<SiteRow> sites, string sort, bool descending)
    {
        Func<SiteRow, IComparable> key = sort switch
        {
            "date" => s => s.Latest.StartedAt,
            "oit" => s => s.LatestComplete?.Oit ?? -1,
            "i9" => s => s.LatestComplete?.Indicator9 ?? -1,
            "i10" => s => s.LatestComplete?.Indicator10 ?? -1,
            "runs" => s => s.Runs,
            _ => s => s.Site,
        };
        return (descending ? sites.OrderByDescending(key) : sites.OrderBy(key)).ThenBy(s => s.Site, StringComparer.Ordinal).ToList();
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private static IResult NotFound(string what) =>
        Results.Content(DashboardPages.Message(what, "ตรวจที่อยู่อีกครั้ง หรือกลับไปที่หน้าภาพรวม / not found."), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);

    private static string ClientOf(HttpContext c) => c.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Task SecurityHeadersAsync(HttpContext c, RequestDelegate next)
    {
        c.Response.OnStarting(() =>
        {
            var h = c.Response.Headers;
            h.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(c);
    }

    private static Task ReadOnlyAsync(HttpContext c, RequestDelegate next)
    {
        if (HttpMethods.IsGet(c.Request.Method))
        {
            return next(c);
        }

        c.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        c.Response.Headers.Allow = "GET";
        return Task.CompletedTask;
    }

    private static async ValueTask TooManyAsync(HttpContext c, string what, CancellationToken ct)
    {
        c.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        c.Response.Headers.RetryAfter = "60";
        c.Response.ContentType = "text/html; charset=utf-8";
        await c.Response.WriteAsync(DashboardPages.Message(what, "โปรดรอหนึ่งนาทีแล้วลองใหม่ / too many requests: wait a minute."), ct);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Dashboard listening on {Address} ({Access})")]
    private partial void LogListening(Uri address, string access);

    /// <summary>A run's report file, with report.html's own policy.</summary>
    private sealed class RunFile(string path, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                httpContext.Response.Headers.ContentSecurityPolicy = ReportPolicy;
            }
            else if (!contentType.StartsWith("application/json", StringComparison.Ordinal))
            {
                httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = Path.GetFileName(path) }.ToString();
            }

            await Results.File(path, contentType).ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// HTTP Basic sign-in against <see cref="DashboardOptions.Users"/>. Wrong passwords are counted per client
    /// address; past <see cref="DashboardOptions.FailedSignInsPerMinute"/> the address is answered 429 without
    /// checking. A verified credential is remembered (by its SHA-256) so PBKDF2 runs once, not per request.
    /// </summary>
    private sealed class SignIn(DashboardOptions o)
    {
        private const int RememberAtMost = 1000;

        private static readonly string Decoy = PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

        private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => new FixedWindowRateLimiterOptions { PermitLimit = o.FailedSignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

        private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

        public async Task InvokeAsync(HttpContext c, RequestDelegate next)
        {
            if (c.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal))
            {
                await next(c); // monitoring: says only up/down and the last run's age
                return;
            }

            if (!TryRead(c.Request.Headers.Authorization.ToString(), out var name, out var password))
            {
                await ChallengeAsync(c);
                return;
            }

            var client = ClientOf(c);
            using (var probe = _failures.AttemptAcquire(client, 0))
            {
                if (!probe.IsAcquired)
                {
                    await TooManyAsync(c, "ใส่รหัสผ่านผิดหลายครั้งเกินไป", c.RequestAborted);
                    return;
                }
            }

            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\0" + password)));
            if (_verified.ContainsKey(key) || Verify(name, password))
            {
                if (_verified.Count < RememberAtMost)
                {
                    _verified.TryAdd(key, 0);
                }

                await next(c);
                return;
            }

            using var lease = _failures.AttemptAcquire(client, 1);
            if (!lease.IsAcquired)
            {
                await TooManyAsync(c, "ใส่รหัสผ่านผิดหลายครั้งเกินไป", c.RequestAborted);
                return;
            }

            await ChallengeAsync(c);
        }

        private bool Verify(string name, string password)
        {
            var user = o.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
            var matches = PasswordHash.Verify(password, user?.PasswordHash ?? Decoy); // an unknown name costs the same time
            return user is not null && matches;
        }

        private static bool TryRead(string header, out string name, out string password)
        {
            name = password = string.Empty;
            if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            }
            catch (FormatException)
            {
                return false;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            (name, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }

        private static async Task ChallengeAsync(HttpContext c)
        {
            c.Response.StatusCode = StatusCodes.Status401Unauthorized;
            c.Response.Headers.WWWAuthenticate = "Basic realm=\"OitCrawler\", charset=\"UTF-8\"";
            c.Response.ContentType = "text/html; charset=utf-8";
            await c.Response.WriteAsync(DashboardPages.Message("ต้องลงชื่อเข้าใช้", "แดชบอร์ดนี้เปิดให้เฉพาะผู้ใช้ที่ตั้งไว้ใน Dashboard:Users / sign-in required."), c.RequestAborted);
        }
    }
}
