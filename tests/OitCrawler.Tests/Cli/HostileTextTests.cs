using System.Globalization;
using System.IO.Compression;
using OitCrawler.Alerts;
using OitCrawler.Cli;
using OitCrawler.Demo;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Cli;

/// <summary>
/// Text a site controls (an evidence URL, link text) as everything shows it: the console of <c>audit</c>, report.html,
/// the spreadsheets, the e-mail (real SMTP on loopback) and the LINE push. A loopback copy of a fixture site whose
/// procurement link carries an escape sequence and bidi controls, percent-encoded in the href and as entities in the text.
/// </summary>
[Trait("speed", "slow")]
public sealed class HostileTextTests : IDisposable
{
    private static readonly string FixtureSite = Repo.Path("tests", "OitCrawler.Tests", "Fixtures", "Sites", "mixed-2569", "site");

    // ESC [2J (clear the screen), an OSC 8 hyperlink ended by BEL, RLO before "fdp.exe" (reads "exe.pdf"), LRI and RLM.
    private const string HostileHref = "/procurement/%1B%5B2J%1B%5D8;;x%07%E2%80%AEfdp.exe%E2%81%A6%E2%80%8F/";
    private const string HostileText = "จัดซื้อจัดจ้าง&#x200F;&#x202E;&#27;[31m&#x2066;";

