using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OitCrawler.Alerts;

namespace OitCrawler.Tests.Alerts;

[Trait("speed", "fast")]
public sealed class AlertOptionsValidatorTests
{
    [Theory]
    [InlineData("ทีมงาน <info@thaphae.example>")]
    [InlineData("<info@thaphae.example>")]
    [InlineData("not-an-address")]
    public void DigestTo_DisplayNameOrNotAnAddress_IsRefusedNamingTheOption(string address)
    {
        var result = new AlertOptionsValidator().Validate(null, new AlertOptions { DigestTo = ["ok@thaphae.example", address] });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Alerts:DigestTo:1:", failure, StringComparison.Ordinal);
        Assert.Contains(address, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SmtpFrom_DisplayNameForm_IsRefused()
    {
        var options = new AlertOptions { Smtp = new SmtpOptions { Host = "mail.example", From = "OitCrawler <oit@thaphae.example>" } };
        var result = new AlertOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.StartsWith("Alerts:Smtp:From", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainAddresses_AreAccepted()
    {
        var options = new AlertOptions { DigestTo = [" info@thaphae.example "], Smtp = new SmtpOptions { Host = "mail.example", From = "oit@thaphae.example" } };
        Assert.True(new AlertOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void SmtpPortOutOfRange_StopsAtStart(string port)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Smtp:Host"] = "mail.example",
            ["Alerts:Smtp:From"] = "oit@thaphae.example",
            ["Alerts:Smtp:Port"] = port,
        }).Build();
        using var services = new ServiceCollection().AddAlerts(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("Alerts:Smtp:Port", StringComparison.Ordinal));
    }
}
