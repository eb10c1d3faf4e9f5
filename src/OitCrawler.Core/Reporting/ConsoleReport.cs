using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Reporting;

/// <summary>The summary printed after an audit: one line per item, the scores, and where the files are.</summary>
public static class ConsoleReport
{
    public static void Write(TextWriter w, AuditResult r, IReadOnlyList<string> files)
    {
        w.WriteLine();
        w.WriteLine($"OitCrawler — ผลตรวจ OIT ปี {r.Year} (เกณฑ์ปี {r.Rules.Year}) / OIT audit for ITA {r.Year}");
        w.WriteLine($"เว็บไซต์ / site: {UrlCanonicalizer.Display(r.Site)}");
        w.WriteLine($"ตรวจเมื่อ / audited: {ThaiYears.FormatThaiDate(r.FinishedAt)} — {r.Evidence.Pages.Count} หน้า, {r.Evidence.Documents.Count} เอกสาร, ข้าม {r.Evidence.Skipped.Count}"
            + (r.Evidence.Rendering.Wanted > 0 ? $", เปิดด้วยเบราว์เซอร์ {r.Evidence.Rendering.Rendered} หน้า / rendered {r.Evidence.Rendering.Rendered} of {r.Evidence.Rendering.Wanted}" : string.Empty));
        foreach (var note in r.Notes)
        {
            w.WriteLine($"หมายเหตุ / note: {note}");
        }

        w.WriteLine();
        if (r.Evidence.Outcome == Evidence.CrawlOutcome.Unreachable)
        {
            w.WriteLine($"เข้าถึงเว็บไซต์ไม่ได้ ทุกข้อจึงเป็น \"เข้าถึงไม่ได้\" ไม่ใช่ \"ไม่ผ่าน\": {r.Evidence.OutcomeReasonTh}");
            w.WriteLine($"site unreachable: every item is 'unreachable', not failed: {r.Evidence.OutcomeReason}");
            foreach (var file in files)
            {
                w.WriteLine($"เขียนรายงาน / wrote: {file}");
            }

            return;
        }

        foreach (var group in r.Items.GroupBy(i => i.Rule.SubIndicator))
        {
            w.WriteLine($"  {group.Key}");
            foreach (var item in group)
            {
                var mark = item.Status == ItemStatus.Pass ? "✓" : "✗";
                var url = item.Evidence.Count > 0 ? "  " + UrlCanonicalizer.Display(item.Evidence[0].Url) : string.Empty;
                w.WriteLine($"    {mark} {item.Rule.Code,-4} {ItemStatusText.En(item.Status),-11} {ItemStatusText.Th(item.Status),-14} {Shorten(item.Rule.Title, 48)}{url}");
                if (item.Status != ItemStatus.Pass && item.Reasons.Count > 0)
                {
                    w.WriteLine($"           {item.Reasons[0].Th}");
                }
            }
        }

        w.WriteLine();
        var passed = r.Items.Count(i => i.Status == ItemStatus.Pass);
        if (ReportView.NotScored(r.Evidence) is { } why)
        {
            // A crawl that did not finish gives no score: what it missed would count as failed.
            w.WriteLine($"ผ่าน {passed}/{r.Items.Count} ข้อ — คะแนน OIT — · ตัวชี้วัด 9 — · ตัวชี้วัด 10 — (ไม่แสดงคะแนน เพราะ{why})");
            w.WriteLine($"passed {passed}/{r.Items.Count} — no scores: {ReportView.NotScoredEn(r.Evidence.Outcome)}");
        }
        else
        {
            w.WriteLine($"ผ่าน {passed}/{r.Items.Count} ข้อ — คะแนนประมาณการ / estimated: OIT {r.Score.Oit:0.00} · ตัวชี้วัด 9: {r.Score.Indicator9:0.00} · ตัวชี้วัด 10: {r.Score.Indicator10:0.00}");
        }

        if (ReportView.NotScored(r.Evidence) is null && r.Score.Projection is { } p)
        {
            w.WriteLine($"ITA รวมประมาณการ / projected total: {p.Total:0.00} ({p.Band}{(p.BandEn is null ? string.Empty : " / " + p.BandEn)})");
        }

        foreach (var file in files)
        {
            w.WriteLine($"เขียนรายงาน / wrote: {file}");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>Crawl progress on standard error: a rewritten line on a terminal, a line every few seconds otherwise.</summary>
public sealed class ConsoleProgress(TextWriter writer, TimeProvider timeProvider) : IProgress<CrawlProgress>
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Lock _lock = new();
    private long _last;
    private CrawlProgress? _latest;

    public void Report(CrawlProgress value)
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            _latest = value;
            var interval = _interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
            if (_last != 0 && timeProvider.GetElapsedTime(_last, now) < interval)
            {
                return;
            }

            _last = now;
            Write(value, final: false);
        }
    }

    /// <summary>Ends the progress line with the final counters.</summary>
    public void Done()
    {
        lock (_lock)
        {
            if (_latest is { } last)
            {
                Write(last, final: true);
            }
        }
    }

    private void Write(CrawlProgress value, bool final)
    {
        var line = $"  เก็บข้อมูล / crawling: {value.Fetched} หน้า fetched · คิว queue {value.Queued} · ผิดพลาด errors {value.Errors} · ข้าม skipped {value.Skipped} · {value.Elapsed:mm\\:ss}";
        if (_interactive)
        {
            writer.Write("\r" + line.PadRight(100) + (final ? Environment.NewLine : string.Empty));
        }
        else
        {
            writer.WriteLine(line);
        }
    }
}
