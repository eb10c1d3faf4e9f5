using System.Text.Json;
using ClosedXML.Excel;
using OitCrawler.Assessment;
using OitCrawler.Evidence;
using OitCrawler.Fleet;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// The fleet report from runs seeded into a real throwaway PostgreSQL through the fleet's own store:
/// latest scores and bands, the items failing most, provinces and districts, the week's regressions and
/// the unreachable sites; the HTML opened in a real headless Chromium, the XLSX read back with ClosedXML.
/// </summary>
[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class FleetReportTests(PostgresServer server) : IDisposable
{
    // Sunday 6 December 2026, 07:00 in Bangkok.
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
    private const string Hostile = "<img src=x onerror=alert(1)>อบต.ป่าแดง";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Build_SeededRuns_LatestScoresRegressionsUnreachableAndAreas()
    {
        var (agencies, report) = await SeedAsync();

        var rows = report.Agencies.ToDictionary(a => a.Agency.Id);
        Assert.Equal(agencies.Select(a => a.Id), report.Agencies.Select(a => a.Agency.Id)); // every agency, in the file's order

        // a1: this week's run lost O12, which the run before passed.
        Assert.True(rows["a1"].Regressed);
        Assert.Equal(["O12"], rows["a1"].NewlyFailing);
        Assert.True(rows["a1"].OitChange < 0);
        Assert.Equal(FleetReport.BandOf(Audits.Rules(), rows["a1"].Current!.Oit!.Value), rows["a1"].Band);
        Assert.Equal("ผ่านดีเยี่ยม", rows["a1"].Band); // 25 of 26 items: 96.15, at least 95
        Assert.Equal("ผ่านดี", rows["a2"].Band); // 24 of 26: 92.31
        Assert.False(rows["a2"].Regressed); // no run before to compare with
        Assert.Equal(["O1", "O12"], rows["a2"].Failing);

        // a3: down on 1 December; its older complete run still gives its scores.
        Assert.True(rows["a3"].Unreachable);
        Assert.Equal(RunState.Unreachable, rows["a3"].Latest!.State);
        Assert.Equal(100, rows["a3"].Current!.Oit);

        // a4: never audited. a5: lost O12 nine days ago, not this week. a6: its killed run says nothing.
        Assert.Null(rows["a4"].Latest);
        Assert.False(rows["a5"].Regressed);
        Assert.Equal(["O12"], rows["a5"].Failing);
        Assert.Equal(RunState.Complete, rows["a6"].Latest!.State);
        Assert.Equal(["a1"], report.Regressed.Select(a => a.Agency.Id));
        Assert.Equal(["a3"], report.Unreachable.Select(a => a.Agency.Id));
        Assert.Equal(["a4"], report.NeverAudited.Select(a => a.Agency.Id));

        // O12 fails in three of the five audited agencies, O1 in one.
        Assert.Equal([("O12", 3, 5), ("O1", 1, 5)], report.Items.Select(t => (t.Code, t.Failing, t.Assessed)));

        var nan = report.Provinces.Single(p => p.Province == "น่าน");
        Assert.Equal((3, 3, 1, 1), (nan.Agencies, nan.Audited, nan.Unreachable, nan.Regressed));
        Assert.Equal("O12", nan.TopFailing[0].Code);
        Assert.Equal(2, nan.TopFailing[0].Failing);
        var phrae = report.Provinces.Single(p => p.Province == "แพร่");
        Assert.Equal((3, 2), (phrae.Agencies, phrae.Audited));
        Assert.Equal(
            [("น่าน", "ปัว", 1), ("น่าน", "เมืองน่าน", 2), ("แพร่", "-", 3)],
            report.Districts.Select(d => (d.Province, d.District, d.Agencies)));
        Assert.Equal(2, report.Districts[1].Bands.Values.Sum());
    }

    [Fact]
    public async Task Write_HtmlInChromiumXlsxAndJson_EveryAgencyThaiDatesAndSiteTextAsText()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var (agencies, report) = await SeedAsync();
        var files = await FleetReportWriter.WriteAsync(report, _temp.File("report"), ct);
        Assert.Equal([FleetReportWriter.HtmlFile, FleetReportWriter.XlsxFile, FleetReportWriter.JsonFile], files.Select(Path.GetFileName));

        await using (var browser = await Chromium.StartAsync(ct))
        {
            var page = await browser.OpenAsync(files[0], 1300, 1000, ct);
            var text = (await browser.EvaluateAsync(page, "document.body.innerText", ct))!.GetValue<string>();
            Assert.Contains("6 ธันวาคม 2569", text, StringComparison.Ordinal); // Buddhist era, Bangkok calendar
            Assert.Contains("1 ธันวาคม 2569", text, StringComparison.Ordinal); // a3 went down on 1 December
            Assert.Contains(Hostile, text, StringComparison.Ordinal); // the agency's name shows as text…
            Assert.Equal(0, (await browser.EvaluateAsync(page, "document.querySelectorAll('script, img').length", ct))!.GetValue<int>()); // …and is no element
            Assert.Equal(
                agencies.Select(a => "agency-" + a.Id),
                (await browser.EvaluateAsync(page, "[...document.querySelectorAll('#agencies ~ table tbody tr')].map(r => r.id)", ct))!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal("ผ่านดี", (await browser.EvaluateAsync(page, "document.querySelector('#agency-a2').cells[7].innerText", ct))!.GetValue<string>());
            Assert.Equal("1", (await browser.EvaluateAsync(page, "document.querySelectorAll('#summary b')[4].innerText", ct))!.GetValue<string>()); // regressed
            var links = (await browser.EvaluateAsync(page, "[...document.querySelectorAll('a[href]')].map(a => a.href)", ct))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Contains("https://a1.nan.test/", links);
            var errors = browser.Errors();
            Assert.True(errors.Count == 0, "the page reported errors:\n" + string.Join("\n", errors));
        }

        using (var book = new XLWorkbook(files[1]))
        {
            Assert.Equal(["ทุกหน่วยงาน", "ข้อที่ไม่ผ่านมากที่สุด", "รายจังหวัด", "รายอำเภอ", "คะแนนลดลงสัปดาห์นี้", "เข้าไม่ได้และยังไม่ได้ตรวจ"], book.Worksheets.Select(w => w.Name));
            var all = book.Worksheet(1);
            Assert.Equal(agencies.Select(a => a.Id), Enumerable.Range(2, agencies.Count).Select(r => all.Cell(r, 1).GetString()));
            Assert.Equal(Hostile, all.Cell(2 + agencies.FindIndex(a => a.Id == "a5"), 2).GetString());
            Assert.Equal(XLDataType.Number, all.Cell(2, 7).DataType); // OIT as a number
            Assert.Equal(report.Agencies[0].Current!.Oit, all.Cell(2, 7).GetDouble());
            Assert.Equal("a1", book.Worksheet(5).Cell(2, 1).GetString());
            Assert.True(book.Worksheet(5).Cell(3, 1).IsEmpty());
        }

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(files[2], ct));
        var root = json.RootElement;
        Assert.Equal(FleetReportWriter.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(agencies.Select(a => a.Id), root.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(["a1"], root.GetProperty("regressed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["a3"], root.GetProperty("unreachable").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["a4"], root.GetProperty("neverAudited").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("O12", root.GetProperty("items")[0].GetProperty("code").GetString());
    }

    private async Task<(List<Agency> Agencies, FleetReport Report)> SeedAsync()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await database.MigrateAsync(CancellationToken.None);
        var store = new PostgresRunStore(database, "node-a");
        List<Agency> agencies =
        [
            Agency("a1", "อบต.ดู่ใต้", "น่าน", "เมืองน่าน", "https://a1.nan.test/"),
            Agency("a2", "เทศบาลเมืองน่าน", "น่าน", "เมืองน่าน", "https://a2.nan.test/"),
            Agency("a3", "อบต.ศิลาแลง", "น่าน", "ปัว", "https://a3.nan.test/"),
            Agency("a4", "อบต.ร่องฟอง", "แพร่", null, "https://a4.phrae.test/"),
            Agency("a5", Hostile, "แพร่", null, "https://a5.phrae.test/"),
            Agency("a6", "เทศบาลเมืองแพร่", "แพร่", null, "https://a6.phrae.test/"),
        ];

        var day = TimeSpan.FromDays(1);
        await RunAsync(store, agencies[0], Now - (3 * day), []);
        await RunAsync(store, agencies[0], Now - day, ["O12"]);
        await RunAsync(store, agencies[1], Now - day, ["O1", "O12"]);
        await RunAsync(store, agencies[2], Now - (8 * day), []);
        await RunAsync(store, agencies[2], Now - (5 * day), [], CrawlOutcome.Unreachable);
        await RunAsync(store, agencies[4], Now - (16 * day), []);
        await RunAsync(store, agencies[4], Now - (9 * day), ["O12"]);
        await RunAsync(store, agencies[5], Now - (2 * day), []);
        await store.BeginRunAsync("a6-killed", agencies[5].Site, 2568, 2568, Now - day, "schedule", CancellationToken.None);
        await store.AbandonSiteAsync(agencies[5].Site, Now - day + TimeSpan.FromHours(1), CancellationToken.None);

        var standings = await store.StandingsAsync(agencies.Select(a => RunOutcomes.SiteKey(a.Site)).ToList(), CancellationToken.None);
        return (agencies, FleetReport.Build(agencies, standings, year => Audits.Rules(year), Now));
    }

    private static Agency Agency(string id, string name, string province, string? district, string site) =>
        new(id, name, "อบต.", province, district, new Uri(site), [], null, null, null, 2);

    private static async Task RunAsync(PostgresRunStore store, Agency agency, DateTimeOffset at, string[] failing, CrawlOutcome outcome = CrawlOutcome.Completed)
    {
        var result = Audits.Make(failing.ToDictionary(c => c, _ => ItemStatus.Missing), outcome, at) with { Site = agency.Site };
        var id = $"{agency.Id}-{at:yyyyMMdd}";
        await store.BeginRunAsync(id, agency.Site, 2568, 2568, at, "schedule", CancellationToken.None);
        await store.FinishRunAsync(id, RunOutcomes.StateFor(outcome), result, null, null, CancellationToken.None);
    }
}
