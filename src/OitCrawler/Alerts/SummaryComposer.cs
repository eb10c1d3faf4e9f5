using System.Globalization;
using System.Text;
using OitCrawler.Assessment;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Alerts;

/// <summary>
/// The state of the site rather than its changes: the baseline digest of a site's first complete run
/// and the weekly summary before the ITAS window (the current gaps, per unit), as e-mail to the
/// digest's recipients; and every alert as a LINE text message. Pure, like <see cref="AlertComposer"/>,
/// with the same rules: no page text in headers, page text HTML-encoded in HTML.
/// </summary>
internal static class SummaryComposer
{
    public const string BaselineKind = "baseline";

    public const string WeeklyKind = "weekly";

    /// <summary>The baseline or weekly e-mail to the information unit and Alerts:DigestTo; none without recipients.</summary>
    public static IReadOnlyList<AlertMessage> Mail(AlertContext context, string kind, string? dedupKey)
    {
        var to = AlertComposer.DigestRecipients(context);
        if (to.Count == 0)
        {
            return [];
        }

        var result = context.Result;
        var view = ReportView.Build(result);
        var date = ThaiYears.FormatThaiDate(context.Date);
        var subject = AlertComposer.HeaderText($"OitCrawler: {view.Agency} — {Heading(kind, result.Gaps.Count)} ({date})");
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Intro(kind)}: เว็บไซต์{view.Agency} ตามเกณฑ์ OIT ของ ITA {result.Rules.Year} วันที่ {date}");
        html.Append("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">")
            .Append("<h2>").Append(Html.Encode($"{Intro(kind)}: เว็บไซต์{view.Agency} ตามเกณฑ์ OIT ของ ITA {result.Rules.Year}")).Append("</h2><p>วันที่ ").Append(Html.Encode(date)).Append("</p>");
        text.AppendLine(CultureInfo.InvariantCulture, $"เว็บไซต์: {result.Site.AbsoluteUri}");
        html.Append("<p>เว็บไซต์: ").Append(Html.Link(result.Site, UrlCanonicalizer.Display(result.Site))).Append("</p>");
        if (context.ReportLink is { } report)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"รายงานฉบับเต็ม: {report}");
            html.Append("<p>รายงานฉบับเต็ม: ").Append(LinkOrText(report)).Append("</p>");
        }

        var score = ScoreLine(view);
        text.AppendLine(score);
        html.Append("<p>").Append(Html.Encode(score)).Append("</p>");
        if (kind == BaselineKind)
        {
            const string why = "นี่คือการตรวจครั้งแรก จึงแจ้งทุกข้อที่ยังไม่ผ่าน ต่อไปจะแจ้งเฉพาะข้อที่เปลี่ยนแปลง (ไม่ผ่านใหม่ แก้ไขแล้ว ใกล้หมดรอบ)";
            text.AppendLine(why);
            html.Append("<p>").Append(Html.Encode(why)).Append("</p>");
        }

        foreach (var unit in view.Units)
        {
            var head = $"{unit.Name} — {unit.Rows.Count} ข้อ";
            text.AppendLine().AppendLine(head);
            html.Append("<h3>").Append(Html.Encode(head)).Append("</h3><ul>");
            foreach (var row in unit.Rows)
            {
                var item = row.Gap.Item;
                var line = $"{item.Rule.Code} {item.Rule.Title}: {ItemStatusText.Th(item.Status)}";
                text.AppendLine(CultureInfo.InvariantCulture, $"- {AlertComposer.Plain(line)}")
                    .AppendLine(CultureInfo.InvariantCulture, $"    สิ่งที่ต้องทำ: {AlertComposer.Plain(row.Gap.Action)}");
                html.Append("<li><strong>").Append(Html.Encode(line)).Append("</strong><br>สิ่งที่ต้องทำ: ").Append(Html.Encode(row.Gap.Action));
                if (row.SharedWith.Count > 0)
                {
                    var shared = "ร่วมกับ " + string.Join(", ", row.SharedWith);
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {AlertComposer.Plain(shared)}");
                    html.Append("<br>").Append(Html.Encode(shared));
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        const string footer = "ข้อความนี้ส่งอัตโนมัติจาก OitCrawler คะแนนเป็นการประมาณ ผลที่เป็นทางการมาจากการประเมินของ ป.ป.ช.";
        text.AppendLine().AppendLine(footer).AppendLine(CultureInfo.InvariantCulture, $"รหัสการตรวจ (run): {context.RunId}");
        html.Append("<hr><p style=\"color:#666\">").Append(Html.Encode(footer)).Append("<br>รหัสการตรวจ (run): ").Append(Html.Encode(context.RunId)).Append("</p></body></html>");
        return [new AlertMessage(kind, to, subject, text.ToString(), html.ToString(), AlertChannels.Email, dedupKey)];
    }

    /// <summary>
    /// One LINE text per recipient ID: the heading, the score, the gaps per unit (codes only) and the
    /// report link, within LINE's 5,000 characters (cut at a line, with a note); for a change digest
    /// (<paramref name="kind"/> <c>digest</c>), the changed items instead of the per-unit lists.
    /// </summary>
    public static IReadOnlyList<AlertMessage> Line(AlertContext context, string kind, IEnumerable<string> to, string? dedupKey)
    {
        var result = context.Result;
        var view = ReportView.Build(result);
        var lines = new List<string>
        {
            $"OitCrawler: {view.Agency}",
            $"{(kind is BaselineKind or WeeklyKind ? Heading(kind, result.Gaps.Count) : AlertComposer.Summary(context.Changes))} ({ThaiYears.FormatThaiDate(context.Date)})",
        };
        if (context.Changes.Site?.Kind != ChangeKind.SiteUnreachable)
        {
            lines.Add(ScoreLine(view));
        }

        if (kind is BaselineKind or WeeklyKind)
        {
            lines.Add("ข้อที่ยังไม่ผ่าน แยกตามหน่วยงาน:");
            lines.AddRange(view.Units.Select(u => $"• {u.Name} {u.Rows.Count} ข้อ: {string.Join(", ", u.Rows.Select(r => r.Gap.Item.Rule.Code))}"));
        }
        else
        {
            foreach (var change in context.Changes.Items.Where(i => i.Kind != ChangeKind.PendingRegression))
            {
                lines.Add($"• {Label(change.Kind)} {change.Code} {change.Item.Rule.Title}: {ItemStatusText.Th(change.Item.Status)}");
            }

            if (context.Changes.Site is { Kind: ChangeKind.SiteUnreachable } site)
            {
                lines.Add($"เข้าเว็บไซต์ไม่ได้ {site.Runs} ครั้งติดต่อกัน: {site.Reason}");
            }
        }

        if (context.ReportLink is { } report)
        {
            lines.Add($"รายงาน: {report}");
        }

        var text = Fit(lines.Select(AlertComposer.Plain).ToList(), LinePush.MaxText);
        return to.Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => new AlertMessage(kind, [new Recipient(string.Empty, id.Trim())], string.Empty, text, string.Empty, AlertChannels.Line, dedupKey is null ? null : $"{dedupKey}|line|{id.Trim()}"))
            .ToList();
    }

    /// <summary>Whole lines up to <paramref name="max"/> characters; what does not fit is named, not cut mid-line.</summary>
    internal static string Fit(IReadOnlyList<string> lines, int max)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var more = $"… และอีก {lines.Count - i} บรรทัดในรายงาน";
            if (text.Length + lines[i].Length + 1 + (i < lines.Count - 1 ? more.Length + 1 : 0) > max)
            {
                return text.Append(more).ToString();
            }

            text.Append(lines[i]);
            if (i < lines.Count - 1)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Heading(string kind, int gaps) => kind == BaselineKind
        ? $"สถานะตั้งต้น: ไม่ผ่าน {gaps} ข้อ"
        : $"สรุปประจำสัปดาห์: ไม่ผ่าน {gaps} ข้อ";

    private static string Intro(string kind) => kind == BaselineKind ? "สถานะตั้งต้นจากการตรวจครั้งแรก" : "สรุปประจำสัปดาห์ก่อนช่วงตอบ ITAS";

    private static string ScoreLine(ReportView view)
    {
        var r = view.Result;
        var passed = r.Items.Count(i => i.Status == ItemStatus.Pass);
        return view.Scored
            ? string.Create(CultureInfo.InvariantCulture, $"ผ่าน {passed} จาก {r.Items.Count} ข้อ · คะแนน OIT โดยประมาณ {r.Score.Oit:0.00}")
            : $"ผ่าน {passed} จาก {r.Items.Count} ข้อ · คะแนน — ({view.NotScoredReason})";
    }

    private static string Label(ChangeKind kind) => kind switch
    {
        ChangeKind.NewGap => "ไม่ผ่านใหม่",
        ChangeKind.Fixed => "แก้ไขแล้ว",
        ChangeKind.AboutToGoStale => "ใกล้หมดรอบ",
        ChangeKind.HalfYearReportDue => "รายงาน 6 เดือนใกล้ครบกำหนด",
        _ => string.Empty,
    };

    private static string LinkOrText(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && Html.IsWebLink(uri) ? Html.Link(uri, UrlCanonicalizer.Display(uri)) : Html.Encode(target);
}
