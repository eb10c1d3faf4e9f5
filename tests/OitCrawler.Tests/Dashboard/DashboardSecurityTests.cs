using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Cli;
using OitCrawler.Dashboard;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Dashboard;

/// <summary>Who may read the dashboard: loopback by default, sign-in required elsewhere, wrong passwords and floods answered 429.</summary>
[Trait("speed", "slow")]
public sealed class DashboardSecurityTests : IDisposable
{
    private const string Password = "รหัสผ่าน-ยาวพอ-2569";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.0.2.10:5080")]
    [InlineData("http://127.0.0.1:5080;http://oit.intranet.example:5080")]
    public async Task Serve_NonLoopbackWithoutUsers_RefusesToStartWithOneThaiMessage(string urls)
    {
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"), ("Dashboard:Urls", urls), ("Schedule:RunMissedOnStartup", "false"));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ServeCommand.RunAsync(new Say(TextWriter.Null, TextWriter.Null), settings, CancellationToken.None));

        var failure = Assert.Single(refused.Failures);
        Assert.Contains("Dashboard:Users", failure, StringComparison.Ordinal);
        Assert.Contains("ไม่เริ่มทำงาน", failure, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("history.db"))); // stopped before anything ran
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:5080")]
    public void Validate_LoopbackWithoutUsers_Accepted(string urls) =>
        Assert.True(new DashboardOptionsValidator().Validate(null, new DashboardOptions { Urls = urls }).Succeeded);

    [Fact]
    public void Validate_BadHashOrUrl_NamesTheSetting()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions
        {
            Urls = "ftp://x",
            Users = [new DashboardUser { Name = "director", PasswordHash = Password }], // the password itself, not a hash
        });

        Assert.Contains(result.Failures!, f => f.StartsWith("Dashboard:Urls: 'ftp://x'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Dashboard:Users:0:PasswordHash", StringComparison.Ordinal));
    }

    [Fact]
    public void PasswordHash_Salted_VerifiesOnlyTheRightPassword()
    {
        var first = PasswordHash.Create(Password);
        var second = PasswordHash.Create(Password);

        Assert.NotEqual(first, second); // a fresh salt each time
        Assert.StartsWith("pbkdf2-sha256$", first, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, first, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify(Password, first));
        Assert.True(PasswordHash.Verify(Password, second));
        Assert.False(PasswordHash.Verify(Password + "x", first));
        Assert.False(PasswordHash.Verify(Password, "pbkdf2-sha256$1$AAAA$AAAA"));
        Assert.False(PasswordHash.Verify(Password, "not a hash"));
    }

    [Fact]
    public void HashPassword_ReadsStdin_PrintsAVerifiableHash()
    {
        using var stdout = new StringWriter();

        var code = DashboardCommands.HashPassword(new StringReader(Password + "\n"), new Say(stdout, TextWriter.Null));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(PasswordHash.Verify(Password, stdout.ToString().Trim()));
        Assert.Throws<UsageException>(() => DashboardCommands.HashPassword(new StringReader("short\n"), new Say(TextWriter.Null, TextWriter.Null)));
    }

    [Fact]
    public async Task SignIn_WithUsers_NoCredentials401_RightPassword200_WrongPasswordsRateLimited()
    {
        await using var dashboard = await StartAsync(("Dashboard:Users:0:Name", "ผู้อำนวยการ"), ("Dashboard:Users:0:PasswordHash", PasswordHash.Create(Password)), ("Dashboard:FailedSignInsPerMinute", "3"));
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        using (var anonymous = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Contains("ต้องลงชื่อเข้าใช้", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("nosniff", anonymous.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/api/v1/runs", "ผู้อำนวยการ", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode); // monitoring needs no password
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/", "someone", Password)).StatusCode);

        // "someone" above was the first failure; two more wrong passwords use up the three a minute allows.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/", "ผู้อำนวยการ", "wrong-1")).StatusCode);
        var limited = await SendAsync(client, "/", "ผู้อำนวยการ", "wrong-2");
        Assert.Equal(HttpStatusCode.Unauthorized, limited.StatusCode);
        var blocked = await SendAsync(client, "/", "ผู้อำนวยการ", "wrong-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("รหัสผ่านผิดหลายครั้งเกินไป", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, "/", "ผู้อำนวยการ", Password)).StatusCode); // no more guesses this minute
    }

    [Fact]
    public async Task RateLimit_TooManyRequestsFromOneAddress_Answered429()
    {
        await using var dashboard = await StartAsync(("Dashboard:RequestsPerMinute", "3"));
        using var client = new HttpClient { BaseAddress = dashboard.Address };

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/sites");
            codes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await client.SendAsync(request);
    }

    // The dashboard as serve registers it, on an empty history, on 127.0.0.1 port 0.
    private async Task<Running> StartAsync(params (string Key, string? Value)[] extra)
    {
        var settings = NightlyHarness.Settings(_temp, new Uri("http://127.0.0.1:9/"), [("Dashboard:Urls", "http://127.0.0.1:0"), ("Serilog:WriteTo:1:Args:path", _temp.File("logs/x-.log")), ("Serilog:WriteTo:2:Args:path", _temp.File("logs/x-.clef")), .. extra]);
        var host = Commands.BuildHost(settings, b =>
        {
            b.Services.AddHistory(b.Configuration);
            b.Services.AddDashboard(b.Configuration);
        });
        await host.Services.GetRequiredService<HistoryDatabase>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<DashboardServer>().Addresses.Single();
        return new Running(host, address);
    }

    private sealed record Running(IHost Host, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }
}
