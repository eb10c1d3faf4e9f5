using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OitCrawler.History;

internal static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the history database (a relative path is taken from the content root, not the working
    /// folder, which for a Windows service is System32) and the run store; options validated at start.
    /// </summary>
    public static IServiceCollection AddHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryOptions>()
            .Bind(configuration.GetSection(HistoryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<HistoryOptions>>().Value.DatabasePath;
            var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new HistoryDatabase(Path.IsPathRooted(path) ? path : Path.Combine(root, path));
        });
        services.AddSingleton<IRunStore, SqliteRunStore>();
        return services;
    }
}
