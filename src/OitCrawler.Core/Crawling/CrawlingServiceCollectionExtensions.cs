using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace OitCrawler.Crawling;

public static class CrawlingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the crawler: options validated at start, and one typed HttpClient with one
    /// resilience pipeline per host (retry with backoff, jitter and Retry-After; circuit breaker;
    /// attempt timeout). HttpClient.Timeout is infinite so Polly's timeout is the one that fires.
    /// </summary>
    public static IServiceCollection AddCrawling(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<CrawlOptions>()
            .Bind(configuration.GetSection(CrawlOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddTransient<Crawler>();

        services.AddHttpClient<IFetcher, HttpFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                ConnectCallback = AddressGuard.ConnectAsync,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = 64,
            })
            .AddResilienceHandler("crawl", static (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<CrawlOptions>>().Value;
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(o.MaxRetries, 1),
                    ShouldHandle = o.MaxRetries == 0 ? static _ => ValueTask.FromResult(false) : static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.RetryBaseDelay,
                    MaxDelay = o.MaxRetryAfter,
                    ShouldRetryAfterHeader = false,
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, o.MaxRetryAfter, context.ServiceProvider.GetRequiredService<TimeProvider>())),
                });
                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = o.CircuitFailureRatio,
                    MinimumThroughput = o.CircuitMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(60),
                    ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                builder.AddTimeout(o.RequestTimeout);
            })
            .SelectPipelineByAuthority();
        return services;
    }

    // Transient as Microsoft.Extensions.Http.Resilience defines it (network errors, timeouts, 408, 429, 5xx),
    // except a refused private address: retrying that cannot help and must not trip the breaker.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is not HttpRequestException { InnerException: BlockedAddressException }
        && HttpClientResiliencePredicates.IsTransient(outcome);

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is null)
        {
            return null; // use the exponential backoff
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
