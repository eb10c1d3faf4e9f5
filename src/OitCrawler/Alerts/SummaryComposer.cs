using System.Globalization;
using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Audit;
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

        var w = context.Words;
        var result = context.Result;
        var view = ReportView.Build(result, context.Language);
        var thaiView = context.Language == ReportLanguage.Th ? view : ReportView.Build(result);
        var agency = AlertComposer.AgencyName(context);
        var date = w.Date(context.Date);
        var subject = AlertComposer.HeaderText($"OitCrawler: {agency} — {context.Short(Heading(kind, result.Gaps.Count), HeadingEn(kind, result.Gaps.Count))} ({context.Short(ThaiYears.FormatThaiDate(context.Date), date)})");
        var text = new StringBuilder();
        var html = new StringBuilder();
        AlertComposer.Para(text, html, w,
            $"{Intro(kind)}: เว็บไซต์{result.Agency} ตามเกณฑ์ OIT ของ ITA {result.Rules.Year} วันที่ {ThaiYears.FormatThaiDate(context.Date)}",
            $"{IntroEn(kind)}: the website of {agency} against the OIT criteria of ITA {result.Rules.Year}, {new Words(ReportLanguage.En).Date(context.Date)}",
            heading: true);
        text.AppendLine(CultureInfo.InvariantCulture, $"{w.T("เว็บไซต์", "Website")}: {result.Site.AbsoluteUri}");
        html.Append("<p>").Append(Html.Encode(w.T("เว็บไซต์", "Website"))).Append(": ").Append(Html.Link(result.Site, UrlCanonicalizer.Display(result.Site))).Append("</p>");
        if (context.ReportLink is { } report)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.T("รายงานฉบับเต็ม", "Full report")}: {report}");
            html.Append("<p>").Append(Html.Encode(w.T("รายงานฉบับเต็ม", "Full report"))).Append(": ").Append(LinkOrText(report)).Append("</p>");
        }

        AlertComposer.Para(text, html, w, ScoreLine(thaiView), ScoreLineEn(view));
        if (kind == BaselineKind)
        {
            AlertComposer.Para(text, html, w,
                "นี่คือการตรวจครั้งแรก จึงแจ้งทุกข้อที่ยังไม่ผ่าน ต่อไปจะแจ้งเฉพาะข้อที่เปลี่ยนแปลง (ไม่ผ่านใหม่ แก้ไขแล้ว ใกล้หมดรอบ)",
                "This is the first audit, so every item not yet passing is listed; from now on only changes are sent (new gaps, fixed, about to go out of date).");
        }

        foreach (var unit in view.Units)
        {
            var head = w.T($"{unit.Name} — {unit.Rows.Count} ข้อ", $"{unit.Name} — {unit.Rows.Count} items");
            text.AppendLine().AppendLine(head);
            html.Append("<h3>").Append(Html.Encode(head)).Append("</h3><ul>");
            foreach (var row in unit.Rows)
            {
                var item = row.Gap.Item;
                var line = w.T(
                    $"{item.Rule.Code} {item.Rule.Title}: {ItemStatusText.Th(item.Status)}",
                    $"{item.Rule.Code} {item.Rule.TitleEn ?? item.Rule.Title}: {ItemStatusText.Label(item.Status)}");
                var todo = w.Lines(row.Gap.Action, row.Gap.ActionEn ?? row.Gap.Action).Split('\n');
                var todoLabel = w.T("สิ่งที่ต้องทำ", "To do");
                text.AppendLine(CultureInfo.InvariantCulture, $"- {AlertComposer.Plain(line)}");
                foreach (var t in todo)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {todoLabel}: {AlertComposer.Plain(t)}");
                }

                html.Append("<li><strong>").Append(Html.Encode(line)).Append("</strong><br>").Append(Html.Encode(todoLabel)).Append(": ")
                    .Append(w.H(row.Gap.Action, row.Gap.ActionEn ?? row.Gap.Action));
                if (row.SharedWith.Count > 0)
                {
                    var shared = w.T("ร่วมกับ ", "shared with ") + string.Join(", ", row.SharedWith);
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {AlertComposer.Plain(shared)}");
                    html.Append("<br>").Append(Html.Encode(shared));
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        var footer = w.Lines(
            "ข้อความนี้ส่งอัตโนมัติจาก OitCrawler คะแนนเป็นการประมาณ ผลที่เป็นทางการมาจากการประเมินของ ป.ป.ช.",
            "Sent automatically by OitCrawler. Scores are estimates; the official result comes from the NACC's assessment.");
        var runLine = $"{w.T("รหัสการตรวจ", "Run")}: {context.RunId}";
        text.AppendLine().AppendLine(footer).AppendLine(runLine);
        html.Append("<hr><p style=\"color:#666\">").Append(Html.Encode(footer).Replace("\n", "<br>", StringComparison.Ordinal)).Append("<br>").Append(Html.Encode(runLine)).Append("</p></body></html>");
        return [new AlertMessage(kind, to, subject, text.ToString(), AlertComposer.Document(context, html.ToString()), AlertChannels.Email, dedupKey)];
    }

    /// <summary>
    /// One LINE text per recipient ID: the heading, the score, the gaps per unit (codes only) and the
    /// report link, within LINE's 5,000 characters (cut at a line, with a note); for a change digest
    /// (<paramref name="kind"/> <c>digest</c>), the changed items instead of the per-unit lists. In the
    /// alert's language: Thai, English, or each Thai line with its English beneath.
    /// </summary>
    public static IReadOnlyList<AlertMessage> Line(AlertContext context, string kind, IEnumerable<string> to, string? dedupKey)
    {
        var w = context.Words;
        var result = context.Result;
        var view = ReportView.Build(result, context.Language);
        var thaiView = context.Language == ReportLanguage.Th ? view : ReportView.Build(result);
        var lines = new List<string> { $"OitCrawler: {AlertComposer.AgencyName(context)}" };
        void Add(string thai, string english) => lines.AddRange(w.Lines(thai, english).Split('\n'));
        var thDate = ThaiYears.FormatThaiDate(context.Date);
        var enDate = new Words(ReportLanguage.En).Date(context.Date);
        if (kind is BaselineKind or WeeklyKind)
        {
            Add($"{Heading(kind, result.Gaps.Count)} ({thDate})", $"{HeadingEn(kind, result.Gaps.Count)} ({enDate})");
        }
        else
        {
            var thContext = context with { Language = ReportLanguage.Th };
            var enContext = context with { Language = ReportLanguage.En };
            Add($"{AlertComposer.Summary(thContext)} ({thDate})", $"{AlertComposer.Summary(enContext)} ({enDate})");
        }

        if (context.Changes.Site?.Kind != ChangeKind.SiteUnreachable)
        {
            Add(ScoreLine(thaiView), ScoreLineEn(view));
        }

        if (kind is BaselineKind or WeeklyKind)
        {
            Add("ข้อที่ยังไม่ผ่าน แยกตามหน่วยงาน:", "Items not yet passing, by unit:");
            foreach (var u in view.Units)
            {
                var codes = string.Join(", ", u.Rows.Select(r => r.Gap.Item.Rule.Code));
                lines.Add(context.Language == ReportLanguage.En ? $"• {u.Name} {u.Rows.Count} items: {codes}" : $"• {u.Name} {u.Rows.Count} ข้อ: {codes}");
            }
        }
        else
        {
            foreach (var change in context.Changes.Items.Where(i => i.Kind != ChangeKind.PendingRegression))
            {
                Add(
                    $"• {Label(change.Kind)} {change.Code} {change.Item.Rule.Title}: {ItemStatusText.Th(change.Item.Status)}",
                    $"• {LabelEn(change.Kind)} {change.Code} {change.Item.Rule.TitleEn ?? change.Item.Rule.Title}: {ItemStatusText.Label(change.Item.Status)}");
            }

            if (context.Changes.Site is { Kind: ChangeKind.SiteUnreachable } site)
            {
                Add($"เข้าเว็บไซต์ไม่ได้ {site.Runs} ครั้งติดต่อกัน: {site.ReasonTh ?? site.Reason}", $"site unreachable {site.Runs} times in a row: {site.Reason}");
            }
        }

        if (context.ReportLink is { } report)
        {
            lines.Add($"{w.T("รายงาน", "Report")}: {report}");
        }

        var text = Fit(lines.Select(AlertComposer.Plain).ToList(), LinePush.MaxText, context.Language);
        return to.Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => new AlertMessage(kind, [new Recipient(string.Empty, id.Trim())], string.Empty, text, string.Empty, AlertChannels.Line, dedupKey is null ? null : $"{dedupKey}|line|{id.Trim()}"))
            .ToList();
    }

    /// <summary>Whole lines up to <paramref name="max"/> characters; what does not fit is named, not cut mid-line.</summary>
    internal static string Fit(IReadOnlyList<string> lines, int max, ReportLanguage language = ReportLanguage.Th)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var more = language == ReportLanguage.En ? $"… and {lines.Count - i} more lines in the report" : $"… และอีก {lines.Count - i} บรรทัดในรายงาน";
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

    private static string HeadingEn(string kind, int gaps) => kind == BaselineKind
        ? $"Starting point: {gaps} items not passing"
        : $"Weekly summary: {gaps} items not passing";

    private static string IntroEn(string kind) => kind == BaselineKind ? "Starting point from the first audit" : "Weekly summary before ITAS opens";

    private static string ScoreLineEn(ReportView view)
    {
        var r = view.Result;
        var passed = r.Items.Count(i => i.Status == ItemStatus.Pass);
        return view.Scored
            ? string.Create(CultureInfo.InvariantCulture, $"{passed} of {r.Items.Count} items pass · estimated OIT score {r.Score.Oit:0.00}")
            : $"{passed} of {r.Items.Count} items pass · score — ({ReportView.NotScoredEn(r.Evidence.Outcome)})";
    }

    private static string LabelEn(ChangeKind kind) => kind switch
    {
        ChangeKind.NewGap => "new gap",
        ChangeKind.Fixed => "fixed",
        ChangeKind.AboutToGoStale => "about to go out of date",
        ChangeKind.HalfYearReportDue => "half-year report due",
        _ => string.Empty,
    };

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
