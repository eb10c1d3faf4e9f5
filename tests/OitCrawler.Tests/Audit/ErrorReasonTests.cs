using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OitCrawler.Assessment;
using OitCrawler.Audit;
using OitCrawler.Evidence;
using OitCrawler.Reporting;
using OitCrawler.Text;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Audit;

/// <summary>
/// A failed fetch as a Thai reader meets it: the reason, the note and the report say in Thai what happened
/// ("เซิร์ฟเวอร์ตัดการเชื่อมต่อกลางคัน"), the English line beneath says it in English, and .NET's own message
/// ("Unable to read data from the transport connection") is in the log only. Real servers on loopback.
/// </summary>
[Trait("speed", "slow")]
public sealed partial class ErrorReasonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Audit_ServerResetsEveryConnection_ReasonsAndReportInThai_RawMessageOnlyInTheLog()
    {
        await using var server = new ResettingServer();
        var log = new LogRecorder();
        await using var harness = NightlyHarness.Create(NightlyHarness.Settings(_temp, server.BaseUri), log: log);

        var result = await harness.Services.GetRequiredService<AuditRunner>().RunAsync(server.BaseUri, 2569, null, CancellationToken.None);

        Assert.Equal(CrawlOutcome.Unreachable, result.Evidence.Outcome);
        // Reset or cut short, as the socket reports it: either way our sentence, not .NET's.
        var said = result.Evidence.OutcomeReason!.Contains(ErrorText.Reset.En, StringComparison.Ordinal) ? ErrorText.Reset : ErrorText.Ended;
        Assert.Contains(said.Th, result.Evidence.OutcomeReasonTh, StringComparison.Ordinal);
        Assert.Contains(said.En, result.Evidence.OutcomeReason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Items);
        foreach (var reason in result.Items.SelectMany(i => i.Reasons))
        {
            Assert.Contains(said.Th, reason.Th, StringComparison.Ordinal);
            Assert.Contains(said.En, reason.En, StringComparison.Ordinal);
            NoRawText(reason.Th);
            NoRawText(reason.En);
        }

        foreach (var note in result.Notes)
        {
            NoRawText(note);
        }

        var folder = _temp.File("report");
        await ReportWriter.WriteAllAsync(result, [], folder, withEvidence: false, ReportLanguage.Th, CancellationToken.None);
        var html = await File.ReadAllTextAsync(Path.Combine(folder, ReportWriter.HtmlFileName));
        Assert.Contains(said.Th, html, StringComparison.Ordinal);
        NoRawText(html);

        // The raw message is kept where an administrator looks for it.
        Assert.Contains(log.Messages, m => m.Contains("Fetching", StringComparison.Ordinal) && RawSocketText().IsMatch(m));
    }

    [Fact]
    public async Task Audit_ItemLinkDropsTheConnection_TheItemsThaiReasonHasNoEnglish()
    {
        await using var site = await TestSite.StartAsync(
            new Dictionary<string, TestResponse>
            {
                ["/"] = TestResponse.Page("<h2>ITA 2569</h2><p><a href=\"/_down/structure.pdf\">O1 โครงสร้าง หน้าที่และอำนาจ</a></p>", "เทศบาลตำบลทดสอบ"),
            },
            SiteAudit.DropDownPaths);
        await using var harness = NightlyHarness.Create(NightlyHarness.Settings(_temp, site.BaseUri));

        var result = await harness.Services.GetRequiredService<AuditRunner>().RunAsync(site.BaseUri, 2569, null, CancellationToken.None);

        var o1 = result.Items.Single(i => i.Rule.Code == "O1");
        Assert.Equal(ItemStatus.Unreachable, o1.Status);
        var reason = Assert.Single(o1.Reasons);
        var thaiDetail = reason.Th[(reason.Th.IndexOf("ไม่ได้: ", StringComparison.Ordinal) + "ไม่ได้: ".Length)..];
        Assert.Contains("การเชื่อมต่อ", thaiDetail, StringComparison.Ordinal); // reset, or closed before the answer
        Assert.DoesNotMatch(EnglishWord(), thaiDetail);
        Assert.Contains("could not be fetched: ", reason.En, StringComparison.Ordinal);
        NoRawText(reason.En);
    }

    private static void NoRawText(string text)
    {
        Assert.DoesNotMatch(RawSocketText(), text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    // What .NET says of a dropped connection (SocketsHttpHandler, SocketException on Linux and Windows).
    [GeneratedRegex("transport connection|reset by peer|ended prematurely|error occurred while sending|forcibly closed", RegexOptions.IgnoreCase)]
    private static partial Regex RawSocketText();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
