using System.ComponentModel.DataAnnotations;

namespace OitCrawler.History;

/// <summary>Where run history, the page cache and the alert outbox live. Bound from the <c>History</c> section.</summary>
internal sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>The SQLite file. Default <c>data/oitcrawler.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/oitcrawler.db";
}
