using System.Globalization;
using System.Text;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Gaps;
using OitCrawler.History;
using OitCrawler.Reporting;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Alerts;

/// <summary>Everything an alert is made from.</summary>
/// <param name="RunId">The run the alert is about.</param>
/// <param name="Date">When the run started (from the injected clock).</param>
/// <param name="Result">The run's verdicts, gaps, scores and measures.</param>
/// <param name="Changes">What the detector found.</param>
/// <param name="PreviousItems">The last complete run's verdicts by code (where a now-missing item used to be).</param>
/// <param name="Trend">Earlier runs, newest first (their scores make the trend line).</param>
/// <param name="ReportLink">The run's report: a URL under Alerts:ReportBaseUrl, or a file path.</param>
/// <param name="ExtraDigestRecipients">Alerts:DigestTo.</param>
internal sealed record AlertContext(
    string RunId,
    DateTimeOffset Date,
    AuditResult Result,
    Changes Changes,
    IReadOnlyDictionary<string, StoredItem> PreviousItems,
    IReadOnlyList<RunSummary> Trend,
    string? ReportLink,
    IReadOnlyList<string> ExtraDigestRecipients)
{
    /// <summary>The language of the alerts: the reports' (<c>Audit:Language</c>); Thai by default, Thai with the English beneath for <c>both</c>.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Th;

    internal Words Words => new(Language);

    /// <summary>A subject or one-line heading: English for <c>en</c>, else the Thai (a header has no line beneath).</summary>
    internal string Short(string thai, string english) => Language == ReportLanguage.En ? english : thai;
}

/// <summary>
/// Turns changes into e-mail: a digest for the information unit and one message per responsible unit
/// with only its items. Pure. Headers (subject, names) are built only from our own strings — the
/// agency and unit names of the measures file, counts and dates — and stripped of control characters;
/// text from crawled pages (titles, link texts, URLs) appears only in bodies, HTML-encoded in HTML.
/// </summary>
internal static class AlertComposer
{
    public const string DigestKind = "digest";

