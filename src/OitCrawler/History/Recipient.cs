namespace OitCrawler.History;

/// <summary>An addressee: a unit's name and e-mail, both from the measures file or configuration.</summary>
internal sealed record Recipient(string Name, string Address);
