using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Gaps;
using OitCrawler.History;
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
            .Validate(o => o.ProvinceDigests.All(p => !string.IsNullOrWhiteSpace(p.Province)), "Fleet:ProvinceDigests: every entry needs its Province, as the agencies file spells it")
            .Validate(o => o.ProvinceDigests.SelectMany(p => p.Email).All(e => EmailAddresses.Problem(e) is null), "Fleet:ProvinceDigests: every Email must be a plain e-mail address")
            .Validate(o => o.DigestAt is null || (o.DigestAt >= TimeSpan.Zero && o.DigestAt < TimeSpan.FromHours(24)), "Fleet:DigestAt must be a time of day (00:00 to 23:59)")
            .ValidateOnStart();
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<FleetOptions>>().Value.ConnectionString!));
        services.AddSingleton(sp => new PostgresRunStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<FleetOptions>>().Value.NodeName));
        services.AddSingleton<IRunStore>(sp => sp.GetRequiredService<PostgresRunStore>());
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<HostLeases>();
        return services;
    }

    /// <summary>
    /// The fleet's alerts: the usual change detection, composition and outbox (SMTP and LINE from the <c>Alerts</c>
    /// section) over the fleet's database, each agency's alerts to its own recipients (<see cref="AlertOptions.RecipientsPerSite"/>),
    /// and the province digests. Call after <see cref="AddFleetStore"/>.
    /// </summary>
    public static IServiceCollection AddFleetAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlerts(configuration);
        services.PostConfigure<AlertOptions>(o => o.RecipientsPerSite = true);
        services.AddTransient<FleetDigests>();
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
        services.AddFleetAlerts(configuration);
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
