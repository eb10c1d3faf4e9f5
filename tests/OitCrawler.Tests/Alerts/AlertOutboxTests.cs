using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OitCrawler.Alerts;
using OitCrawler.Assessment;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Alerts;

/// <summary>The outbox against a real SMTP server (aiosmtpd) on loopback.</summary>
[Trait("speed", "slow")]
public sealed class AlertOutboxTests : IDisposable
{
    private static readonly DateTimeOffset Night = new(2025, 1, 9, 19, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(Night);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Flush_ServerUp_DeliversEachMessageToItsRecipientsWithThaiSubjectAndBody()
    {
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var outbox = await OutboxAsync(sink.Port);
        var messages = Messages(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Missing, ["O21"] = ItemStatus.Stale });

        Assert.Equal(3, await outbox.EnqueueAsync("run-1", messages, TimeSpan.Zero, CancellationToken.None));
        var flush = await outbox.FlushAsync(CancellationToken.None);

        Assert.Equal(new OutboxFlush(3, 0, 0), flush);
        var received = await sink.WaitForAsync(3);
        Assert.Equal(3, received.Count);
        foreach (var expected in messages)
        {
            var mail = Assert.Single(received, r => r.To.SequenceEqual(expected.To.Select(t => t.Address)));
            Assert.Equal("oitcrawler@thaphae.example", mail.From);
            Assert.Equal(expected.Subject, mail.Message.Subject); // RFC 2047-encoded on the wire, Thai once decoded
            Assert.Contains("เทศบาลตำบลท่าแพ", mail.Message.Subject, StringComparison.Ordinal);
            Assert.Contains("ผลการตรวจเว็บไซต์เทศบาลตำบลท่าแพ", mail.Message.TextBody, StringComparison.Ordinal);
            Assert.Contains("ผลการตรวจเว็บไซต์", mail.Message.HtmlBody, StringComparison.Ordinal);
            Assert.Equal("auto-generated", mail.Message.Headers["Auto-Submitted"]);
            Assert.EndsWith("@thaphae.example", mail.Message.MessageId, StringComparison.Ordinal);
        }

        Assert.Contains(received, r => r.To.SequenceEqual(["klang@thaphae.example"]) && (r.Message.TextBody ?? string.Empty).Contains("O12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enqueue_WithAHold_OutboxJobWaits_ARunFlushSendsAtOnce_AKilledRunsGoOutWhenTheHoldEnds()
    {
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var outbox = await OutboxAsync(sink.Port);
        var digest = Messages(new Dictionary<string, ItemStatus> { ["O1"] = ItemStatus.Missing });
        await outbox.EnqueueAsync("run-1", digest, TimeSpan.FromSeconds(60), CancellationToken.None);
        await outbox.EnqueueAsync("run-2", digest, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(new OutboxFlush(0, 0, 2), await outbox.FlushAsync(CancellationToken.None)); // the outbox job: both on hold
        Assert.Equal(new OutboxFlush(1, 0, 1), await outbox.FlushAsync("run-1", CancellationToken.None)); // run-1's pipeline releases its own
        Assert.Equal(new OutboxFlush(0, 0, 1), await outbox.FlushAsync("run-1", CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(61)); // run-2's process died before releasing: the hold ends
        Assert.Equal(new OutboxFlush(1, 0, 0), await outbox.FlushAsync(CancellationToken.None));
        Assert.Equal(2, (await sink.WaitForAsync(2)).Count);
    }

    [Fact]
    public async Task Flush_SmtpDownThenUp_DeliversExactlyOnce()
    {
        var port = SmtpSink.FreePort(); // nobody listens yet
        var outbox = await OutboxAsync(port);
        var messages = Messages(new Dictionary<string, ItemStatus> { ["O1"] = ItemStatus.Missing }); // the digest only
        Assert.Single(messages);
        await outbox.EnqueueAsync("run-1", messages, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(new OutboxFlush(0, 1, 1), await outbox.FlushAsync(CancellationToken.None));
        Assert.Equal(new OutboxFlush(0, 0, 1), await outbox.FlushAsync(CancellationToken.None)); // backing off

        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"), port);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new OutboxFlush(1, 0, 0), await outbox.FlushAsync(CancellationToken.None));
        Assert.Equal(new OutboxFlush(0, 0, 0), await outbox.FlushAsync(CancellationToken.None));

        // A restart: a new outbox on the same database queues the run's alerts again — they are not re-sent.
        var restarted = await OutboxAsync(port);
        Assert.Equal(0, await restarted.EnqueueAsync("run-1", messages, TimeSpan.Zero, CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new OutboxFlush(0, 0, 0), await restarted.FlushAsync(CancellationToken.None));

        var received = await sink.WaitForAsync(1);
        var mail = Assert.Single(received);
        Assert.Equal(["info@thaphae.example"], mail.To);
        Assert.Equal(messages[0].Subject, mail.Message.Subject);
    }

    [Fact]
    public async Task Flush_AttemptsBackOffExponentially()
    {
        var outbox = await OutboxAsync(SmtpSink.FreePort());
        await outbox.EnqueueAsync("run-1", Messages(new Dictionary<string, ItemStatus> { ["O1"] = ItemStatus.Missing }), TimeSpan.Zero, CancellationToken.None);

        var tried = new List<int>();
        for (var minute = 0; minute < 8; minute++)
        {
            if ((await outbox.FlushAsync(CancellationToken.None)).Failed > 0)
            {
                tried.Add(minute);
            }

            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([0, 1, 3, 7], tried); // waits of 1, 2, 4 minutes
    }

    [Fact]
    public async Task Send_PageTitleWithHeaderBreaks_NeverReachesAHeaderOrTheEnvelope()
    {
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var outbox = await OutboxAsync(sink.Port);
        const string hostile = "ข่าว\r\nBcc: evil@example.com";
        var result = Audits.Make(new Dictionary<string, ItemStatus> { ["O12"] = ItemStatus.Broken }, at: Night, reason: hostile, linkText: hostile);
        var messages = AlertComposer.Compose(new AlertContext("run-x", Night, result, NewGap(result, "O12"), new Dictionary<string, StoredItem>(), [], null, []));

        await outbox.EnqueueAsync("run-x", messages, TimeSpan.Zero, CancellationToken.None);
        await outbox.FlushAsync(CancellationToken.None);

        var received = await sink.WaitForAsync(messages.Count);
        Assert.Equal(messages.Count, received.Count);
        foreach (var mail in received)
        {
            Assert.DoesNotContain("evil", mail.RawHeaders, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(mail.To, to => to.Contains("evil", StringComparison.OrdinalIgnoreCase));
            Assert.Empty(mail.Message.Bcc);
            Assert.Contains("ข่าว Bcc: evil@example.com", mail.Message.TextBody, StringComparison.Ordinal); // quoted, as text
        }
    }

    [Fact]
    public async Task Flush_RowWithDisplayNameAddress_IsMarkedFailedAndTheOthersAreSent()
    {
        await using var sink = await SmtpSink.StartAsync(_temp.File("mail"));
        var outbox = await OutboxAsync(sink.Port);
        AlertMessage Message(string kind, string email) => new(kind, [new Recipient("ก", email)], "เรื่อง " + kind, "ข้อความ", "<p>ข้อความ</p>");
        await outbox.EnqueueAsync("run-1", [Message("unit:a", "a@thaphae.example"), Message("unit:bad", "กองคลัง <klang@thaphae.example>"), Message("unit:c", "c@thaphae.example")], TimeSpan.Zero, CancellationToken.None);

        var flush = await outbox.FlushAsync(CancellationToken.None); // must not throw

        Assert.Equal(new OutboxFlush(2, 1, 1), flush);
        var received = await sink.WaitForAsync(2);
        Assert.Equal(["a@thaphae.example", "c@thaphae.example"], received.SelectMany(r => r.To).Order(StringComparer.Ordinal));
        await using var connection = await new HistoryDatabase(_temp.File("history.db")).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempts, last_error, lease_until FROM outbox WHERE kind = 'unit:bad'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt32(0));
        Assert.StartsWith("cannot build the message", reader.GetString(1), StringComparison.Ordinal);
        Assert.True(reader.IsDBNull(2)); // not left leased
    }

    private async Task<AlertOutbox> OutboxAsync(int port)
    {
        var database = new HistoryDatabase(_temp.File("history.db"));
        await database.MigrateAsync(CancellationToken.None);
        var options = Options.Create(new AlertOptions
        {
            RetryBaseDelay = TimeSpan.FromMinutes(1),
            RetryMaxDelay = TimeSpan.FromHours(1),
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, StartTls = false, From = "oitcrawler@thaphae.example", Timeout = TimeSpan.FromSeconds(5) },
        });
#pragma warning disable CA2000 // the client lives as long as the outbox under test
        return new AlertOutbox(new OutboxStore(database, _time), new SmtpSender(options, NullLogger<SmtpSender>.Instance), new LinePush(new HttpClient(), options), options, NullLogger<AlertOutbox>.Instance);
#pragma warning restore CA2000
    }

    private static IReadOnlyList<AlertMessage> Messages(Dictionary<string, ItemStatus> failing)
    {
        var result = Audits.Make(failing, at: Night);
        var changes = new Changes(result.Items.Where(i => failing.ContainsKey(i.Rule.Code)).Select(i => new ItemChange(ChangeKind.NewGap, i, ItemStatus.Pass, 2, null)).ToList(), null);
        return AlertComposer.Compose(new AlertContext("run-1", Night, result, changes, new Dictionary<string, StoredItem>(), [], "/srv/oitcrawler/out/runs/run-1/report.json", []));
    }

    private static Changes NewGap(OitCrawler.Audit.AuditResult result, string code) =>
        new([new ItemChange(ChangeKind.NewGap, result.Items.Single(i => i.Rule.Code == code), ItemStatus.Pass, 2, null)], null);
}