    public static IReadOnlyList<AlertMessage> Compose(AlertContext context)
    {
        if (!context.Changes.ShouldAlert)
        {
            return [];
        }

        var result = context.Result;
        var measures = result.Measures;
        var agency = HeaderText(AgencyName(context));
        var date = context.Short(ThaiYears.FormatThaiDate(context.Date), context.Words.Date(context.Date));
        var messages = new List<AlertMessage>();

        var digestTo = DigestRecipients(context);
        var alertItems = context.Changes.Items.Where(i => i.Kind != ChangeKind.PendingRegression).ToList();
        if (digestTo.Count > 0)
        {
            var subject = HeaderText($"OitCrawler: {agency} — {Summary(context, context.Changes.Site, alertItems)} ({date})");
            messages.Add(Build(DigestKind, digestTo, subject, context, context.Changes.Items, context.Changes.Site, unit: null));
        }

        if (measures is null || context.Changes.Site?.Kind == ChangeKind.SiteUnreachable)
        {
            return messages; // an outage is the information unit's to chase, not every unit's
        }

        var rulesYear = result.Rules.Year.ToString(CultureInfo.InvariantCulture);
        var byUnit = alertItems
            .SelectMany(change => UnitsFor(measures, rulesYear, change.Code).Select(unit => (unit, change)))
            .GroupBy(x => x.unit.Id, StringComparer.Ordinal);
        foreach (var group in byUnit)
        {
            var unit = group.First().unit;
            if (unit.Email is not { Length: > 0 } unitEmail || digestTo.Any(r => string.Equals(r.Address, unitEmail.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                continue; // no address, or the unit already has every item in the digest
            }

            var items = group.Select(x => x.change).ToList();
            var subject = HeaderText($"OitCrawler: {agency} — {unit.Name}: {Summary(context, null, items)} ({date})");
            messages.Add(Build("unit:" + unit.Id, [new Recipient(HeaderText(unit.Name), unitEmail.Trim())], subject, context, items, null, unit));
        }

        return messages;
    }

    /// <summary>The digest's recipients: the measures file's information unit and Alerts:DigestTo, each address once.</summary>
    public static IReadOnlyList<Recipient> DigestRecipients(AlertContext context)
    {
        var digestTo = new List<Recipient>();
        if (context.Result.Measures?.InformationUnit is { Email: { Length: > 0 } email } info)
        {
            digestTo.Add(new Recipient(HeaderText(info.Name), email.Trim()));
        }

        digestTo.AddRange(context.ExtraDigestRecipients.Select(e => new Recipient(string.Empty, e.Trim())));
        return digestTo.DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The one-line summary of a run's changes ("ไม่ผ่านใหม่ 1 ข้อ, แก้ไขแล้ว 2 ข้อ").</summary>
    public static string Summary(Changes changes) => Summary(null, changes.Site, changes.Items.Where(i => i.Kind != ChangeKind.PendingRegression).ToList());

    /// <summary>As above, in the context's language (English for <c>en</c>, else Thai: it is a heading).</summary>
    public static string Summary(AlertContext context) => Summary(context, context.Changes.Site, context.Changes.Items.Where(i => i.Kind != ChangeKind.PendingRegression).ToList());

    /// <summary>The agency's name in the alert's language: the measures file's English name for <c>en</c> when it has one.</summary>
    public static string AgencyName(AlertContext context) =>
        context.Language == ReportLanguage.En && context.Result.Measures?.AgencyEn is { Length: > 0 } en ? en : context.Result.Agency;

    /// <summary>The units whose activities cover <paramref name="code"/> in the rules year, from the measures file.</summary>
    public static IReadOnlyList<Unit> UnitsFor(MeasuresFile measures, string rulesYear, string code)
    {
        var units = measures.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        return measures.Issues
            .SelectMany(i => i.Activities)
            .Where(a => a.Items.TryGetValue(rulesYear, out var codes) && codes.Any(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(a => a.Units)
            .Distinct(StringComparer.Ordinal)
            .Where(units.ContainsKey)
            .Select(id => units[id])
            .ToList();
    }

    /// <summary>A header value: control characters (CR, LF, tabs…) removed, whitespace folded, length capped.</summary>
    public static string HeaderText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (ShownText.IsHidden(c) && !char.IsControl(c))
            {
                continue; // a bidi control: dropped, as everywhere text is shown
            }

            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        }

        var folded = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return CutAtWord(folded, 200);
    }

    /// <summary>
    /// At most <paramref name="max"/> characters: cut at a space outside parentheses, with "…", never
    /// mid-word or leaving a parenthesis open (Thai has no spaces between words, so a space is a phrase break).
    /// </summary>
    public static string CutAtWord(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int depth = 0, lastSpace = -1, lastOutside = -1;
        for (var i = 0; i < max; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ' ':
                    lastSpace = i;
                    if (depth == 0)
                    {
                        lastOutside = i;
                    }

                    break;
            }
        }

        var cut = lastOutside > 0 ? lastOutside : lastSpace > 0 ? lastSpace : TextElementStart(text, max - 1);
        return text[..cut].TrimEnd() + "…";
    }

    // The start of the grapheme that contains index i: never cut between a Thai consonant and its marks.
    private static int TextElementStart(string text, int i)
    {
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        var start = 0;
        foreach (var s in starts)
        {
            if (s > i)
            {
                break;
            }

            start = s;
        }

        return Math.Max(1, start);
    }

    private static string Summary(AlertContext? context, SiteChange? site, IReadOnlyList<ItemChange> items)
    {
        string S(string thai, string english) => context is null ? thai : context.Short(thai, english);
        var parts = new List<string>();
        if (site?.Kind == ChangeKind.SiteUnreachable)
        {
            parts.Add(S($"เข้าเว็บไซต์ไม่ได้ {site.Runs} ครั้งติดต่อกัน", $"site unreachable {site.Runs} times in a row"));
        }
        else if (site?.Kind == ChangeKind.SiteRecovered)
        {
            parts.Add(S("เว็บไซต์กลับมาใช้งานได้", "site back up"));
        }

        Count(parts, items, ChangeKind.NewGap, S("ไม่ผ่านใหม่ {0} ข้อ", "{0} new gaps"));
        Count(parts, items, ChangeKind.Fixed, S("แก้ไขแล้ว {0} ข้อ", "{0} fixed"));
        Count(parts, items, ChangeKind.AboutToGoStale, S("ใกล้หมดรอบ {0} ข้อ", "{0} about to go out of date"));
        Count(parts, items, ChangeKind.HalfYearReportDue, S("รายงานรอบ 6 เดือนใกล้ครบกำหนด {0} ข้อ", "{0} half-year reports due"));
        return parts.Count == 0 ? S("ผลการตรวจ", "audit result") : string.Join(", ", parts);
    }

    private static void Count(List<string> parts, IReadOnlyList<ItemChange> items, ChangeKind kind, string format)
    {
        var n = items.Count(i => i.Kind == kind);
        if (n > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, format, n));
        }
    }

