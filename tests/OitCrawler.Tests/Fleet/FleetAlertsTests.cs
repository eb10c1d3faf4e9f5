using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OitCrawler.Alerts;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Demo;
using OitCrawler.Fleet;
using OitCrawler.History;
using OitCrawler.Scheduling;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

/// <summary>
/// Fleet audits with each agency's own settings, against a real throwaway PostgreSQL, the loopback SMTP
/// server (python's aiosmtpd) and the fake LINE API: two agencies of two provinces, each with its own
/// measures file, information unit e-mail and LINE group, one with an extra host; then the province
/// digests of the night.
/// </summary>
[Collection(PostgresGroup.Name)]
[Trait("speed", "slow")]
public sealed class FleetAlertsTests(PostgresServer server) : IDisposable
{
    private static readonly string FixtureSite = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site");
    private const string LineA = "Caaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
    private const string LineB = "Cbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
    private const string LineNan = "Cnannannannannannannannannannan3";
    private const string Overseer = "overseer@dla.test";
    private readonly TempFolder _temp = new();
    private readonly PostgresServer _server = server;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TwoAgencies_EachUnitGetsOnlyItsOwnAlerts_WithItsMeasuresAndHosts_KeptWhileSmtpIsDown_NeverTwice()
    {
        await using var world = await World.StartAsync(this);

        await world.AuditAsync("a");
        await world.AuditAsync("b");

        // Agency a's extra host (its e-service) was crawled as part of its site; Crawl:ExtraHosts is empty.
        Assert.Contains("/extra.html", world.ExtraHits);

        // SMTP was down: LINE went out, every e-mail waits in the outbox (none lost).
        var waiting = await world.Outbox.WaitingAsync(CancellationToken.None);
        Assert.True(waiting >= 2, $"{waiting} e-mails waiting");
        Assert.Empty(Directory.GetFiles(world.MailFolder, "*.json", SearchOption.AllDirectories));

        // SMTP comes back: one flush delivers them; more flushes deliver nothing again.
        await using var sink = await SmtpSink.StartAsync(world.MailFolder, world.SmtpPort);
        var flush = await world.Outbox.FlushAsync(CancellationToken.None);
        Assert.Equal(waiting, flush.Sent);
        Assert.Equal(0, flush.Waiting);
        Assert.Equal(0, (await world.Outbox.FlushAsync(CancellationToken.None)).Sent);
        var mails = await sink.WaitForAsync(waiting);
        Assert.Equal(waiting, mails.Count);

        // Each agency's mail went only to its own information unit (agencies file) and its measures file's units,
        // and speaks only of its own site and name; Alerts:DigestTo (a fleet-wide address) received nothing.
        var siteA = world.Sites["a"].AbsoluteUri;
        var siteB = world.Sites["b"].AbsoluteUri;
        Assert.DoesNotContain(mails, m => m.To.Contains(Overseer, StringComparer.OrdinalIgnoreCase));
        foreach (var mail in mails)
        {
            var body = mail.Message.TextBody;
            var forA = mail.To.All(t => t.EndsWith("@agency-a.test", StringComparison.OrdinalIgnoreCase) || t.EndsWith("@thaphae.example", StringComparison.OrdinalIgnoreCase));
            var forB = mail.To.All(t => t.EndsWith("@agency-b.test", StringComparison.OrdinalIgnoreCase) || t.EndsWith("@bansuan.example", StringComparison.OrdinalIgnoreCase));
            Assert.True(forA ^ forB, "mixed recipients: " + string.Join(", ", mail.To));
            Assert.Contains(forA ? siteA : siteB, body, StringComparison.Ordinal);
            Assert.DoesNotContain(forA ? siteB : siteA, body, StringComparison.Ordinal);
            Assert.Contains(forA ? "เทศบาลตำบลท่าแพ" : "องค์การบริหารส่วนตำบลบ้านสวน", mail.Message.Subject, StringComparison.Ordinal); // the agency's own measures file names it
        }

        Assert.Single(mails, m => m.To.Contains("info@agency-a.test", StringComparer.OrdinalIgnoreCase));
        Assert.Single(mails, m => m.To.Contains("info@agency-b.test", StringComparer.OrdinalIgnoreCase));
        Assert.Contains(mails, m => m.To.Contains("info@thaphae.example", StringComparer.OrdinalIgnoreCase)); // a's measures file's information unit
        Assert.Contains(mails, m => m.To.Contains("info@bansuan.example", StringComparer.OrdinalIgnoreCase)); // b's

        // LINE: one push to each agency's own group, about that agency only.
        var pushes = world.Line.Delivered;
        var toA = Assert.Single(pushes, p => p.To == LineA);
        var toB = Assert.Single(pushes, p => p.To == LineB);
        Assert.Equal(2, pushes.Count);
        Assert.Contains("เทศบาลตำบลท่าแพ", toA.Texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("บ้านสวน", toA.Texts[0], StringComparison.Ordinal);
        Assert.Contains("บ้านสวน", toB.Texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ท่าแพ", toB.Texts[0], StringComparison.Ordinal);

        // Queued with the run, in its transaction: every row names its run, and the runs are complete.
        Assert.Equal(0L, await world.ScalarAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL OR run_id NOT IN (SELECT run_id FROM runs WHERE state = 'complete')"));
    }

    [Fact]
    public async Task ProvinceDigest_OneMessagePerProvinceToItsOwnAddress_AuditedBandsNotAudited_OncePerNight()
    {
        await using var world = await World.StartAsync(this);
        await using var sink = await SmtpSink.StartAsync(world.MailFolder, world.SmtpPort);
        await world.AuditAsync("a");
        await world.AuditAsync("b");
        var agencyMails = (await sink.WaitForAsync(2)).Count;

        var first = await world.Services.GetRequiredService<FleetDigests>().SendAsync(null, CancellationToken.None);
        var again = await world.Services.GetRequiredService<FleetDigests>().SendAsync(null, CancellationToken.None);

        Assert.Equal(2, first.Provinces);
        Assert.Equal(3, first.Queued); // น่าน: one e-mail and one LINE push; แพร่: one e-mail
        Assert.Equal(0, again.Queued); // the same night again: nothing new
        var digests = (await sink.WaitForAsync(agencyMails + 2)).Skip(agencyMails).ToList();
        Assert.Equal(2, digests.Count);
        var nan = Assert.Single(digests, m => m.To.SequenceEqual(["nan@province.test", "nan2@province.test"]));
        var phrae = Assert.Single(digests, m => m.To.SequenceEqual(["phrae@province.test"]));

        Assert.Contains("จังหวัดน่าน", nan.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("ตรวจ 1/2 หน่วยงาน", nan.Message.Subject, StringComparison.Ordinal); // a audited; c never
        var nanText = nan.Message.TextBody;
        Assert.Contains("เทศบาลตำบลท่าแพ (อ.เมืองน่าน): OIT", nanText, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้ตรวจในคืนนี้ / not audited (1)", nanText, StringComparison.Ordinal);
        Assert.Contains(world.Sites["c"].AbsoluteUri, nanText, StringComparison.Ordinal);
        Assert.Contains("ระดับ / bands: ", nanText, StringComparison.Ordinal);
        Assert.DoesNotContain("บ้านสวน", nanText, StringComparison.Ordinal); // แพร่'s agency is not in น่าน's digest
        Assert.Contains("จังหวัดแพร่", phrae.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("องค์การบริหารส่วนตำบลบ้านสวน", phrae.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ท่าแพ", phrae.Message.TextBody, StringComparison.Ordinal);

        var push = Assert.Single(world.Line.Delivered, p => p.To == LineNan);
        Assert.Contains("จังหวัดน่าน", push.Texts[0], StringComparison.Ordinal);
        Assert.Equal(0, await world.Outbox.WaitingAsync(CancellationToken.None));
    }

    /// <summary>Two agency sites, an extra host, PostgreSQL, LINE, a port for SMTP, the agencies file and the fleet's services.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [];
        private IReadOnlyList<Agency> _agencies = [];

        public Dictionary<string, Uri> Sites { get; } = [];

        public ConcurrentQueue<string> ExtraHits { get; } = new();

        public LineApiServer Line { get; private set; } = null!;

        public int SmtpPort { get; private set; }

        public string MailFolder { get; private set; } = null!;

        public string Connection { get; private set; } = null!;

        public ServiceProvider Services { get; private set; } = null!;

        public AlertOutbox Outbox => Services.GetRequiredService<AlertOutbox>();

        public static async Task<World> StartAsync(FleetAlertsTests test)
        {
            var temp = test._temp;
            var world = new World();

            // Agency a's e-service: another host (port) that only its agencies-file row names.
            Directory.CreateDirectory(temp.File("extra"));
            await File.WriteAllTextAsync(Path.Combine(temp.File("extra"), "extra.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>e-Service</title></head><body><h1>บริการออนไลน์</h1></body></html>");
            var extra = await StaticSiteServer.StartAsync(temp.File("extra"), app => app.Use(async (context, next) =>
            {
                world.ExtraHits.Enqueue(context.Request.Path.Value ?? "/");
                await next(context);
            }));
            world._owned.Add(extra);
            var extraHost = $"127.0.0.1:{extra.BaseUri.Port}";

            foreach (var id in new[] { "a", "b" })
            {
                var root = temp.File("site-" + id);
                CopyDirectory(FixtureSite, root);
                if (id == "a")
                {
                    var index = Path.Combine(root, "index.html");
                    var html = await File.ReadAllTextAsync(index);
                    await File.WriteAllTextAsync(index, html.Replace("</body>", $"<p><a href=\"http://{extraHost}/extra.html\">บริการออนไลน์ e-Service</a></p></body>", StringComparison.Ordinal));
                }

                var site = await StaticSiteServer.StartAsync(root);
                world._owned.Add(site);
                world.Sites[id] = site.BaseUri;
            }

            world.Sites["c"] = new Uri("http://127.0.0.1:9/c/"); // never audited

            // b's own measures file: the Tha Phae file with another agency's name and units' addresses.
            var measuresB = temp.File("bansuan.json");
            await File.WriteAllTextAsync(measuresB, (await File.ReadAllTextAsync(Repo.Path("measures", "thaphae.json")))
                .Replace("thaphae.example", "bansuan.example", StringComparison.Ordinal)
                .Replace("เทศบาลตำบลท่าแพ", "องค์การบริหารส่วนตำบลบ้านสวน", StringComparison.Ordinal));
            var agencies = temp.File("agencies.csv");
            await File.WriteAllTextAsync(agencies, $"""
                id,name,kind,province,district,site,extraHosts,measuresFile,email,line
                a,เทศบาลตำบลท่าแพ,เทศบาลตำบล,น่าน,เมืองน่าน,{world.Sites["a"]},{extraHost},{Repo.Path("measures", "thaphae.json")},info@agency-a.test,{LineA}
                b,องค์การบริหารส่วนตำบลบ้านสวน,อบต.,แพร่,,{world.Sites["b"]},,{measuresB},info@agency-b.test,{LineB}
                c,อบต.ร่องฟอง,อบต.,น่าน,ปัว,{world.Sites["c"]},,,info@agency-c.test,

                """);

            world.Line = await LineApiServer.StartAsync();
            world._owned.Add(world.Line);
            world.SmtpPort = SmtpSink.FreePort(); // nobody listens yet: "SMTP is down"
            world.MailFolder = temp.File("mail");
            Directory.CreateDirectory(world.MailFolder);
            world.Connection = await test._server.CreateDatabaseAsync();
            var settings = new Dictionary<string, string?>
            {
                ["Fleet:ConnectionString"] = world.Connection,
                ["Fleet:NodeName"] = "node-t",
                ["Fleet:AgenciesFile"] = agencies,
                ["Fleet:HostRetryInterval"] = "00:00:00.100",
                ["Fleet:ReportBaseUrl"] = "https://oit.province.test/fleet/",
                ["Fleet:ProvinceDigests:0:Province"] = "น่าน",
                ["Fleet:ProvinceDigests:0:Email:0"] = "nan@province.test",
                ["Fleet:ProvinceDigests:0:Email:1"] = "nan2@province.test",
                ["Fleet:ProvinceDigests:0:Line:0"] = LineNan,
                ["Fleet:ProvinceDigests:1:Province"] = "แพร่",
                ["Fleet:ProvinceDigests:1:Email:0"] = "phrae@province.test",
                ["Schedule:TimeZone"] = "Asia/Bangkok",
                ["Audit:Year"] = "2569",
                ["Audit:RulesDirectory"] = Repo.Path("rules"),
                ["Audit:OutputDirectory"] = temp.File("out"),
                ["Audit:MeasuresFile"] = Repo.Path("measures", "thaphae.json"), // a single-site setting: a fleet uses each agency's own
                ["Crawl:RatePerSecond"] = "0",
                ["Crawl:RetryBaseDelay"] = "00:00:00.010",
                ["Crawl:MaxRetries"] = "1",
                ["Crawl:RequestTimeout"] = "00:00:05",
                ["Alerts:Smtp:Host"] = "127.0.0.1",
                ["Alerts:Smtp:Port"] = world.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Alerts:Smtp:StartTls"] = "false",
                ["Alerts:Smtp:From"] = "oitcrawler@province.test",
                ["Alerts:Smtp:Timeout"] = "00:00:05",
                ["Alerts:DigestTo:0"] = Overseer, // a single-site setting: not every agency's mail
                ["Alerts:RetryBaseDelay"] = "00:00:00.001",
                ["Alerts:RetryMaxDelay"] = "00:00:00.002",
                ["Alerts:Line:ChannelAccessToken"] = LineApiServer.Token,
                ["Alerts:Line:BaseUrl"] = world.Line.BaseUri.AbsoluteUri,
                ["Alerts:Line:RetryDelay"] = "00:00:00.010",
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            world.Services = new ServiceCollection()
                .AddLogging()
                .AddCrawling(configuration)
                .AddAudit(configuration)
                .AddNightlyAudit(configuration)
                .AddFleetStore(configuration)
                .AddFleetAlerts(configuration)
                .AddTransient<FleetAudit>()
                .BuildServiceProvider();
            await world.Services.GetRequiredService<PostgresDatabase>().MigrateAsync(CancellationToken.None);
            world._agencies = AgenciesFile.Load(agencies);
            return world;
        }

        public async Task AuditAsync(string id)
        {
            var run = await Services.GetRequiredService<FleetAudit>().RunAsync(_agencies.Single(a => a.Id == id), "run-now", null, CancellationToken.None);
            Assert.Equal(RunState.Complete, run!.Value.State);
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var c = new NpgsqlConnection(Connection);
            await c.OpenAsync();
            await using var command = new NpgsqlCommand(sql, c);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            if (Services is not null)
            {
                await Services.DisposeAsync();
            }

            foreach (var owned in _owned)
            {
                await owned.DisposeAsync();
            }
        }

        private static void CopyDirectory(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
