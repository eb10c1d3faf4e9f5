using System.Globalization;
using System.Text;
using OitCrawler.Alerts;
using OitCrawler.History;
using OitCrawler.Text;

namespace OitCrawler.Fleet;

/// <summary>
/// One province's night, from the fleet report's rows of its agencies: who was audited since
/// <see cref="From"/>, their bands, who regressed, whose site could not be reached, who was not audited.
/// </summary>
/// <param name="Province">The province, as the agencies file spells it.</param>
/// <param name="From">The night began after this instant (the digest covers the 24 hours before <see cref="To"/>).</param>
/// <param name="To">When the digest was made.</param>
/// <param name="Rows">The province's agencies in the fleet report, in the file's order.</param>
/// <param name="BandOrder">The bands, best first.</param>
internal sealed record ProvinceNight(string Province, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AgencyRow> Rows, IReadOnlyList<string> BandOrder)
{
    /// <summary>Agencies with a run that tells something (complete, unreachable, failing) started in the night.</summary>
    public IReadOnlyList<AgencyRow> Audited { get; } = Rows.Where(r => r.Latest is { } l && l.StartedAt > From).ToList();

    /// <summary>Agencies whose latest complete run started in the night: they have tonight's OIT and band.</summary>
    public IReadOnlyList<AgencyRow> Scored { get; } = Rows.Where(r => r.Current is { } c && c.StartedAt > From).ToList();

    /// <summary>Tonight's complete run is worse than the one before: a lower OIT or an item that passed fails.</summary>
    public IReadOnlyList<AgencyRow> Regressed { get; } = Rows.Where(r => r.Regressed && r.Current is { } c && c.StartedAt > From).ToList();

    /// <summary>Tonight's latest run found the site down.</summary>
    public IReadOnlyList<AgencyRow> Unreachable { get; } = Rows.Where(r => r.Unreachable && r.Latest!.StartedAt > From).ToList();

    /// <summary>No telling run in the night (never audited, or the audit was interrupted).</summary>
    public IReadOnlyList<AgencyRow> NotAudited { get; } = Rows.Where(r => r.Latest is not { } l || l.StartedAt <= From).ToList();

    /// <summary>Tonight's scored agencies per band, best band first; bands nobody reached left out.</summary>
    public IReadOnlyList<(string Band, int Count)> Bands =>
        Scored.GroupBy(r => r.Band ?? "-", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderBy(b => BandOrder.Contains(b.Key) ? BandOrder.TakeWhile(n => n != b.Key).Count() : int.MaxValue)
            .ToList();

    /// <summary>The mean OIT of tonight's scored agencies; null when none.</summary>
    public double? MeanOit => Scored.Count == 0 ? null : Math.Round(Scored.Average(r => r.Current!.Oit ?? 0), 2);

    /// <summary>The night of <paramref name="report"/> for <paramref name="province"/>: the 24 hours before the report was made.</summary>
    public static ProvinceNight Of(FleetReport report, string province) =>
        new(province, report.GeneratedAt - TimeSpan.FromDays(1), report.GeneratedAt, report.Agencies.Where(a => a.Agency.Province == province).ToList(), report.BandOrder);
}

/// <summary>
/// The province digest as messages: one e-mail to the province's addresses (together) and one LINE push to
/// each of its LINE ids, Thai first with English. Pure. The subject is made only of our own strings (the
/// province from configuration, counts, the date); the agencies' names come from the agencies file and every
/// text from a crawl (an outcome's reason) appears only in the body, HTML-encoded in HTML. The dedup key names
/// the province and the night's date, not a run: the digest is queued once per province and night however often
/// the job fires, and a retry is never delivered twice.
/// </summary>
internal static class ProvinceDigest
{
    public const string Kind = "province";

    /// <summary>The outbox's run id for the night's digests (its queued rows are released together).</summary>
    public static string BatchId(DateTimeOffset at, TimeZoneInfo zone) => "province-digest-" + Night(at, zone);