    private static AlertMessage Build(string kind, IReadOnlyList<Recipient> to, string subject, AlertContext context, IReadOnlyList<ItemChange> items, SiteChange? site, Unit? unit)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        var w = context.Words;
        var result = context.Result;
        var agency = AgencyName(context);
        var date = w.Date(context.Date);

        Para(text, html, w,
            $"ผลการตรวจเว็บไซต์{agency} ตามเกณฑ์ OIT ของ ITA {result.Rules.Year} วันที่ {ThaiYears.FormatThaiDate(context.Date)}",
            $"Audit of the website of {agency} against the OIT criteria of ITA {result.Rules.Year}, {w.Date(context.Date)}",
            heading: true);
        if (unit is not null)
        {
            Para(text, html, w, $"ถึง {unit.Name}: เฉพาะข้อที่หน่วยงานของท่านรับผิดชอบตามแผนมาตรการ", $"To {unit.Name}: only the items your unit is responsible for in the measures plan");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{w.T("เว็บไซต์", "Website")}: {Plain(result.Site.AbsoluteUri)}");
        html.Append(CultureInfo.InvariantCulture, $"<p>{H(w.T("เว็บไซต์", "Website"))}: {Link(result.Site.AbsoluteUri)}</p>");
        if (context.ReportLink is { } report)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{w.T("รายงานฉบับเต็ม", "Full report")}: {report}");
            html.Append(CultureInfo.InvariantCulture, $"<p>{H(w.T("รายงานฉบับเต็ม", "Full report"))}: {Link(report)}</p>");
        }

        if (site is not null)
        {
            var (th, en) = site.Kind == ChangeKind.SiteUnreachable
                ? ($"เข้าเว็บไซต์ไม่ได้ {site.Runs} ครั้งติดต่อกัน จึงยังตรวจรายข้อไม่ได้ (ไม่ได้หมายความว่าทุกข้อไม่ผ่าน): {site.ReasonTh ?? site.Reason}",
                   $"the website could not be reached {site.Runs} times in a row, so no item could be checked (this does not mean every item fails): {site.Reason}")
                : ($"เว็บไซต์กลับมาใช้งานได้หลังจากเข้าไม่ได้ {site.Runs} ครั้ง", $"the website is back after {site.Runs} runs it could not be reached");
            text.AppendLine();
            Para(text, html, w, th, en, strong: true);
        }

        if (site?.Kind != ChangeKind.SiteUnreachable)
        {
            Score(text, html, context);
        }

        Section(text, html, context, items, ChangeKind.NewGap, ("ข้อที่ไม่ผ่านใหม่ (เคยผ่าน)", "New gaps (passed before)"), unit is null);
        Section(text, html, context, items, ChangeKind.Fixed, ("ข้อที่แก้ไขแล้ว (ผ่านแล้ว)", "Fixed (now passing)"), unit is null);
        Section(text, html, context, items, ChangeKind.AboutToGoStale, ("ข้อที่ใกล้หมดรอบ (ต้องเผยแพร่ข้อมูลรอบใหม่)", "About to go out of date (publish the new period's information)"), unit is null);
        Section(text, html, context, items, ChangeKind.HalfYearReportDue, ("รายงานรอบ 6 เดือนแรกที่ใกล้ครบกำหนด", "First half-year reports falling due"), unit is null);
        Section(text, html, context, items, ChangeKind.PendingRegression, ("ข้อที่เพิ่งไม่ผ่าน (รอยืนยันในการตรวจครั้งถัดไป)", "Just failed (to be confirmed by the next audit)"), unit is null);

