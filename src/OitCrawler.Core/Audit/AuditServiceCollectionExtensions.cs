using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OitCrawler.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>Registers the audit pipeline and its options (validated at start).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTransient<AuditRunner>();
        return services;
    }
}
