using MimeKit;
using OitCrawler.Gaps;

namespace OitCrawler.Tests.Gaps;

[Trait("speed", "fast")]
public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("info@thaphae.go.th")]
    [InlineData("saraban.thaphae@gmail.com")]
    [InlineData("o'brien+ita@example.go.th")]
    [InlineData("งาน@ท่าแพ.go.th")]
    [InlineData("a.b-c_d@sub.domain.co.th")]
    public void Problem_PlainAddress_AcceptedAndSendableByMimeKit(string address)
    {
        if (address.Any(c => c > 127) && address.IndexOf('@') is var at && address[..at].Any(c => c > 127))
        {
            Assert.NotNull(EmailAddresses.Problem(address)); // a non-ASCII local part needs SMTPUTF8: refused
            return;
        }

        Assert.Null(EmailAddresses.Problem(address));
        var mailbox = new MailboxAddress(string.Empty, address); // what the outbox sends with
        Assert.NotEmpty(mailbox.Domain);
    }

    [Theory]
    [InlineData("")]
    [InlineData("info")]
    [InlineData("info@")]
    [InlineData("@thaphae.go.th")]
    [InlineData("info@thaphae")]
    [InlineData("info@@thaphae.go.th")]
    [InlineData("in fo@thaphae.go.th")]
    [InlineData("info@thaphae.go.th\r\nBcc: x@y.z")]
    [InlineData("Tha Phae <info@thaphae.go.th>")]
    [InlineData("info.@thaphae.go.th")]
    [InlineData("info@-thaphae.go.th")]
    public void Problem_NotAPlainAddress_Refused(string address) =>
        Assert.NotNull(EmailAddresses.Problem(address));
}
