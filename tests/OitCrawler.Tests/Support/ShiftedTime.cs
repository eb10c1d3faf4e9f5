namespace OitCrawler.Tests.Support;

/// <summary>The real clock moved by a fixed offset: runs stored "days apart" while timers and delays stay real (the crawler's timeouts still fire).</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
