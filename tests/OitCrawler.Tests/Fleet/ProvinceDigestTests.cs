using OitCrawler.Assessment;
using OitCrawler.Fleet;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// The province digest composed from a fleet report made in memory: the night's audited agencies, bands,
/// regressions, unreachable sites and agencies not audited, only the province's own; the dedup key by
/// province and night; page text only in the body, encoded in HTML.
/// </summary>
[Trait("speed", "fast")]
public sealed class ProvinceDigestTests
{
    // Sunday 6 December 2026, 08:00 in Bangkok: the digest after the night of the 5th to the 6th.
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void Night_CountsOnlyTheProvincesAgenciesOfTheLast24Hours()
    {
        var night = ProvinceNight.Of(Report(), "น่าน");

        Assert.Equal(["n1", "n2", "n3", "n4", "n5"], night.Rows.Select(r => r.Agency.Id));
        Assert.Equal(["n1", "n2", "n3"], night.Audited.Select(r => r.Agency.Id));
        Assert.Equal(["n1", "n2"], night.Scored.Select(r => r.Agency.Id));
        Assert.Equal(["n1"], night.Regressed.Select(r => r.Agency.Id)); // lost O12 tonight
        Assert.Equal(["n3"], night.Unreachable.Select(r => r.Agency.Id));
        Assert.Equal(["n4", "n5"], night.NotAudited.Select(r => r.Agency.Id)); // n4 last audited two days ago; n5 never
        Assert.Equal([("ผ่านดีเยี่ยม", 1), ("ผ่านดี", 1)], night.Bands); // best band first
    }

    [Fact]
    public void Compose_OneEmailToTheProvinceAndOnePushPerLineId_KeyedByProvinceAndNight()
    {
        var night = ProvinceNight.Of(Report(), "น่าน");
        var to = new ProvinceDigestOptions { Province = "น่าน", Email = ["nan@province.test", " NAN@province.test ", "pao@province.test"], Line = ["Cnan", "Cnan"] };

        var messages = ProvinceDigest.Compose(night, to, Bangkok);

        Assert.Equal(2, messages.Count);
        var mail = messages[0];
        Assert.Equal(AlertChannels.Email, mail.Channel);
        Assert.Equal(["nan@province.test", "pao@province.test"], mail.To.Select(r => r.Address));
        Assert.Equal("province|น่าน|2026-12-06|email", mail.DedupKey);
        Assert.Equal("OitCrawler: สรุปผลการตรวจ จังหวัดน่าน — ตรวจ 3/5 หน่วยงาน คะแนนลดลง 1 เข้าไม่ได้ 1 (6 ธันวาคม 2569)", mail.Subject);
        Assert.Contains("อบต.ดู่ใต้ (อ.เมืองน่าน): OIT 96.15 (-3.85) ไม่ผ่านใหม่ / newly failing: O12", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("เข้าเว็บไซต์ไม่ได้ / unreachable (1)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://n3.nan.test/: " + Hostile, mail.TextBody, StringComparison.Ordinal); // the crawl's reason, as text in the body
        Assert.Contains("ไม่ได้ตรวจในคืนนี้ / not audited (2)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("ระดับ / bands: ผ่านดีเยี่ยม 1, ผ่านดี 1", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("แพร่", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);

        var push = messages[1];
        Assert.Equal((AlertChannels.Line, "Cnan", "province|น่าน|2026-12-06|line|Cnan"), (push.Channel, push.To.Single().Address, push.DedupKey));
        Assert.Contains("คะแนนลดลง อบต.ดู่ใต้", push.TextBody, StringComparison.Ordinal);
        Assert.Equal("province-digest-2026-12-06", ProvinceDigest.BatchId(Now, Bangkok));
    }

    [Fact]
    public void Compose_NoAddresses_NoMessages()
    {
        Assert.Empty(ProvinceDigest.Compose(ProvinceNight.Of(Report(), "แพร่"), new ProvinceDigestOptions { Province = "แพร่" }, Bangkok));
    }

    private static FleetReport Report()
    {
        var hours = TimeSpan.FromHours(1);
        Agency[] agencies =
        [
            Agency("n1", "อบต.ดู่ใต้", "น่าน", "เมืองน่าน"),
            Agency("p1", "อบต.ร่องฟอง", "แพร่", null),
            Agency("n2", "เทศบาลเมืองน่าน", "น่าน", "เมืองน่าน"),
            Agency("n3", "อบต.ศิลาแลง", "น่าน", "ปัว"),
            Agency("n4", "อบต.ไชยสถาน", "น่าน", null),
            Agency("n5", "อบต.สวก", "น่าน", null),
        ];
        List<SiteStanding> standings =
        [
            Standing(agencies[0], Run("n1", Now - (5 * hours), 96.15), Run("n1", Now - (53 * hours), 100), ["O12"], []),
            Standing(agencies[1], Run("p1", Now - (4 * hours), 100), null, [], []),
            Standing(agencies[2], Run("n2", Now - (6 * hours), 92.31), null, ["O1", "O12"], []),
            new(agencies[3].Site.AbsoluteUri, Run("n3", Now - (3 * hours), null, RunState.Unreachable, Hostile), Run("n3", Now - (30 * hours), 100), null, Items([]), Items([])),
            Standing(agencies[4], Run("n4", Now - (48 * hours), 100), null, [], []),
        ];
        return FleetReport.Build(agencies, standings, year => Audits.Rules(year), Now);
    }

    private static SiteStanding Standing(Agency agency, RunSummary current, RunSummary? previous, string[] failing, string[] failedBefore) =>
        new(agency.Site.AbsoluteUri, current, current, previous, Items(failing), previous is null ? Items([]) : Items(failedBefore));

    private static Dictionary<string, ItemStatus> Items(string[] failing) =>
        Audits.Rules().Items.ToDictionary(i => i.Code, i => failing.Contains(i.Code) ? ItemStatus.Missing : ItemStatus.Pass);

    private static RunSummary Run(string id, DateTimeOffset at, double? oit, RunState state = RunState.Complete, string? reason = null) =>
        new(id + at.ToUnixTimeSeconds(), $"https://{id}.test/", 2568, 2568, at, at + TimeSpan.FromMinutes(5), state, state == RunState.Complete ? "Completed" : "Unreachable", reason, 20, 0, oit, oit, oit, new Dictionary<string, double>(), null, "schedule");

    private static Agency Agency(string id, string name, string province, string? district) =>
        new(id, name, "อบต.", province, district, new Uri($"https://{id}.{(province == "น่าน" ? "nan" : "phrae")}.test/"), [], null, null, null, 2);
}
