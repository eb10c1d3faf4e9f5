using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace OitCrawler.Text;

/// <summary>A sentence said twice: in Thai for the reader, in English for the English line beneath.</summary>
public sealed record Bilingual(string Th, string En)
{
    /// <summary>"Thai / English", for a one-line note that carries both.</summary>
    public override string ToString() => Th == En ? Th : $"{Th} / {En}";
}

/// <summary>
/// What an exception means to the person reading a reason, a note, a console line or an e-mail: one
/// sentence in Thai and one in English, chosen by the kind of failure (refused, reset, timed out, name not
/// found, certificate, disk full, no permission…). The exception's own message is .NET's English, often
/// with socket jargon ("Unable to read data from the transport connection"); it belongs in the log only,
/// and callers log it beside this text.
/// </summary>
public static class ErrorText
{
    /// <summary>The connection was reset: the most common failure of a small agency's server under load.</summary>
    public static readonly Bilingual Reset = new("เซิร์ฟเวอร์ตัดการเชื่อมต่อกลางคัน", "the server reset the connection");

    /// <summary>The server closed the connection before its answer was complete (the body cut short).</summary>
    public static readonly Bilingual Ended = new("เซิร์ฟเวอร์ปิดการเชื่อมต่อก่อนส่งคำตอบครบ", "the server closed the connection before its answer was complete");

    /// <summary>The Thai and English sentence for <paramref name="exception"/>; never its raw message.</summary>
    public static Bilingual Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // The innermost cause that says most: a socket error or a TLS failure anywhere in the chain.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return Socket(socket.SocketErrorCode);
                case AuthenticationException:
                    return Tls;
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            var error = e switch
            {
                HttpRequestException http => http.HttpRequestError,
                HttpIOException io => io.HttpRequestError, // reading the body: "The response ended prematurely"
                _ => HttpRequestError.Unknown,
            };
            if (error != HttpRequestError.Unknown)
            {
                return error switch
                {
                    HttpRequestError.NameResolutionError => NameNotFound,
                    HttpRequestError.ConnectionError => new("เชื่อมต่อเซิร์ฟเวอร์ไม่ได้", "could not connect to the server"),
                    HttpRequestError.SecureConnectionError => Tls,
                    HttpRequestError.ResponseEnded => Ended,
                    HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError or HttpRequestError.VersionNegotiationError =>
                        new("เซิร์ฟเวอร์ตอบกลับในรูปแบบที่อ่านไม่ได้", "the server's answer was not valid HTTP"),
                    HttpRequestError.ProxyTunnelError => new("เชื่อมต่อผ่านพร็อกซีไม่ได้", "the connection through the proxy failed"),
                    HttpRequestError.ConfigurationLimitExceeded => new("คำตอบของเซิร์ฟเวอร์ใหญ่เกินขีดจำกัด", "the server's answer exceeded a limit"),
                    _ => Unexpected,
                };
            }
        }

        return Innermost(exception) switch
        {
            TimeoutException or OperationCanceledException => new("รอคำตอบนานเกินกำหนด", "no answer in time"),
            InvalidDataException => new("ข้อมูลที่บีบอัดส่งมาเสียหาย อ่านไม่ได้", "the compressed body was corrupt"),
            UnauthorizedAccessException => new("ไม่มีสิทธิ์อ่านหรือเขียนไฟล์หรือโฟลเดอร์นี้", "access to the file or folder was denied"),
            DirectoryNotFoundException => new("ไม่พบโฟลเดอร์", "the folder does not exist"),
            FileNotFoundException => new("ไม่พบไฟล์", "the file does not exist"),
            PathTooLongException => new("ชื่อไฟล์หรือโฟลเดอร์ยาวเกินไป", "the path is too long"),
            IOException io when IsDiskFull(io) => new("พื้นที่ดิสก์เต็ม", "the disk is full"),
            IOException => new("อ่านหรือเขียนข้อมูลไม่สำเร็จ", "a read or write failed"),
            _ => Unexpected,
        };
    }

    private static readonly Bilingual Tls = new(
        "เชื่อมต่อแบบเข้ารหัสไม่สำเร็จ ใบรับรองความปลอดภัยของเว็บไซต์อาจหมดอายุหรือไม่ถูกต้อง",
        "the secure (TLS) connection failed; the site's certificate may be expired or invalid");

    private static readonly Bilingual NameNotFound = new("ไม่พบชื่อโดเมนนี้ในระบบชื่อโดเมน", "the host name could not be resolved");

    private static readonly Bilingual Unexpected = new("เกิดข้อผิดพลาดที่ไม่คาดคิด (รายละเอียดอยู่ในไฟล์บันทึก)", "an unexpected error (the details are in the log)");

    private static Bilingual Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => new("เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ (ไม่มีบริการเปิดอยู่ที่พอร์ตนี้)", "the server refused the connection (nothing listens on that port)"),
        SocketError.ConnectionReset => Reset,
        SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.Disconnecting => new("การเชื่อมต่อถูกยกเลิกกลางคัน", "the connection was aborted"),
        SocketError.TimedOut => new("เชื่อมต่อเซิร์ฟเวอร์ไม่ทันเวลา", "connecting to the server timed out"),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => NameNotFound,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown =>
            new("ไม่มีเส้นทางเครือข่ายไปถึงเซิร์ฟเวอร์", "no network route to the server"),
        _ => new("เชื่อมต่อเซิร์ฟเวอร์ไม่ได้", "could not connect to the server"),
    };

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is { } inner && e is not (UnauthorizedAccessException or DirectoryNotFoundException or FileNotFoundException))
        {
            e = inner;
        }

        return e;
    }

    // ENOSPC (28) on Linux and macOS, ERROR_DISK_FULL (0x70) and ERROR_HANDLE_DISK_FULL (0x27) on Windows.
    private static bool IsDiskFull(IOException io) => (io.HResult & 0xFFFF) is 28 or 0x70 or 0x27;
}
