namespace OitCrawler.Tests.Support;

/// <summary>
/// Tests that measure gaps between request starts run alone: on a 2-core machine a parallel test
/// can stall one request's send and shrink the next gap as the server sees it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingDefinition
{
    public const string Name = "Timing";
}
