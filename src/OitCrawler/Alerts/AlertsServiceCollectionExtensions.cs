using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OitCrawler.History;
using Polly;

namespace OitCrawler.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>Registers change detection, composition, the outbox and its two channels (SMTP, LINE); options validated at start.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>()
            .Bind(configuration.GetSection(AlertOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<AlertOutbox>();
        services.AddSingleton<AlertService>();

        // One push is retried within the send on 5xx/429 under the same X-Line-Retry-Key (LINE drops the
        // repeat); when every attempt fails the outbox keeps the row and tries again later.
        services.AddHttpClient<LinePush>(LinePush.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(LinePush.ClientName, static (builder, context) =>
            {
                var line = context.ServiceProvider.GetRequiredService<IOptions<AlertOptions>>().Value.Line;
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = line.Attempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = line.RetryDelay,
                    ShouldRetryAfterHeader = true,
                });
                builder.AddTimeout(line.Timeout);
            });
        return services;
    }
}
