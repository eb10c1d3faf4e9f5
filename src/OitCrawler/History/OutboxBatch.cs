namespace OitCrawler.History;

/// <summary>Alerts to queue: the messages, when they were queued, and how long the outbox job leaves them alone.</summary>
internal sealed record OutboxBatch(IReadOnlyList<AlertMessage> Messages, DateTimeOffset QueuedAt, TimeSpan Hold);