    public static IReadOnlyList<AlertMessage> Compose(ProvinceNight night, ProvinceDigestOptions to, TimeZoneInfo zone)
    {
        var date = ThaiYears.FormatThaiDate(night.To);
        var key = $"{Kind}|{night.Province}|{Night(night.To, zone)}";
        var messages = new List<AlertMessage>();
        var emails = to.Email.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.Count > 0)
        {
            var subject = AlertComposer.HeaderText(
                $"OitCrawler: สรุปผลการตรวจ จังหวัด{night.Province} — ตรวจ {night.Audited.Count}/{night.Rows.Count} หน่วยงาน คะแนนลดลง {night.Regressed.Count} เข้าไม่ได้ {night.Unreachable.Count} ({date})");
            messages.Add(new AlertMessage(
                Kind,
                emails.Select(e => new Recipient(string.Empty, e)).ToList(),
                subject,
                Text(night, date),
                HtmlBody(night, date),
                AlertChannels.Email,
                $"{key}|email"));
        }

        var line = LineText(night, date);
        messages.AddRange(to.Line.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal)
            .Select(id => new AlertMessage(Kind, [new Recipient(string.Empty, id)], string.Empty, line, string.Empty, AlertChannels.Line, $"{key}|line|{id}")));
        return messages;
    }

    public static string Text(ProvinceNight night, string date)
    {
        var t = new StringBuilder();
        t.AppendLine(CultureInfo.InvariantCulture, $"สรุปผลการตรวจเว็บไซต์ตามเกณฑ์ OIT จังหวัด{night.Province} วันที่ {date} (24 ชั่วโมงที่ผ่านมา)");
        t.AppendLine(CultureInfo.InvariantCulture, $"OIT audits of the night, province {night.Province}");
        t.AppendLine();
        foreach (var line in Counts(night))
        {
            t.AppendLine(line);
        }

        Section(t, $"คะแนนลดลง / regressed ({night.Regressed.Count})", night.Regressed.Select(Regression));
        Section(t, $"เข้าเว็บไซต์ไม่ได้ / unreachable ({night.Unreachable.Count})", night.Unreachable.Select(r => $"{Name(r)} {r.Agency.Site.AbsoluteUri}: {AlertComposer.Plain(r.Latest!.OutcomeReason ?? r.Latest.Outcome ?? string.Empty)}"));
        Section(t, $"ไม่ได้ตรวจในคืนนี้ / not audited ({night.NotAudited.Count})", night.NotAudited.Select(r => $"{Name(r)} {r.Agency.Site.AbsoluteUri}"));
        Section(t, $"ผลการตรวจคืนนี้ / tonight's scores ({night.Scored.Count})", night.Scored.Select(r => $"{Name(r)}: OIT {Score(r.Current!.Oit)} ({r.Band ?? "-"})"));
        return t.ToString();
    }

    public static string HtmlBody(ProvinceNight night, string date)
    {
        var h = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
        h.Append("<h2>").Append(E($"สรุปผลการตรวจเว็บไซต์ตามเกณฑ์ OIT จังหวัด{night.Province}")).Append("</h2>")
            .Append("<p>").Append(E($"วันที่ {date} (24 ชั่วโมงที่ผ่านมา) / OIT audits of the night")).Append("</p><ul>");
        foreach (var line in Counts(night))
        {
            h.Append("<li>").Append(E(line)).Append("</li>");
        }

        h.Append("</ul>");
        HtmlTable(h, $"คะแนนลดลง / regressed ({night.Regressed.Count})", ["หน่วยงาน", "อำเภอ", "OIT", "เปลี่ยน", "ไม่ผ่านใหม่"], night.Regressed.Select(r => new[]
        {
            r.Agency.Name, r.Agency.District ?? "-", Score(r.Current!.Oit), r.OitChange is { } c ? c.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-", string.Join(", ", r.NewlyFailing),
        }));
        HtmlTable(h, $"เข้าเว็บไซต์ไม่ได้ / unreachable ({night.Unreachable.Count})", ["หน่วยงาน", "เว็บไซต์", "สาเหตุ"], night.Unreachable.Select(r => new[]
        {
            r.Agency.Name, r.Agency.Site.AbsoluteUri, r.Latest!.OutcomeReason ?? r.Latest.Outcome ?? string.Empty,
        }));
        HtmlTable(h, $"ไม่ได้ตรวจในคืนนี้ / not audited ({night.NotAudited.Count})", ["หน่วยงาน", "เว็บไซต์"], night.NotAudited.Select(r => new[] { r.Agency.Name, r.Agency.Site.AbsoluteUri }));
        HtmlTable(h, $"ผลการตรวจคืนนี้ / tonight's scores ({night.Scored.Count})", ["หน่วยงาน", "อำเภอ", "OIT", "ระดับ"], night.Scored.Select(r => new[]
        {
            r.Agency.Name, r.Agency.District ?? "-", Score(r.Current!.Oit), r.Band ?? "-",
        }));
        return h.Append("</body></html>").ToString();
    }

    public static string LineText(ProvinceNight night, string date)
    {
        var lines = new List<string> { $"OitCrawler: สรุปผลการตรวจ จังหวัด{night.Province} ({date})" };
        lines.AddRange(Counts(night));
        lines.AddRange(night.Regressed.Select(r => "• คะแนนลดลง " + Regression(r)));
        lines.AddRange(night.Unreachable.Select(r => $"• เข้าไม่ได้ {Name(r)} {r.Agency.Site.AbsoluteUri}"));
        return SummaryComposer.Fit(lines.Select(AlertComposer.Plain).ToList(), LinePush.MaxText);
    }

    private static IEnumerable<string> Counts(ProvinceNight night)
    {
        yield return $"หน่วยงาน {night.Rows.Count} ตรวจแล้ว {night.Audited.Count} ตรวจครบ {night.Scored.Count} (OIT เฉลี่ย {Score(night.MeanOit)}) คะแนนลดลง {night.Regressed.Count} เข้าเว็บไซต์ไม่ได้ {night.Unreachable.Count} ไม่ได้ตรวจ {night.NotAudited.Count}";
        yield return $"agencies {night.Rows.Count}, audited {night.Audited.Count}, scored {night.Scored.Count} (mean OIT {Score(night.MeanOit)}), regressed {night.Regressed.Count}, unreachable {night.Unreachable.Count}, not audited {night.NotAudited.Count}";
        if (night.Bands.Count > 0)
        {
            yield return "ระดับ / bands: " + string.Join(", ", night.Bands.Select(b => $"{b.Band} {b.Count}"));
        }
    }

    private static string Regression(AgencyRow r) =>
        $"{Name(r)}: OIT {Score(r.Current!.Oit)}"
        + (r.OitChange is { } c ? $" ({c.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)})" : string.Empty)
        + (r.NewlyFailing.Count > 0 ? $" ไม่ผ่านใหม่ / newly failing: {string.Join(", ", r.NewlyFailing)}" : string.Empty);

    private static string Name(AgencyRow r) => r.Agency.District is { } d ? $"{r.Agency.Name} (อ.{d})" : r.Agency.Name;

    private static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static void Section(StringBuilder t, string head, IEnumerable<string> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        t.AppendLine().AppendLine(head);
        foreach (var row in list)
        {
            t.AppendLine(CultureInfo.InvariantCulture, $"- {row}");
        }
    }

    private static void HtmlTable(StringBuilder h, string head, string[] columns, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        h.Append("<h3>").Append(E(head)).Append("</h3><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr>");
        foreach (var c in columns)
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }

        h.Append("</tr>");
        foreach (var row in list)
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }

            h.Append("</tr>");
        }

        h.Append("</table>");
    }

    private static string E(string text) => OitCrawler.Text.Html.Encode(text);

    private static string Night(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
