namespace OitCrawler.History;

/// <summary>One queued alert as the outbox table holds it, claimed for sending.</summary>
internal sealed record OutboxRow(long Id, string DedupKey, IReadOnlyList<Recipient> Recipients, string Subject, string Text, string? Html, int Attempts, DateTimeOffset CreatedAt, string? RunId, string Kind, string Channel);
