using System.Net;
using Microsoft.Extensions.Options;

namespace OitCrawler.Dashboard;

/// <summary>
/// Refuses to start a dashboard that strangers could read: an address other than loopback needs at
/// least one user. Also checks each URL and each user's hash, naming the setting.
/// </summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var urls = options.UrlList;
        if (urls.Count == 0)
        {
            failures.Add("Dashboard:Urls ว่าง: ระบุที่อยู่ เช่น http://127.0.0.1:5080 / Dashboard:Urls is empty");
        }

        foreach (var url in urls)
        {
            if (!TryHost(url, out var host))
            {
                failures.Add($"Dashboard:Urls: '{url}' ไม่ใช่ที่อยู่ http(s) เช่น http://127.0.0.1:5080 / not an http(s) URL");
            }
            else if (!IsLoopback(host) && options.Users.Count == 0)
            {
                failures.Add($"Dashboard:Urls เปิดที่ {url} ซึ่งเครื่องอื่นเข้าถึงได้ แต่ยังไม่ได้ตั้งผู้ใช้ (Dashboard:Users) จึงไม่เริ่มทำงาน: เพิ่มผู้ใช้ด้วยรหัสผ่านที่แฮชจาก 'oitcrawler hash-password' หรือใช้ http://127.0.0.1:5080 / " +
                    $"refusing to serve the dashboard on the non-loopback address {url} without Dashboard:Users");
            }
        }

        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"Dashboard:Users:{i}:Name ว่างหรือมี ':' / the user name is empty or contains ':'");
            }

            if (!PasswordHash.IsWellFormed(user.PasswordHash))
            {
                failures.Add($"Dashboard:Users:{i}:PasswordHash ไม่ใช่แฮชจาก 'oitcrawler hash-password' (pbkdf2-sha256$…) / not a hash made by 'oitcrawler hash-password'");
            }
        }

        if (options.PublicUrl is { Length: > 0 } publicUrl && !TryHost(publicUrl, out _))
        {
            failures.Add($"Dashboard:PublicUrl: '{publicUrl}' ไม่ใช่ที่อยู่ http(s) / not an http(s) URL");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Loopback only: <c>localhost</c>, 127.0.0.0/8, ::1. A wildcard (<c>*</c>, <c>+</c>, 0.0.0.0) is every address.</summary>
    public static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']');
        return string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool TryHost(string url, out string host)
    {
        host = string.Empty;
        // Kestrel's wildcards are not valid URI hosts: read them as they are.
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        host = uri.Host;
        return true;
    }
}
