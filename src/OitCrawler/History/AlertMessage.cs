namespace OitCrawler.History;

/// <summary>
/// One message to queue: an e-mail, or a LINE push (one recipient ID, <see cref="TextBody"/> only).
/// <see cref="Kind"/> is <c>digest</c>, <c>baseline</c>, <c>weekly</c> or <c>unit:&lt;id&gt;</c>.
/// <see cref="DedupKey"/>, when set, replaces the per-run key (the weekly summary is once per week, not per run).
/// </summary>
internal sealed record AlertMessage(string Kind, IReadOnlyList<Recipient> To, string Subject, string TextBody, string HtmlBody, string Channel = AlertChannels.Email, string? DedupKey = null);
