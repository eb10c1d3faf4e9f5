using OitCrawler.Alerts;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Alerts;

[Trait("speed", "fast")]
public class AlertComposerTests
{
    private static readonly DateTimeOffset Night = new(2025, 1, 9, 19, 0, 0, TimeSpan.Zero); // 10 Jan 2025, 02:00 Bangkok

    [Fact]
    public void Compose_NewGaps_DigestToInformationUnitAndOneMessagePerOwningUnit()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing, ["O21"] = ItemStatus.Stale });
        var messages = AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap), Change(result, "O21", ChangeKind.NewGap)));

        var digest = Assert.Single(messages, m => m.Kind == AlertComposer.DigestKind);
        Assert.Equal(["info@thaphae.example"], digest.To.Select(r => r.Address));
        Assert.Equal("OitCrawler: เทศบาลตำบลท่าแพ — ไม่ผ่านใหม่ 2 ข้อ (10 มกราคม 2568)", digest.Subject);
        Assert.Contains("O12", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("O21", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("กองคลัง", digest.TextBody, StringComparison.Ordinal); // who owns O12
        Assert.Contains("https://reports.example/run-1/report.json", digest.HtmlBody, StringComparison.Ordinal);

        var klang = Assert.Single(messages, m => m.Kind == "unit:klang");
        Assert.Equal(["klang@thaphae.example"], klang.To.Select(r => r.Address));
        Assert.Contains("O12", klang.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("O21", klang.TextBody, StringComparison.Ordinal);
        Assert.Contains("กองคลัง", klang.Subject, StringComparison.Ordinal);

        var hr = Assert.Single(messages, m => m.Kind == "unit:palad-hr");
        Assert.Contains("O21", hr.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("O12 ", hr.TextBody, StringComparison.Ordinal);
        Assert.Equal(3, messages.Count);
    }

    [Theory]
    [InlineData(ItemStatus.Incomplete)]
    [InlineData(ItemStatus.Review)]
    [InlineData(ItemStatus.Unreachable)]
    public void Compose_StatusWording_IsTheReportsWording(ItemStatus status)
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = status });
        var digest = Assert.Single(AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap))), m => m.Kind == AlertComposer.DigestKind);
        var title = result.Items.Single(i => i.Rule.Code == "O12").Rule.Title;

        Assert.Contains($"O12 {title}: {ItemStatusText.Th(status)}", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnitWhoseAddressGetsTheDigest_GetsNoSecondMessage()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O1"] = ItemStatus.Missing }); // O1 belongs to palad-info = info@
        var messages = AlertComposer.Compose(Context(result, Change(result, "O1", ChangeKind.NewGap)));
        Assert.Equal([AlertComposer.DigestKind], messages.Select(m => m.Kind));
    }

    [Fact]
    public void Compose_OnlyPendingRegressions_SendsNothing()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing });
        Assert.Empty(AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.PendingRegression))));
    }

    [Fact]
    public void Compose_SiteUnreachable_OneDigestSayingSoWithoutItemFailures()
    {
        var result = Audits.Make(outcome: CrawlOutcome.Unreachable);
        var changes = new Changes([], new SiteChange(ChangeKind.SiteUnreachable, 2, "no answer from www.thaphae.example"));
        var messages = AlertComposer.Compose(Context(result, changes));

        var digest = Assert.Single(messages);
        Assert.Contains("เข้าเว็บไซต์ไม่ได้ 2 ครั้งติดต่อกัน", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้หมายความว่าทุกข้อไม่ผ่าน", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ไม่ผ่านใหม่", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FixedAndDueSoon_AreCountedInTheSubject()
    {
        var result = Audits.Make();
        var changes = new Changes(
        [
            new ItemChange(ChangeKind.Fixed, Item(result, "O12"), ItemStatus.Missing, 0, null),
            new ItemChange(ChangeKind.AboutToGoStale, Item(result, "O4"), null, 0, new DateOnly(2025, 9, 30)),
        ], null);
        var digest = AlertComposer.Compose(Context(result, changes)).Single(m => m.Kind == AlertComposer.DigestKind);
        Assert.Contains("แก้ไขแล้ว 1 ข้อ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("ใกล้หมดรอบ 1 ข้อ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("30 กันยายน 2568", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PageTextWithHeaderBreaks_NeverReachesAHeader()
    {
        const string hostile = "ประกาศ\r\nBcc: evil@example.com\r\nSubject: pwned";
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Broken }, reason: hostile, linkText: hostile);
        var messages = AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap)));

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.DoesNotContain("evil", message.Subject, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pwned", message.Subject, StringComparison.OrdinalIgnoreCase);
            Assert.All(message.To, r => Assert.DoesNotContain("evil", r.Address + r.Name, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain('\r', message.Subject);
            Assert.DoesNotContain('\n', message.Subject);
            Assert.DoesNotContain("\nBcc:", message.TextBody, StringComparison.Ordinal); // quoted on one line, as text
            Assert.Contains("ประกาศ Bcc: evil@example.com Subject: pwned", message.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_HtmlBody_EncodesSiteText()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Broken }, reason: "<script>alert(1)</script>");
        var digest = AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap)))[0];
        Assert.DoesNotContain("<script>", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", digest.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nBcc: x@y", "a Bcc: x@y")]
    [InlineData("\tกอง\u0085คลัง\u2028 ", "กอง คลัง")]
    [InlineData("plain", "plain")]
    public void HeaderText_RemovesLineBreaksAndControls(string input, string expected) =>
        Assert.Equal(expected, AlertComposer.HeaderText(input));

    [Theory]
    [InlineData("เผยแพร่แผน (ลิงก์ไปยังระบบ e-GP ของกรมบัญชีกลาง) ให้ครบทุกเดือน", 40, "เผยแพร่แผน…")]
    [InlineData("เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปี 2568 ให้ครบ", 30, "เผยแพร่แผนการจัดซื้อจัดจ้าง…")]
    [InlineData("สั้น", 30, "สั้น")]
    public void CutAtWord_LongText_CutAtASpaceOutsideParentheses(string text, int max, string expected)
    {
        var cut = AlertComposer.CutAtWord(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max, cut);
        Assert.Equal(cut.Count(c => c == '('), cut.Count(c => c == ')'));
    }

    [Fact]
    public void Compose_LongActionInTheTextPart_EndsAtAWordWithNoOpenParenthesis()
    {
        // Regression: the text part cut "สิ่งที่ต้องทำ" at 200 characters, leaving "… (ลิงก์ไปยังระบบ e-GP".
        var all = Audits.Make(Audits.Rules().Items.ToDictionary(i => i.Code, _ => ItemStatus.Missing));
        var longest = all.Gaps.MaxBy(g => g.Action.Length)!;
        var result = Audits.Make(new Dictionary<string, ItemStatus> { [longest.Item.Rule.Code] = ItemStatus.Missing });
        var digest = AlertComposer.Compose(Context(result, Change(result, longest.Item.Rule.Code, ChangeKind.NewGap)))[0];
        var action = longest.Action;

        var line = digest.TextBody.Split('\n').Single(l => l.TrimStart().StartsWith("สิ่งที่ต้องทำ:", StringComparison.Ordinal)).Trim();

        Assert.True(action.Length > 200, $"the test needs an action longer than the old cut ({action.Length})");
        Assert.Equal("สิ่งที่ต้องทำ: " + AlertComposer.Plain(action), line);
        Assert.Equal(line.Count(c => c == '('), line.Count(c => c == ')'));
    }

    private static ItemResult Item(AuditResult result, string code) => result.Items.Single(i => i.Rule.Code == code);

    private static Changes Change(AuditResult result, string code, ChangeKind kind) =>
        new([new ItemChange(kind, Item(result, code), ItemStatus.Pass, 2, null)], null);

    [Fact]
    public void Compose_LanguageEn_SubjectBodyAndHtmlInEnglish()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing });
        var messages = AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap)) with { Language = ReportLanguage.En });

        var digest = Assert.Single(messages, m => m.Kind == AlertComposer.DigestKind);
        Assert.Equal("OitCrawler: Tha Phae Subdistrict Municipality, Mueang Nakhon Si Thammarat — 1 new gaps (10 January 2025)", digest.Subject);
        var o12 = result.Items.Single(i => i.Rule.Code == "O12");
        Assert.Contains($"O12 {o12.Rule.TitleEn ?? o12.Rule.Title}: not found", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("New gaps (passed before) — 1", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: " + o12.Reasons[0].En, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", digest.HtmlBody, StringComparison.Ordinal);
        foreach (var thai in new[] { "ผลการตรวจ", "เหตุผล", "สิ่งที่ต้องทำ", "ข้อที่ไม่ผ่านใหม่", "รายงานฉบับเต็ม", "ข้อความนี้ส่งอัตโนมัติ" })
        {
            Assert.DoesNotContain(thai, digest.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(thai, digest.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_LanguageBoth_ThaiWithTheEnglishBeneath()
    {
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing });
        var digest = Assert.Single(
            AlertComposer.Compose(Context(result, Change(result, "O12", ChangeKind.NewGap)) with { Language = ReportLanguage.Both }),
            m => m.Kind == AlertComposer.DigestKind);

        Assert.Equal("OitCrawler: เทศบาลตำบลท่าแพ — ไม่ผ่านใหม่ 1 ข้อ (10 มกราคม 2568)", digest.Subject); // a header has no line beneath: Thai
        var o12 = result.Items.Single(i => i.Rule.Code == "O12");
        var text = digest.TextBody;
        var th = text.IndexOf("เหตุผล: " + o12.Reasons[0].Th, StringComparison.Ordinal);
        var en = text.IndexOf("Reason: " + o12.Reasons[0].En, StringComparison.Ordinal);
        Assert.True(th >= 0 && en > th, text);
        Assert.Contains("<html lang=\"th\">", digest.HtmlBody, StringComparison.Ordinal);
    }

    private static AlertContext Context(AuditResult result, Changes a, Changes b) => Context(result, new Changes([.. a.Items, .. b.Items], null));

    private static AlertContext Context(AuditResult result, Changes changes) =>
        new("run-1", Night, result, changes, new Dictionary<string, StoredItem>(), [], "https://reports.example/run-1/report.json", []);
}
