using System.Reflection;
using Microsoft.Extensions.Logging;
using OitCrawler.Cli;
using OitCrawler.Crawling;

namespace OitCrawler.Tests.Architecture;

/// <summary>
/// Every log event has its own EventId, so journald and Serilog can filter one event by number. Each class
/// numbers its events in its own block: Crawling 1000s, Audit 2000s, Alerts 3000s, Scheduling 4000s,
/// Fleet 5000s, Dashboard 6000s.
/// </summary>
[Trait("speed", "fast")]
public class LogEventTests
{
    private static readonly Assembly[] Assemblies = [typeof(Crawler).Assembly, typeof(Commands).Assembly];

    private static IEnumerable<(string Method, LoggerMessageAttribute Event)> Events() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select ($"{type.FullName}.{method.Name}", attribute);

    [Fact]
    public void EveryLogEvent_HasAnExplicitEventId()
    {
        var events = Events().ToList();

        Assert.True(events.Count >= 45, $"found only {events.Count} [LoggerMessage] methods; is the scan still seeing both assemblies?");
        Assert.Empty(events.Where(e => e.Event.EventId <= 0).Select(e => e.Method));
    }

    [Fact]
    public void EventIds_AreUniqueAcrossTheAssemblies()
    {
        var shared = Events()
            .GroupBy(e => e.Event.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");

        Assert.Empty(shared);
    }
}
