using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public partial class ErrorTextTests
{
    public static TheoryData<Exception, string> Failures() => new()
    {
        // The chain SocketsHttpHandler throws for the example: HttpRequestException ← IOException ← SocketException.
        { new HttpRequestException("An error occurred while sending the request.", new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset))), "ตัดการเชื่อมต่อ" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)), "ปฏิเสธการเชื่อมต่อ" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (x.invalid:443)"), "ชื่อโดเมน" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established", new AuthenticationException("The remote certificate is invalid")), "ใบรับรอง" },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), "ก่อนส่งคำตอบครบ" },
        { new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely, with at least 99988 additional bytes expected."), "ก่อนส่งคำตอบครบ" },
        { new InvalidDataException("The archive entry was compressed using an unsupported compression method."), "บีบอัด" },
        { new IOException("No space left on device", 28), "ดิสก์เต็ม" },
        { new UnauthorizedAccessException("Access to the path '/srv/out' is denied."), "ไม่มีสิทธิ์" },
        { new InvalidOperationException("Sequence contains no elements"), "ไม่คาดคิด" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Describe_ThaiSentenceWithoutEnglish_EnglishOfOurOwn_NeverTheRawMessage(Exception exception, string thai)
    {
        var said = ErrorText.Describe(exception);

        Assert.Contains(thai, said.Th, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishWord(), said.Th.Replace("TLS", string.Empty, StringComparison.Ordinal)); // no English fragment in the Thai
        for (var e = exception; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(e.Message, said.En, StringComparison.Ordinal);
            Assert.DoesNotContain(e.Message, said.Th, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
