using Microsoft.Extensions.Options;
using OitCrawler.Alerts;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Alerts;

[Trait("speed", "slow")]
public sealed class LinePushTests
{
    [Fact]
    public async Task PushAsync_SameRowTwice_DeliveredOnce_TheRepeatCountsAsSent()
    {
        // The process died after LINE accepted the push and before the outbox marked it: the next send
        // carries the same retry key, LINE answers 409, and nobody gets the message twice.
        await using var server = await LineApiServer.StartAsync();
        var push = Push(server, LineApiServer.Token);

        var first = await push.PushAsync("Cgroup", "สถานะตั้งต้น: ไม่ผ่าน 3 ข้อ", "run-1|line:baseline|cgroup", CancellationToken.None);
        var again = await push.PushAsync("Cgroup", "สถานะตั้งต้น: ไม่ผ่าน 3 ข้อ", "run-1|line:baseline|cgroup", CancellationToken.None);

        Assert.Equal(new LineResult(true, null), first);
        Assert.Equal(new LineResult(true, null), again);
        Assert.Equal([200, 409], server.Requests.Select(r => r.Status));
        Assert.Single(server.Delivered);
    }

    [Fact]
    public async Task PushAsync_WrongToken_NotSent_WithLinesAnswer()
    {
        await using var server = await LineApiServer.StartAsync();

        var result = await Push(server, "not-the-token").PushAsync("Cgroup", "ทดสอบ", "k", CancellationToken.None);

        Assert.False(result.Sent);
        Assert.StartsWith("LINE answered 401", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Delivered);
    }

    [Fact]
    public void RetryKey_IsAStableUuid()
    {
        var key = LinePush.RetryKey("run-1|line:baseline|cgroup");

        Assert.True(Guid.TryParseExact(key, "D", out var guid));
        Assert.Equal(4, guid.Version);
        Assert.Equal(key, LinePush.RetryKey("run-1|line:baseline|cgroup"));
        Assert.NotEqual(key, LinePush.RetryKey("run-2|line:baseline|cgroup"));
    }

    [Fact]
    public void Fit_LongDigest_WholeLinesWithinLinesLimit()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"• หน่วยงานที่ {i} มีข้อที่ต้องแก้ไข O{i % 26 + 1}, O{i % 13 + 1}").ToList();

        var text = SummaryComposer.Fit(lines, LinePush.MaxText);

        Assert.True(text.Length <= LinePush.MaxText, $"{text.Length} characters");
        var kept = text.Split('\n');
        Assert.All(kept[..^1], l => Assert.Contains(l, lines));
        Assert.StartsWith("… และอีก ", kept[^1], StringComparison.Ordinal);
    }

    private static LinePush Push(LineApiServer server, string token)
    {
        var options = Options.Create(new AlertOptions { Line = new LineOptions { ChannelAccessToken = token, To = ["Cgroup"], BaseUrl = server.BaseUri.AbsoluteUri } });
#pragma warning disable CA2000 // the client lives as long as the push under test
        return new LinePush(new HttpClient(), options);
#pragma warning restore CA2000
    }
}
