using System.Text.RegularExpressions;
using OitCrawler.Evidence;
using OitCrawler.Rules;
using OitCrawler.Text;
using OitCrawler.Web;

namespace OitCrawler.Assessment;

/// <summary>
/// Judges every item of a rule set against an evidence index, as an assessor would: find the
/// item (hub row by code and title in the audited year's block, else anywhere on the site), prefer
/// the most specific evidence for the right year, then check its period and elements.
/// Pure: no I/O, no clock.
/// </summary>
internal static class Assessor
{
    private const int MinScore = 45;

    /// <summary>Judges every item of <paramref name="rules"/>; periods are relative to <paramref name="year"/>, which may be newer than the rules file.</summary>
    public static IReadOnlyList<ItemResult> Assess(EvidenceIndex index, RuleSet rules, int year)
    {
        if (index.Outcome == CrawlOutcome.Unreachable)
        {
            var why = new Reason($"เข้าถึงเว็บไซต์ไม่ได้: {index.OutcomeReason}", $"site unreachable: {index.OutcomeReason}");
            return rules.Items.Select(r => new ItemResult(r, ItemStatus.Unreachable, [], [why])).ToList();
        }

        var site = SiteView.Build(index, rules, year);
        return rules.Items.Select(rule => AssessItem(site, rule, year)).ToList();
    }

