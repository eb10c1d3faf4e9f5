using OitCrawler.Assessment;
using OitCrawler.Evidence;

namespace OitCrawler.Audit;

/// <summary>
/// The crawl's details in the Thai half of each reason. The assessment quotes a crawl detail (why a URL gave
/// no answer, why a link was not fetched, why the crawl ended) into both halves of a reason, as the English
/// the evidence index records it; the crawl also recorded each detail in Thai, so here the Thai half gets the
/// Thai. A Thai reader then reads "เปิด … ไม่ได้: เซิร์ฟเวอร์ตัดการเชื่อมต่อกลางคัน", never .NET's
/// "Unable to read data from the transport connection" (that is in the log only, see <c>HttpFetcher</c>).
/// </summary>
internal static class CrawlDetails
{
    // What the assessment says of an in-scope link the crawl never reached.
    private const string NotReached = "not reached within the crawl limits";

    /// <summary>The items with the crawl's Thai details in their Thai reasons (and the cause of a cancelled crawl named in both).</summary>
    public static IReadOnlyList<ItemResult> InThai(IReadOnlyList<ItemResult> items, EvidenceIndex evidence)
    {
        var pairs = Pairs(evidence);
        var notReached = evidence.Outcome == CrawlOutcome.Cancelled
            ? ("the audit was stopped before reaching it", "การตรวจถูกหยุดก่อนถึงลิงก์นี้")
            : (NotReached, "ไม่ได้เปิด เพราะถึงขีดจำกัดของการเก็บข้อมูลก่อน");
        return items.Select(item => item.Reasons.Any(r => Quotes(r, pairs) || r.Th.Contains(NotReached, StringComparison.Ordinal))
            ? item with
            {
                Reasons = item.Reasons.Select(r =>
                {
                    var th = r.Th.Replace(NotReached, notReached.Item2, StringComparison.Ordinal);
                    foreach (var (en, thai) in pairs)
                    {
                        th = th.Replace(en, thai, StringComparison.Ordinal);
                    }

                    return r with { Th = th, En = r.En.Replace(NotReached, notReached.Item1, StringComparison.Ordinal) };
                }).ToList(),
            }
            : item).ToList();
    }

    private static bool Quotes(Reason reason, List<(string En, string Th)> pairs) =>
        pairs.Exists(p => reason.Th.Contains(p.En, StringComparison.Ordinal));

    // Every English detail the crawl recorded with a Thai one, longest first (a detail may contain a shorter one).
    private static List<(string En, string Th)> Pairs(EvidenceIndex evidence)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string? en, string? th)
        {
            if (!string.IsNullOrEmpty(en) && !string.IsNullOrEmpty(th) && en != th)
            {
                pairs.TryAdd(en, th);
            }
        }

        Add(evidence.OutcomeReason, evidence.OutcomeReasonTh);
        foreach (var f in evidence.Fetches)
        {
            Add(f.Error, f.ErrorTh);
        }

        foreach (var s in evidence.Skipped)
        {
            Add(s.Detail, s.DetailTh);
        }

        return [.. pairs.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Key.Length)];
    }
}