        var footer = w.Lines(
            "ข้อความนี้ส่งอัตโนมัติจาก OitCrawler หลังการตรวจประจำคืน คะแนนเป็นการประมาณ ผลที่เป็นทางการมาจากการประเมินของ ป.ป.ช.",
            "Sent automatically by OitCrawler after the nightly audit. Scores are estimates; the official result comes from the NACC's assessment.");
        var runLine = $"{w.T("รหัสการตรวจ", "Run")}: {context.RunId}";
        text.AppendLine().AppendLine(footer).AppendLine(runLine);
        html.Append(CultureInfo.InvariantCulture, $"<hr><p style=\"color:#666\">{H(footer).Replace("\n", "<br>", StringComparison.Ordinal)}<br>{H(runLine)}</p></body></html>");
        return new AlertMessage(kind, to, subject, text.ToString(), Document(context, html.ToString()));
    }

    /// <summary>The HTML part's document around <paramref name="body"/>, <c>lang</c> as the alert's language.</summary>
    internal static string Document(AlertContext context, string body) =>
        $"<!DOCTYPE html><html lang=\"{context.Words.HtmlLang}\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">{body}";

    /// <summary>A paragraph in the alert's language: Thai, English, or the Thai with the English on the next line.</summary>
    internal static void Para(StringBuilder text, StringBuilder html, Words w, string thai, string english, bool heading = false, bool strong = false)
    {
        var lines = w.Lines(thai, english);
        text.AppendLine(Plain(lines.Split('\n')[0]));
        foreach (var more in lines.Split('\n').Skip(1))
        {
            text.AppendLine(Plain(more));
        }

        var (open, close) = heading ? ("<h2>", "</h2>") : strong ? ("<p><strong>", "</strong></p>") : ("<p>", "</p>");
        html.Append(open).Append(w.H(thai, english)).Append(close);
    }

    private static void Score(StringBuilder text, StringBuilder html, AlertContext context)
    {
        var score = context.Result.Score;
        var earlier = context.Trend.Where(r => r.State == RunState.Complete && r.Oit is not null).Take(5).Reverse().Select(r => r.Oit!.Value).ToList();
        var scores = string.Create(CultureInfo.InvariantCulture, $"{score.Oit:0.##}");
        var i9 = string.Create(CultureInfo.InvariantCulture, $"{score.Indicator9:0.##}");
        var i10 = string.Create(CultureInfo.InvariantCulture, $"{score.Indicator10:0.##}");
        var trend = earlier.Count == 0 ? null : string.Join(" → ", earlier.Append(score.Oit).Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)));
        Para(text, html, context.Words,
            $"คะแนน OIT โดยประมาณ {scores} (ตัวชี้วัดที่ 9: {i9}, ตัวชี้วัดที่ 10: {i10}){(trend is null ? string.Empty : "; แนวโน้ม: " + trend)}",
            $"Estimated OIT score {scores} (indicator 9: {i9}, indicator 10: {i10}){(trend is null ? string.Empty : "; trend: " + trend)}");
    }

    private static void Section(StringBuilder text, StringBuilder html, AlertContext context, IReadOnlyList<ItemChange> all, ChangeKind kind, (string Th, string En) heading, bool showUnits)
    {
        var items = all.Where(i => i.Kind == kind).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var w = context.Words;
        var title = w.T($"{heading.Th} — {items.Count} ข้อ", $"{heading.En} — {items.Count}");
        text.AppendLine().AppendLine(title);
        html.Append(CultureInfo.InvariantCulture, $"<h3>{H(title)}</h3><ul>");
        var measures = context.Result.Measures;
        var rulesYear = context.Result.Rules.Year.ToString(CultureInfo.InvariantCulture);
        foreach (var change in items)
        {
            var rule = change.Item.Rule;
            var headTh = $"{rule.Code} {rule.Title}: {ItemStatusText.Th(change.Item.Status)}";
            var headEn = $"{rule.Code} {rule.TitleEn ?? rule.Title}: {ItemStatusText.Label(change.Item.Status)}";
            if (change.Previous is { } previous && previous != change.Item.Status)
            {
                headTh += $" (ครั้งก่อน: {ItemStatusText.Th(previous)})";
                headEn += $" (before: {ItemStatusText.Label(previous)})";
            }

            if (change.FailingRuns > 1)
            {
                headTh += $" — ไม่ผ่าน {change.FailingRuns} ครั้งติดต่อกัน";
                headEn += $" — failed {change.FailingRuns} times in a row";
            }

            var head = w.T(headTh, headEn);
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Plain(head)}");
            html.Append(CultureInfo.InvariantCulture, $"<li><strong>{H(head)}</strong><br>");
            var lines = new List<(string Label, string Value, bool IsUrl)>();
            void Add(string labelTh, string labelEn, string valueTh, string valueEn, bool isUrl = false)
            {
                foreach (var (label, value) in context.Language switch
                {
                    ReportLanguage.Th => [(labelTh, valueTh)],
                    ReportLanguage.En => [(labelEn, valueEn)],
                    _ => valueTh == valueEn || isUrl ? [(w.T(labelTh, labelEn), valueTh)] : new[] { (labelTh, valueTh), (labelEn, valueEn) },
                })
                {
                    lines.Add((label, value, isUrl));
                }
            }

            if (change.DueDate is { } due)
            {
                var at = ThaiTime.InBangkok(due.ToDateTime(new TimeOnly(12, 0)));
                var (dueTh, dueEn) = (ThaiYears.FormatThaiDate(at), new Words(ReportLanguage.En).Date(at));
                Add("กำหนด", "Due", kind == ChangeKind.HalfYearReportDue
                        ? $"รอบ 6 เดือนแรก (ต.ค.–มี.ค.) สิ้นสุด {dueTh}: เผยแพร่รายงานความก้าวหน้าที่ครอบคลุมรอบนี้"
                        : $"ปีงบประมาณสิ้นสุด {dueTh}: เตรียมเผยแพร่ข้อมูลของรอบใหม่",
                    kind == ChangeKind.HalfYearReportDue
                        ? $"the first half-year (Oct–Mar) ends {dueEn}: publish a progress report covering it"
                        : $"the fiscal year ends {dueEn}: get the new period's information ready to publish");
            }

            foreach (var reason in change.Item.Reasons.Take(3))
            {
                Add("เหตุผล", "Reason", reason.Th, reason.En);
            }

            if (change.Item.Evidence.Count > 0)
            {
                var url = change.Item.Evidence[0].Url.AbsoluteUri;
                Add("หลักฐาน", "Evidence", url, url, isUrl: true);
            }
            else if (kind == ChangeKind.NewGap && context.PreviousItems.GetValueOrDefault(rule.Code)?.EvidenceUrl is { } before)
            {
                Add("เคยพบที่", "Found before at", before, before, isUrl: true);
            }

            if (context.Result.Gaps.FirstOrDefault(g => g.Item.Rule.Code == rule.Code) is { } gap && kind is ChangeKind.NewGap or ChangeKind.HalfYearReportDue or ChangeKind.PendingRegression)
            {
                Add("สิ่งที่ต้องทำ", "To do", gap.Action, gap.ActionEn ?? gap.Action);
            }

            if (showUnits && measures is not null && UnitsFor(measures, rulesYear, rule.Code) is { Count: > 0 } units)
            {
                var names = string.Join(", ", units.Select(u => u.Name));
                Add("ผู้รับผิดชอบ", "Responsible", names, names);
            }

            foreach (var (label, value, isUrl) in lines)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {label}: {Plain(isUrl ? DisplayUrl(value) : value)}");
                html.Append(CultureInfo.InvariantCulture, $"{H(label)}: {(isUrl ? Link(value) : H(value))}<br>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    // The same wording as the reports (console, HTML), so an e-mail and the report it links to agree.

    // Text bodies: page strings keep their words but lose line breaks and control characters.
    // Text bodies keep whole sentences: a long one is cut at a word outside parentheses, with "…".
    internal static string Plain(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        }

        return CutAtWord(string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)), 1000);
    }

    // The HTML part goes through the report's encoding policy (OitCrawler.Text.Html), not an encoder of its own.
    private static string H(string value) => Html.Encode(value);

    private static string DisplayUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? UrlCanonicalizer.Display(uri) : url;

    private static string Link(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && Html.IsWebLink(uri) ? Html.Link(uri, UrlCanonicalizer.Display(uri)) : H(target);
}
