using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace OitCrawler.Fleet;

internal static class FleetServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler's name, shared by every node of one fleet.</summary>
    public const string SchedulerName = "oitcrawler-fleet";

    /// <summary>The fleet's database, history store and host leases; options validated at start.</summary>
    public static IServiceCollection AddFleetStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FleetOptions>()
            .Bind(configuration.GetSection(FleetOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.NightLength > TimeSpan.Zero && o.NightLength <= TimeSpan.FromHours(24), "Fleet:NightLength must be more than zero and at most 24 hours")
            .Validate(o => o.CheckinMisfireThreshold > o.CheckinInterval, "Fleet:CheckinMisfireThreshold must be longer than Fleet:CheckinInterval, or live nodes are taken for dead")
            .ValidateOnStart();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<FleetOptions>>().Value.ConnectionString!));
        services.AddSingleton(sp => new PostgresRunStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<FleetOptions>>().Value.NodeName));
        services.AddSingleton<HostLeases>();
        return services;
    }

    /// <summary>
    /// A fleet node: Quartz clustered over the shared PostgreSQL database (ADO.NET job store, Npgsql,
    /// schema provisioned by Quartz when missing), one durable recoverable job per agency, and
    /// <see cref="FleetOptions.Concurrency"/> audits at once on this node. With <paramref name="execute"/>
    /// false the scheduler only writes to the store (run-now): it is never started, so it runs nothing.
    /// </summary>
    public static IServiceCollection AddFleetScheduler(this IServiceCollection services, IConfiguration configuration, bool execute)
    {
        var options = new FleetOptions();
        configuration.GetSection(FleetOptions.SectionName).Bind(options);
        services.AddFleetStore(configuration);
        services.AddTransient<FleetAudit>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.InstanceId = execute ? options.NodeName : options.NodeName + "-client-" + Environment.ProcessId;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.Concurrency));
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(options.ConnectionString ?? string.Empty);
                store.ProvisionSchema();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = options.CheckinInterval;
                    c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
                // A node stopped by its service manager hands its running audits back to the cluster.
                store.ConfigureStore(s => s.RecoverFiringsCancelledByShutdown = true);
            });
        });
        if (execute)
        {
            services.AddHostedService<FleetSchedule>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