    private static readonly char[] Hidden = ['\u001B', '\u0007', '\u202E', '\u2066', '\u200F'];
    private static readonly string[] HiddenEncoded = ["&#x1B;", "&#x7;", "&#x202E;", "&#x2066;", "&#x200F;", "_x001B_", "_x0007_", "%1B%5B2J%1B%5D8;;x%07%E2%80%AE"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Audit_EvidenceUrlWithEscapeAndBidiControls_ConsoleReportAndSpreadsheetsShowThemEncodedOrNotAtAll()
    {
        // Regression: the evidence URL was percent-decoded for show, so its ESC sequence reached the terminal raw and
        // its right-to-left override reached report.html (encoded as &#x202E;, which a browser still obeys).
        var site = HostileCopy();
        await using var server = await StaticSiteServer.StartAsync(site);
        var output = _temp.File("out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Commands.RunAsync(["audit", server.BaseUri.AbsoluteUri, "--year", "2569", "--rate", "0", "--out", output], stdout, stderr, CancellationToken.None);

        Assert.True(code is ExitCodes.Ok or ExitCodes.Gaps, $"exit {code}: {stderr}");
        var console = stdout.ToString();
        Assert.Contains("%1B[2J%1B]8;;x%07%E2%80%AEfdp.exe", console, StringComparison.Ordinal); // the URL is shown, as the address it is
        AssertShownClean("stdout", console, encodedToo: false);
        AssertShownClean("stderr", stderr.ToString(), encodedToo: false);

        var run = OitCrawler.Reporting.ReportFolders.ResolveLatest(Assert.Single(Directory.GetDirectories(output)))!;
        var html = await File.ReadAllTextAsync(Path.Combine(run, "report.html"));
        Assert.Contains("fdp.exe", html, StringComparison.Ordinal);
        AssertShownClean("report.html", HtmlWithoutHrefs(html), encodedToo: true);
        foreach (var csv in new[] { "gaps.csv", "checklist.csv" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(run, csv));
            AssertShownClean(csv, text, encodedToo: false);
        }

        foreach (var xlsx in new[] { "gaps.xlsx", "checklist.xlsx" })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(run, xlsx));
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) && !e.FullName.Contains("_rels", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                AssertShownClean($"{xlsx}/{entry.FullName}", await reader.ReadToEndAsync(), encodedToo: true);
            }
        }
    }

    [Fact]
    public async Task Nightly_NewGapWithEscapeAndBidiControlsInItsUrl_MailAndLineShowNone()
    {
        // Regression: the e-mail's subject, text and HTML parts and the LINE text carried the URL's controls as the page wrote them.
        var site = _temp.File("site");
        CopyDirectory(FixtureSite, site);
        await using var server = await StaticSiteServer.StartAsync(site);
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        await using var line = await LineApiServer.StartAsync();
        var settings = NightlyHarness.Settings(_temp, server.BaseUri,
            ("Alerts:ConsecutiveFailures", "1"),
            ("Alerts:Smtp:Host", "127.0.0.1"),
            ("Alerts:Smtp:Port", sink.Port.ToString(CultureInfo.InvariantCulture)),
            ("Alerts:Smtp:StartTls", "false"),
            ("Alerts:Smtp:From", "oitcrawler@thaphae.example"),
            ("Alerts:Line:ChannelAccessToken", LineApiServer.Token),
            ("Alerts:Line:To:0", "C4af4980629f1e8d5f2b7a04c7e4f1a23"),
            ("Alerts:Line:BaseUrl", line.BaseUri.AbsoluteUri));
        await using var harness = NightlyHarness.Create(settings);
        var first = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));
        Assert.Equal(RunState.Complete, first!.State);
        var mailsBefore = sink.Messages().Count;
        var pushesBefore = line.Delivered.Count;

        MakeHostile(site);
        var second = await Task.Run(() => harness.Audit.RunAsync("schedule", CancellationToken.None));

        Assert.Contains(second!.Alerts!.Changes.OfKind(ChangeKind.NewGap), c => c.Code == "O11");
        var mails = (await sink.WaitForAsync(mailsBefore + 1)).Skip(mailsBefore).ToList();
        var digest = Assert.Single(mails, m => m.To.SequenceEqual(["info@thaphae.example"]));
        Assert.Contains("fdp.exe", digest.Message.TextBody, StringComparison.Ordinal); // the broken link is named
        foreach (var mail in mails)
        {
            AssertShownClean("subject", mail.Message.Subject ?? string.Empty, encodedToo: false);
            AssertShownClean("text part", mail.Message.TextBody ?? string.Empty, encodedToo: false);
            AssertShownClean("HTML part", HtmlWithoutHrefs(mail.Message.HtmlBody ?? string.Empty), encodedToo: true);
        }

        var pushes = line.Delivered.Skip(pushesBefore).ToList();
        Assert.NotEmpty(pushes);
        Assert.All(pushes.SelectMany(p => p.Texts), t => AssertShownClean("LINE text", t, encodedToo: false));
    }

    private static void AssertShownClean(string where, string text, bool encodedToo)
    {
        var hidden = text.IndexOfAny(Hidden);
        Assert.True(hidden < 0, $"{where}: U+{(hidden < 0 ? 0 : text[hidden]):X4} at {hidden}: …{(hidden < 0 ? string.Empty : text[Math.Max(0, hidden - 60)..Math.Min(text.Length, hidden + 20)])}…");
        if (encodedToo)
        {
            foreach (var encoded in HiddenEncoded.Where(e => !e.StartsWith('%')))
            {
                Assert.False(text.Contains(encoded, StringComparison.OrdinalIgnoreCase), $"{where} shows {encoded}");
            }
        }
    }

    // An href keeps the address as the page wrote it, percent-encoded (what a browser fetches, never shown decoded).
    private static string HtmlWithoutHrefs(string html) => System.Text.RegularExpressions.Regex.Replace(html, "href=\"[^\"]*\"", "href=\"\"");

    private string HostileCopy()
    {
        var site = _temp.File("hostile");
        CopyDirectory(FixtureSite, site);
        MakeHostile(site);
        return site;
    }

    private static void MakeHostile(string site)
    {
        foreach (var page in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            var hostile = html
                .Replace("href=\"/procurement/monthly-2569/\"", $"href=\"{HostileHref}\"", StringComparison.Ordinal)
                .Replace(">จัดซื้อจัดจ้าง</a>", $">{HostileText}</a>", StringComparison.Ordinal);
            if (hostile != html)
            {
                File.WriteAllText(page, hostile);
            }
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