    private static ItemResult AssessItem(SiteView site, ItemRule rule, int year)
    {
        var candidates = Candidates.Find(site, rule);

        // One document is one period however it is linked: "คลิก" in a hub row and "รายงาน … ปีงบประมาณ
        // 2567" elsewhere point at the same file, so every link's label dates it.
        var labelYears = candidates
            .Where(c => c.Url is not null)
            .GroupBy(c => c.Url!.AbsoluteUri)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<YearMention>)g.SelectMany(c => ThaiYears.Find($"{c.Text} {c.Row}")).Distinct().ToList(), StringComparer.Ordinal);
        var judged = JudgeInOrder(
            candidates.Where(c => c.Score >= MinScore).ToList(),
            c => Judge(site, rule, year, c, labelYears.GetValueOrDefault(c.Url?.AbsoluteUri ?? string.Empty, [])));

        if (judged.Count == 0)
        {
            if (!site.Index.IsComplete)
            {
                return new ItemResult(rule, ItemStatus.Unreachable, [], [
                    new Reason($"ไม่พบ และการเก็บข้อมูลไม่ครบ ({site.Index.OutcomeReason})", $"not found, but the crawl was cut short ({site.Index.OutcomeReason})"),
                ]);
            }

            return new ItemResult(rule, ItemStatus.Missing, [], [
                new Reason(
                    $"ไม่พบ \"{rule.Title}\" ในเว็บไซต์ (ค้นจากหน้ารวม ITA ข้อความลิงก์ หัวข้อ และชื่อไฟล์ {site.Index.Pages.Count} หน้า)",
                    $"no evidence of {rule.Code} {rule.TitleEn ?? rule.Title} found (searched the ITA hub, link texts, headings and file names of {site.Index.Pages.Count} pages)"),
            ]);
        }

        var best = judged[0];
        if (best.Status == ItemStatus.Missing)
        {
            return new ItemResult(rule, ItemStatus.Missing, [], best.Reasons);
        }

        if (best.Status == ItemStatus.Incomplete && RowTogether(judged, best) is { } row)
        {
            var refs = row.Select(j => j.Ref).DistinctBy(r => r.Url).Take(3).ToList();
            return new ItemResult(rule, ItemStatus.Pass, refs, [new Reason(
                $"พบ \"{rule.Title}\" ครบทุกองค์ประกอบที่ตรวจได้ในเอกสาร {row.Count} ฉบับของแถวเดียวกัน: {string.Join(", ", refs.Select(r => Show(r.Url)))}",
                $"found every checkable element of {rule.Code} across the {row.Count} documents of one row: {string.Join(", ", refs.Select(r => Show(r.Url)))}")]);
        }

        var evidence = judged.Where(j => j.Status == best.Status).Select(j => j.Ref).DistinctBy(r => r.Url).Take(3).ToList();
        return new ItemResult(rule, best.Status, evidence, best.Reasons) { Unchecked = best.Unchecked };
    }

    // A row that lists an item's documents side by side ("หลักเกณฑ์…" and "แผน…" for "หลักเกณฑ์และแผน…") is read as a whole:
    // when each element missing from one of its documents is found in another (all of the right period), the row passes.
    private static List<Judgement>? RowTogether(List<Judgement> judged, Judgement best)
    {
        if (best.Candidate.Row is not { Length: > 0 } row)
        {
            return null;
        }

        var siblings = judged.Where(j => j.Status is ItemStatus.Incomplete or ItemStatus.Pass && j.Candidate.Row == row && j.Candidate.FoundOn == best.Candidate.FoundOn
            && j.Ref.Url != best.Ref.Url && j.Unchecked.Count == 0).ToList();
        var missing = best.Reasons.Select(r => r.Element).ToHashSet();
        if (siblings.Count == 0 || missing.Contains(null))
        {
            return null;
        }

        foreach (var sibling in siblings)
        {
            missing.IntersectWith(sibling.Status == ItemStatus.Pass ? [] : sibling.Reasons.Select(r => r.Element));
        }

        return missing.Count == 0 ? [best, .. siblings] : null;
    }

    /// <summary>
    /// The judgements that decide an item, ordered by score plus <see cref="Preference"/>, then by candidate order:
    /// only the first (the verdict) and the first three distinct URLs with its status (the evidence) are read.
    /// Judging reads the target's text, and a large site offers an item hundreds of candidates, so candidates are
    /// judged from the highest score down until none left could reach one of those places (a candidate's key is at
    /// most its score + <see cref="MaxPreference"/>): the same result as judging them all, at a cost that does not
    /// grow with every page that mentions the item.
    /// </summary>
    internal static List<Judgement> JudgeInOrder(List<Candidate> eligible, Func<Candidate, Judgement> judge)
    {
        var order = Enumerable.Range(0, eligible.Count).OrderByDescending(i => eligible[i].Score).ToArray(); // stable
        var done = new List<(int Index, Judgement Judgement)>();
        var lastScore = int.MaxValue;
        foreach (var i in order)
        {
            var score = eligible[i].Score;

            // Scores only fall from here: the check is made once per distinct score, not per candidate.
            if (score < lastScore && done.Count > 0 && Decided(Sorted(done), score + MaxPreference))
            {
                break;
            }

            lastScore = score;
            done.Add((i, judge(eligible[i])));
        }

        return Sorted(done).Select(d => d.Judgement).ToList();

        static List<(int Index, Judgement Judgement)> Sorted(List<(int Index, Judgement Judgement)> judged) =>
            judged.OrderByDescending(d => Key(d.Judgement)).ThenBy(d => d.Index).ToList();

        // Whether a candidate whose key is at most ceiling could still change the verdict or the evidence.
        static bool Decided(List<(int Index, Judgement Judgement)> sorted, int ceiling)
        {
            var best = sorted[0].Judgement;
            if (ceiling >= Key(best))
            {
                return false;
            }

            var urls = new HashSet<Uri>();
            foreach (var (_, j) in sorted)
            {
                if (j.Status == best.Status && urls.Add(j.Ref.Url) && urls.Count == 3)
                {
                    return ceiling < Key(j);
                }
            }

            return false;
        }
    }

    private static int Key(Judgement j) => j.Candidate.Score + Preference(j.Status);

    private const int MaxPreference = 30;

    // Among candidates of similar strength, a passing one is what the agency would enter in ITAS.
    internal static int Preference(ItemStatus status) => status switch
    {
        ItemStatus.Missing => -1000, // a rejected candidate: anything else found wins
        ItemStatus.Pass => 30,
        ItemStatus.Incomplete => 20,
        ItemStatus.Review => 15,
        ItemStatus.Stale => 10,
        _ => 0,
    };

    private static Judgement Judge(SiteView site, ItemRule rule, int year, Candidate c, IReadOnlyList<YearMention> labelYears)
    {
        var reference = new EvidenceRef(c.Url ?? new Uri(site.Index.StartUrl, "/"), c.FoundOn, c.Text) { ClickPath = site.ClickPath(c.FoundOn, c.Text) };
        if (c.Url is null)
        {
            return new Judgement(c, reference, ItemStatus.Review, [new Reason($"ลิงก์ \"{c.Href}\" ตรวจสอบอัตโนมัติไม่ได้", $"link \"{c.Href}\" cannot be checked automatically")]);
        }

        var target = site.Resolve(c.Url, rule);
        var label = $"{c.Text} {c.Row}";
        if (Rejection(site, rule, c, target) is { } rejected)
        {
            return new Judgement(c, reference, ItemStatus.Missing, [rejected]);
        }

        switch (target.Kind)
        {
            case TargetKind.Broken:
                return new Judgement(c, reference, ItemStatus.Broken, [
                    new Reason($"ลิงก์ \"{c.Text}\" ไปยัง {Show(c.Url)} ตอบกลับ HTTP {target.Status}", $"the link \"{c.Text}\" to {Show(c.Url)} answers HTTP {target.Status}"),
                ]);
            case TargetKind.Unreachable:
                return new Judgement(c, reference, ItemStatus.Unreachable, [
                    new Reason($"เปิด {Show(c.Url)} ไม่ได้: {target.Detail}", $"{Show(c.Url)} could not be fetched: {target.Detail}"),
                ]);
            case TargetKind.NotFetched:
                return new Judgement(c, reference, ItemStatus.Review, [
                    new Reason($"พบลิงก์ \"{c.Text}\" แต่ไม่ได้เปิดตรวจ ({target.Detail})", $"found the link \"{c.Text}\" but did not fetch it ({target.Detail})"),
                ]);
            default:
                break;
        }

        if (c.Conflict is { } conflicting)
        {
            return new Judgement(c, reference, ItemStatus.Review, [new Reason(
                $"รหัสข้อ ชื่อเรื่อง และโฟลเดอร์ของ \"{c.Text}\" ไม่ตรงกัน ({conflicting}) โปรดตรวจ",
                $"the code, title and folder of \"{c.Text}\" disagree ({conflicting}): please check")]);
        }

        // A page whose every document is dead has no period to read: the assessor finds nothing behind it.
        if (target.Page is { } listing && DeadDocuments(site, listing) is { Count: > 0 } dead)
        {
            return new Judgement(c, reference, ItemStatus.Broken, [
                new Reason(
                    $"หน้า {Show(c.Url)} มีแต่ลิงก์เอกสารที่เปิดไม่ได้: {string.Join(", ", dead.Select(Show))}",
                    $"every document linked from {Show(c.Url)} fails to open: {string.Join(", ", dead.Select(Show))}"),
            ]);
        }

        // Years: the strongest rank that states one decides (rules/README.md, "Periods"): a stated period,
        // then a year in the title or label, the file name, dates inside, and last the context around the link.
        var (ownText, heldText) = target.HeldFrom >= 0 ? (target.Text[..target.HeldFrom], target.Text[target.HeldFrom..]) : (target.Text, string.Empty);
        var signals = PeriodSignals.Deciding(PeriodSignals.Read(labelYears, c.Url, target.Heading, Lead(ownText), Lead(heldText), target.HeldLabel));
        IReadOnlyList<YearMention> years = signals.SelectMany(s => s.Years).Distinct().ToList();
        var yearSource = signals.Count > 0 ? signals[0].Source : null;
        if (signals.Count > 1 && rule.Period is not (ItemPeriod.InForce or ItemPeriod.Current))
        {
            var fits = signals.ToLookup(s => CheckPeriod(rule.Period, year, s.Years, string.Empty).Status != PeriodStatus.Wrong);
            if (fits[true].Any() && fits[false].Any())
            {
                string Says(PeriodSignal s) => $"{s.Source} {string.Join(", ", s.Years.Select(Show).Distinct())}";
                var conflict = string.Join("; ", signals.Select(Says));
                return new Judgement(c, reference, ItemStatus.Review, [new Reason(
                    $"ปีของ \"{c.Text}\" ขัดกัน ({conflict}) ต้องเป็น {PeriodTh(rule.Period, year)} โปรดตรวจ",
                    $"the period of \"{c.Text}\" is contradictory ({conflict}); required: {PeriodEn(rule.Period, year)}: please check")]);
            }
        }

        // A link to another round's ITA page ("ดูข้อมูลที่ ITA 2567", a page headed "ITA 2567" and no other year) answers with
        // what that round required: the assessor opens it and finds last round's documents, too old for an item renewed yearly.
        if (rule.Period is not (ItemPeriod.InForce or ItemPeriod.Current) && target.Page is not null
            && ThaiYears.Find(target.Heading) is var headingYears && headingYears.All(y => y.Kind == YearKind.Assessment)
            && labelYears.All(y => y.Kind == YearKind.Assessment)
            && OtherRound(headingYears, year) is { } round)
        {
            return new Judgement(c, reference, ItemStatus.Stale, [new Reason(
                $"\"{c.Text}\" ชี้ไปยังหน้ารวมของการประเมิน ITA {round} ซึ่งเป็นข้อมูลของรอบก่อน ต้องเป็น {PeriodTh(rule.Period, year)}",
                $"\"{c.Text}\" points to the ITA {round} page, another round's evidence; required: {PeriodEn(rule.Period, year)}")]);
        }

        if (target.Page is { } holder && HeldDocumentYears(site, holder) is { } held
            && CheckPeriod(rule.Period, year, held, string.Empty) is { Status: PeriodStatus.Wrong } heldPeriod)
        {
            return new Judgement(c, reference, ItemStatus.Stale, [new Reason(
                $"หน้า {Show(c.Url)} มีเพียงเอกสาร และเอกสารในหน้านั้น{heldPeriod.Reason!.Th}",
                $"{Show(c.Url)} only holds documents, and of those: {heldPeriod.Reason.En}")]);
        }

        var reasons = new List<Reason>();
        var period = CheckPeriod(rule.Period, year, years, label + " " + target.Heading + " " + target.Text);
        var opaque = target.Kind is TargetKind.External or TargetKind.OpaqueDocument;
        if (period.Status == PeriodStatus.Wrong)
        {
            return new Judgement(c, reference, ItemStatus.Stale, [period.Reason!]);
        }

        if (period.Status == PeriodStatus.Unknown)
        {
            var what = opaque ? "เอกสารที่อ่านข้อความไม่ได้ (เช่น PDF สแกน)" : "หน้าเว็บ";
            return new Judgement(c, reference, ItemStatus.Review, [
                new Reason($"พบ{what} \"{c.Text}\" แต่ไม่พบปีงบประมาณ ต้องเป็น {PeriodTh(rule.Period, year)}", $"found \"{c.Text}\" but no fiscal year could be read; required: {PeriodEn(rule.Period, year)}"),
            ]);
        }

        if (period.Status == PeriodStatus.FirstHalfMissing)
        {
            return new Judgement(c, reference, ItemStatus.Incomplete, [period.Reason!]);
        }

        if (opaque)
        {
            var kind = target.Kind == TargetKind.External ? "ระบบภายนอก" : "เอกสาร";
            var kindEn = target.Kind == TargetKind.External ? "external system" : "document without readable text";
            var checkedVia = yearSource is null ? "ชื่อรายการ" : "ข้อความลิงก์/ชื่อไฟล์";
            reasons.Add(new Reason(
                $"พบ{kind} \"{c.Text}\"{PeriodNote(years, year, rule.Period)}; ตรวจจาก{checkedVia} ไม่ได้ตรวจเนื้อหา",
                $"found {kindEn} \"{c.Text}\"{PeriodNoteEn(years, year, rule.Period)}; verified from its link text or file name, not its content"));
            // The document cannot be read: link and form elements are checked on the link, and elements
            // that must be dated in FY N (activities) on the link's own text and row, not on the whole
            // linking page, whose other rows belong to other items.
            var linkOnly = ElementChecks.Missing(rule.Elements.Where(e => e.Check is ElementCheck.Link or ElementCheck.Form).ToList(), target, c, year);
            var context = new Target(TargetKind.Page, c.Text, c.Row ?? string.Empty, 200, null);
            linkOnly.AddRange(ElementChecks.Missing(rule.Elements.Where(e => e.InCurrentFY).ToList(), context, c, year));

            if (linkOnly.Count > 0)
            {
                return new Judgement(c, reference, ItemStatus.Incomplete, linkOnly);
            }

            return new Judgement(c, reference, ItemStatus.Pass, reasons);
        }

        var missing = ElementChecks.Missing(rule.Elements, target, c, year);
        if (missing.Count > 0 && target.Unread.Count > 0 && missing.All(m => m.Element?.Check is not (ElementCheck.Images or ElementCheck.Form or ElementCheck.Link)))
        {
            // Not absent but not visible: the content is behind a scan, an external system or a document of a few
            // lines. Judged on what is visible (label, period); the elements are listed for a person to open and check.
            var unread = string.Join(", ", target.Unread.Take(3).Select(Show));
            return Unchecked(missing.Select(m => m.Element!).ToList(), $"อ่านเนื้อหาไม่ได้ ({unread})", $"its content could not be read ({unread})");
        }

        // An organisation chart drawn as a picture holds the sides and units the page's text does not repeat.
        var pictured = missing.Select(m => m.Element is { Check: ElementCheck.Text } e ? ElementChecks.Picture(target, e) : null).ToList();
        if (missing.Count > 0 && pictured.All(p => p is not null))
        {
            var pictures = string.Join(", ", pictured.Distinct().Take(3));
            return Unchecked(missing.Select(m => m.Element!).ToList(), $"อยู่ในรูปภาพ ({pictures})", $"they are drawn in a picture ({pictures})");
        }

        Judgement Unchecked(List<ElementRule> names, string whyTh, string whyEn) =>
            new(c, reference, ItemStatus.Pass, [new Reason(
                $"พบ \"{c.Text}\"{PeriodNote(years, year, rule.Period)} แต่ตรวจองค์ประกอบไม่ได้เพราะ{whyTh}: {string.Join(", ", names.Select(e => e.Th))} โปรดเปิดตรวจ",
                $"found \"{c.Text}\"{PeriodNoteEn(years, year, rule.Period)}, but {whyEn}, so these elements were not checked: {string.Join(", ", names.Select(e => e.En))}")])
            {
                Unchecked = names.Select(e => e.Th).ToList(),
            };

        if (missing.Count > 0)
        {
            return new Judgement(c, reference, ItemStatus.Incomplete, missing);
        }

        reasons.Add(new Reason(
            $"พบ \"{c.Text}\" ที่ {Show(c.Url)}{PeriodNote(years, year, rule.Period)} ครบทุกองค์ประกอบที่ตรวจได้",
            $"found \"{c.Text}\" at {Show(c.Url)}{PeriodNoteEn(years, year, rule.Period)} with every checkable element"));
        return new Judgement(c, reference, ItemStatus.Pass, reasons);
    }

    private static string Show(Uri url) => UrlCanonicalizer.Display(url);

    // The ITA round named, when every round named is another than the audit's.
    private static int? OtherRound(IEnumerable<YearMention> years, int year)
    {
        var rounds = years.Where(y => y.Kind == YearKind.Assessment).Select(y => y.FromFY).Distinct().ToList();
        return rounds.Count > 0 && !rounds.Contains(year) ? rounds.Max() : null;
    }

    private static string Show(YearMention y) =>
        y.IsSingle ? y.FromFY.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{y.FromFY}–{y.ToFY}";

    // The periods a text states: the ITA round's year is not one, and a stated fiscal year
    // ("ปีงบประมาณ 2567") outranks dates beside it (an upload date "ม.ค. 2568").
    private static List<YearMention> Periods(IReadOnlyList<YearMention> years)
    {
        var periods = years.Where(y => y.Kind != YearKind.Assessment).ToList();
        return periods.Any(y => y.Kind == YearKind.FiscalYear)
            ? periods.Where(y => y.Kind is YearKind.FiscalYear or YearKind.Range).ToList()
            : periods;
    }

    // A page that is only a holder for documents (a heading, a line, a download row) is dated by what it
    // holds, not by its heading or the link to it: "แผน… ประจำปี 2568" over a single 2567 file is the 2567
    // plan. Null when the page has content or links of its own, holds no documents, or holds one whose year
    // cannot be read (it may be the current one).
    private static List<YearMention>? HeldDocumentYears(SiteView site, PageEvidence page)
    {
        if (site.CompactOwnText(page).Length >= HolderTextLimit)
        {
            return null;
        }

        // Every document counts, even one linked from most pages: another document can only add a year that
        // matches. Other links count unless they are site chrome (menu, logo, footer).
        var links = page.Links.Where(l => l.Url is not null).ToList();
        var documents = links.Where(l => site.IsDocument(l.Url!)).ToList();
        if (documents.Count == 0 || links.Any(l => !documents.Contains(l) && !site.IsChromeLink(l)))
        {
            return null; // nothing held, or the page also leads to pages of its own (a news list, a menu of sub-pages)
        }

        var years = new List<YearMention>();
        foreach (var document in documents)
        {
            // Only a stated period dates a held document: an upload date ("26 ก.ย. 2567" for the next year's plan)
            // or a short year in a file name does not. Its label first, then its own readable text.
            var stated = Stated(ThaiYears.Find($"{document.Text} {document.Row}"));
            if (stated.Count == 0 && site.Index.Document(document.Url!)?.Text is { Length: > 0 } text)
            {
                stated = Stated(ThaiYears.Find(Lead(text)));
            }

            if (stated.Count == 0)
            {
                return null;
            }

            years.AddRange(stated);
        }

        return years;

        static List<YearMention> Stated(IReadOnlyList<YearMention> found) =>
            Periods(found).Where(y => y.Kind is YearKind.FiscalYear or YearKind.Year or YearKind.Range).ToList();
    }

    private const int HolderTextLimit = 600;

    // The part of a page's or document's text that states its period: the title block, not the footer or appendices.
    private static string Lead(string text) => text.Length > 1500 ? text[..1500] : text;

    // A page whose only words beside its headings are a status ("อยู่ระหว่างดำเนินการ"): the words that mean work in progress
    // on a page of content (a complaint's status in a statistics table) mean "nothing here yet" when they are all there is.
    private static bool SaysOnlyStatus(SiteView site, PageEvidence page, IReadOnlyList<string> phrases)
    {
        if (phrases.Count == 0 || site.ContentLinks(page).Count > 0)
        {
            return false;
        }

        var headings = page.Headings.Append(page.Title).Select(ThaiText.Compact).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        var rest = string.Concat(site.OwnText(page).Split('\n').Select(ThaiText.Compact).Where(l => !headings.Contains(l)));
        var said = phrases.Select(ThaiText.Compact).Where(p => rest.Contains(p, StringComparison.Ordinal)).ToList();
        return said.Count > 0 && said.Aggregate(rest, (r, p) => r.Replace(p, string.Empty, StringComparison.Ordinal)).Length <= StatusOnlyChars;
    }

    private const int StatusOnlyChars = 40;

    // A page that only lists documents, all of which answer 4xx/5xx, has no substance left.
    private static List<Uri> DeadDocuments(SiteView site, PageEvidence page)
    {
        var documents = page.Links.Where(l => l.Url is { } u && ContentKinds.IsDocumentUrl(u)).Select(l => l.Url!).Distinct().ToList();
        var dead = documents.Where(u => site.Index.Fetch(u) is { Status: >= 400 }).ToList();
        return documents.Count > 0 && dead.Count == documents.Count ? dead : [];
    }

    // Things that look like the item but are not: a page with no content yet, or news of an event
    // about the item ("staff attended training on the anti-corruption plan") instead of the item.
    private static Reason? Rejection(SiteView site, ItemRule rule, Candidate c, Target target)
    {
        var rules = site.Rules;
        if (target.Page is { } page && target.Kind == TargetKind.Page)
        {
            var own = site.CompactOwnText(page);
            var hasDocuments = page.Links.Any(l => l.Url is { } u && site.IsDocument(u));
            var hasData = page.Tables.Any(t => t.Rows.Count > 2);
            if (!hasDocuments && !hasData && (
                (own.Length < 600 && rules.PlaceholderPhrases.Any(p => own.Contains(ThaiText.Compact(p), StringComparison.Ordinal)))
                || SaysOnlyStatus(site, page, [.. rules.PlaceholderPhrases, .. rules.StatusOnlyPhrases])))
            {
                return new Reason(
                    $"หน้า {Show(c.Url!)} ยังไม่มีเนื้อหา (อยู่ระหว่างปรับปรุง) จึงไม่ใช่หลักฐาน",
                    $"{Show(c.Url!)} is a placeholder page with no content yet, so it is not evidence");
            }
        }

        if (!rule.EventReportsAccepted && rules.EventWords.Count > 0)
        {
            var firstHeading = target.Page?.Headings.FirstOrDefault(h => !site.IsChrome(h));
            var labels = ThaiText.Compact($"{c.Text} {target.Page?.Title} {firstHeading}");
            var word = rules.EventWords.FirstOrDefault(w => labels.Contains(ThaiText.Compact(w), StringComparison.Ordinal));
            if (word is not null)
            {
                return new Reason(
                    $"\"{c.Text}\" เป็นข่าวกิจกรรม ({word}) เกี่ยวกับ{rule.Title} ไม่ใช่ตัว{rule.Title}",
                    $"\"{c.Text}\" reports an event ({word}) about {rule.TitleEn ?? rule.Title}, not the item itself");
            }
        }

        return null;
    }

    private static PeriodCheck CheckPeriod(ItemPeriod period, int year, IReadOnlyList<YearMention> years, string text)
    {
        if (period is ItemPeriod.InForce or ItemPeriod.Current)
        {
            return new PeriodCheck(PeriodStatus.Ok, null);
        }

        if (years.Count == 0)
        {
            return new PeriodCheck(PeriodStatus.Unknown, null);
        }

        var required = period == ItemPeriod.PreviousFY ? year - 1 : year;
        var ok = period switch
        {
            ItemPeriod.CoversCurrentFY => years.Any(y => y.Covers(year)),
            _ => years.Any(y => y.IsSingle && y.FromFY == required),
        };
        if (!ok)
        {
            var seen = string.Join(", ", years.Select(y => y.IsSingle ? y.FromFY.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{y.FromFY}–{y.ToFY}").Distinct());
            return new PeriodCheck(PeriodStatus.Wrong, new Reason(
                $"พบเฉพาะปี {seen} แต่ต้องเป็น {PeriodTh(period, year)}",
                $"found only for {seen}; required: {PeriodEn(period, year)}"));
        }

        if (period == ItemPeriod.FirstHalfCurrentFY && !ThaiYears.CoversFirstHalf(text))
        {
            return new PeriodCheck(PeriodStatus.FirstHalfMissing, new Reason(
                $"พบข้อมูลปีงบประมาณ {year} แต่ไม่พบความก้าวหน้ารอบ 6 เดือน (ต.ค.–มี.ค.)",
                $"FY {year} found, but no progress covering the first six months (Oct–Mar)"));
        }

        return new PeriodCheck(PeriodStatus.Ok, null);
    }

    internal static string PeriodTh(ItemPeriod period, int year) => period switch
    {
        ItemPeriod.CurrentFY => $"ปีงบประมาณ พ.ศ. {year}",
        ItemPeriod.FirstHalfCurrentFY => $"ปีงบประมาณ พ.ศ. {year} อย่างน้อยรอบ 6 เดือนแรก (ต.ค. {year - 1} – มี.ค. {year})",
        ItemPeriod.PreviousFY => $"ปีงบประมาณ พ.ศ. {year - 1}",
        ItemPeriod.CoversCurrentFY => $"แผนหลายปีที่ครอบคลุมปี พ.ศ. {year}",
        ItemPeriod.Current => "ข้อมูลปัจจุบัน",
        _ => "ฉบับที่ใช้อยู่",
    };

    internal static string PeriodEn(ItemPeriod period, int year) => period switch
    {
        ItemPeriod.CurrentFY => $"FY {year}",
        ItemPeriod.FirstHalfCurrentFY => $"FY {year}, at least its first six months (Oct {year - 1} – Mar {year})",
        ItemPeriod.PreviousFY => $"FY {year - 1}",
        ItemPeriod.CoversCurrentFY => $"a multi-year plan covering {year}",
        ItemPeriod.Current => "current information",
        _ => "the version in force",
    };

    private static string PeriodNote(IReadOnlyList<YearMention> years, int year, ItemPeriod period) =>
        period is ItemPeriod.InForce or ItemPeriod.Current || years.Count == 0 ? string.Empty : $" ({PeriodTh(period, year)})";

    private static string PeriodNoteEn(IReadOnlyList<YearMention> years, int year, ItemPeriod period) =>
        period is ItemPeriod.InForce or ItemPeriod.Current || years.Count == 0 ? string.Empty : $" ({PeriodEn(period, year)})";

    private enum PeriodStatus
    {
        Ok,
        Wrong,
        Unknown,
        FirstHalfMissing,
    }

    private sealed record PeriodCheck(PeriodStatus Status, Reason? Reason);

    internal sealed record Judgement(Candidate Candidate, EvidenceRef Ref, ItemStatus Status, IReadOnlyList<Reason> Reasons)
    {
        public IReadOnlyList<string> Unchecked { get; init; } = [];
    }
}

/// <summary>Checks an item's elements on the evidence target.</summary>
internal static class ElementChecks
{
    public static List<Reason> Missing(IReadOnlyList<ElementRule> elements, Target target, Candidate candidate, int year)
    {
        var missing = new List<Reason>();
        var text = ThaiText.Normalize($"{target.Heading} {target.Text}");
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var element in elements)
        {
            var present = element.Check switch
            {
                ElementCheck.Images => Pages(target).Sum(ContentImages) >= element.Min,
                ElementCheck.Form => HasForm(element, target, candidate, compact),
                ElementCheck.Link => HasLink(element, target, candidate),
                _ when element.InCurrentFY => InYear(element, target, year),
                _ => TextMatches(element, text, compact),
            };
            if (!present)
            {
                missing.Add(element.InCurrentFY
                    ? new Reason($"ขาดองค์ประกอบ: {element.Th} ในปีงบประมาณ พ.ศ. {year}", $"missing element: {element.En} in FY {year}") { Element = element }
                    : new Reason($"ขาดองค์ประกอบ: {element.Th}", $"missing element: {element.En}") { Element = element });
            }
        }

        return missing;
    }

    // The keyword and a mention of FY N on one line (a list item, a table row, a paragraph).
    private static bool InYear(ElementRule element, Target target, int year) =>
        $"{target.Heading}\n{target.Text}".Split('\n').Any(line =>
        {
            var normal = ThaiText.Normalize(line);
            return TextMatches(element, normal, normal.Replace(" ", string.Empty, StringComparison.Ordinal))
                && ThaiYears.Find(line).Any(y => y.IsSingle && y.FromFY == year);
        });

    private static bool TextMatches(ElementRule element, string text, string compact) =>
        element.AnyOf.Any(k => compact.Contains(ThaiText.Compact(k), StringComparison.Ordinal))
        || (element.Pattern is { } pattern && PatternMatches(pattern, text));

    // A rules file's pattern that backtracks for too long on a hostile page counts as not found:
    // the element is reported missing, the audit goes on.
    private static bool PatternMatches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool HasForm(ElementRule element, Target target, Candidate candidate, string compact)
    {
        if (Pages(target).Any(page => page.Forms.Any(f => f.HasTextArea || f.Fields.Count >= 3)))
        {
            return true;
        }

        return HasLink(element, target, candidate);
    }

    private static bool HasLink(ElementRule element, Target target, Candidate candidate)
    {
        var links = Pages(target).SelectMany(p => p.Links).ToList();
        var all = candidate.Url is null ? links : links.Append(new LinkEvidence(candidate.Href, candidate.Url, candidate.Text, LinkKind.Anchor, null, candidate.Row));
        return all.Any(l =>
            (l.Url is { } u && element.Hosts.Any(h => u.IdnHost.Equals(h, StringComparison.OrdinalIgnoreCase) || u.IdnHost.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
            || (!l.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase) && element.Hosts.Any(h => l.Href.Contains(h, StringComparison.OrdinalIgnoreCase)))
            || element.AnyOf.Any(k => ThaiText.ContainsLoose(l.Text, k))
            || (element.Pattern is { } pattern && PatternMatches(pattern, l.Text)));
    }

    private static IReadOnlyList<PageEvidence> Pages(Target target) =>
        target.Bundle.Count > 0 ? target.Bundle : target.Page is { } page ? [page] : [];

    // The picture on the evidence's pages that may show the element: its file name or alt text has one of the element's image
    // words and none of its "!" words (a chart named "org_political" draws one side, not the units).
    public static string? Picture(Target target, ElementRule element)
    {
        if (element.ImageWords.Count == 0)
        {
            return null;
        }

        var not = element.ImageWords.Where(w => w.StartsWith('!')).Select(w => w[1..]).ToList();
        var words = element.ImageWords.Where(w => !w.StartsWith('!')).ToList();
        return Pages(target).SelectMany(p => p.Images)
            .Select(i => (i.Src, Says: $"{Uri.UnescapeDataString(i.Src)} {i.Alt}"))
            .FirstOrDefault(i => words.Any(w => ThaiText.ContainsLoose(i.Says, w)) && !not.Any(w => ThaiText.ContainsLoose(i.Says, w))).Src;
    }

    // Photos, not chrome: distinct images whose file name or alt does not look like a logo, icon,
    // banner, bullet or a "no photo" placeholder (one placeholder on every card is no photo at all).
    private static int ContentImages(PageEvidence page) =>
        page.Images
            .Where(i => !Regex.IsMatch($"{i.Src} {i.Alt}", "logo|icon|banner|bullet|arrow|spacer|bg[-_.]|background|flag|button|no[-_ ]?photo|no[-_ ]?image|no[-_ ]?pic|placeholder|avatar|default|blank|ไม่มีรูป|ยังไม่มีรูป|ไม่มีภาพ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
            .DistinctBy(i => i.Src)
            .Count();
}
