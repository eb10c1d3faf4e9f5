namespace OitCrawler.History;

/// <summary>The outbox's channels.</summary>
internal static class AlertChannels
{
    public const string Email = "email";

    public const string Line = "line";
}
