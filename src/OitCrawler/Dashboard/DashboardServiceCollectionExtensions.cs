using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;

namespace OitCrawler.Dashboard;

internal static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dashboard for <c>serve</c>: options validated at start (a non-loopback address without
    /// users stops the program with one message), its reads, and the Kestrel host started with serve's.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DashboardData>();
        services.AddSingleton<DashboardServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        return services;
    }

    /// <summary>
    /// E-mail report links point at the dashboard (<c>{PublicUrl}/runs/{id}/report.html</c>) when
    /// <c>Dashboard:PublicUrl</c> is set and <c>Alerts:ReportBaseUrl</c> is not.
    /// </summary>
    public static IServiceCollection AddDashboardLinks(this IServiceCollection services, IConfiguration configuration)
    {
        var publicUrl = configuration[$"{DashboardOptions.SectionName}:{nameof(DashboardOptions.PublicUrl)}"];
        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            services.PostConfigure<AlertOptions>(o =>
            {
                o.DashboardRunsUrl = publicUrl.TrimEnd('/') + "/runs"; // used when Alerts:ReportBaseUrl is empty
            });
        }

        return services;
    }
}
