using System.Globalization;
using OitCrawler.Text;

namespace OitCrawler.Reporting;

/// <summary>
/// Where an audit's reports go: <c>&lt;out&gt;/&lt;host&gt;/&lt;date-time&gt;/</c> (Bangkok time), never over an earlier
/// audit's, with <c>&lt;out&gt;/&lt;host&gt;/latest</c> pointing at the newest: a symbolic link, or where links cannot
/// be made (Windows without the privilege) a file <c>latest.txt</c> naming the folder.
/// </summary>
public static class ReportFolders
{
    public const string Latest = "latest";

    public const string LatestPointer = "latest.txt";

    /// <summary>The site's folder under <paramref name="root"/>: the host, and the port when it is not the scheme's own.</summary>
    public static string SiteFolder(string root, Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var name = site.IsDefaultPort ? site.IdnHost : $"{site.IdnHost}_{site.Port.ToString(CultureInfo.InvariantCulture)}";
        return Path.Combine(Path.GetFullPath(root), name.Replace(':', '_'));
    }

    /// <summary>Creates and returns a new, empty folder for an audit of <paramref name="site"/> started at <paramref name="startedAt"/>.</summary>
    public static string CreateRunFolder(string root, Uri site, DateTimeOffset startedAt)
    {
        var path = NewRunFolder(root, site, startedAt);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// The folder an audit of <paramref name="site"/> started at <paramref name="startedAt"/> will write to, not created
    /// yet: the nightly run names it before its reports (the e-mail links to it) and creates it when they are written.
    /// </summary>
    public static string NewRunFolder(string root, Uri site, DateTimeOffset startedAt)
    {
        var siteFolder = SiteFolder(root, site);
        var stamp = ThaiTime.ToBangkok(startedAt).ToString("yyyy-MM-dd_HHmmss", CultureInfo.InvariantCulture);
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(siteFolder, n == 1 ? stamp : $"{stamp}-{n.ToString(CultureInfo.InvariantCulture)}");
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                return path;
            }
        }
    }

    /// <summary>The run folder's path under <paramref name="root"/> as a relative URL (<c>host/2569-…</c>), each segment escaped.</summary>
    public static string RelativeUrl(string root, string runFolder) =>
        string.Join('/', Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(runFolder))
            .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Select(Uri.EscapeDataString));

    /// <summary>Points <c>latest</c> at <paramref name="runFolder"/> (a sibling under the site's folder), replacing the old pointer.</summary>
    public static void PointLatestAt(string runFolder)
    {
        var siteFolder = Path.GetDirectoryName(Path.GetFullPath(runFolder))!;
        var name = Path.GetFileName(Path.GetFullPath(runFolder));
        var link = Path.Combine(siteFolder, Latest);
        var pointer = Path.Combine(siteFolder, LatestPointer);
        try
        {
            if (new FileInfo(link).LinkTarget is not null)
            {
                File.Delete(link); // the link itself, not what it points at
            }
            else if (Path.Exists(link))
            {
                throw new IOException($"{link} is not a link; left alone");
            }

            Directory.CreateSymbolicLink(link, name); // relative: the tree can be moved or copied
            File.Delete(pointer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // No links here (Windows without the privilege, some network shares): a small file names the folder.
            File.WriteAllText(pointer + ".tmp", name + "\n");
            File.Move(pointer + ".tmp", pointer, overwrite: true);
        }
    }

    /// <summary>The newest run folder of a site, following <c>latest</c> or <c>latest.txt</c>; null when there is none.</summary>
    public static string? ResolveLatest(string siteFolder)
    {
        var link = Path.Combine(siteFolder, Latest);
        if (Directory.Exists(link))
        {
            return link;
        }

        var pointer = Path.Combine(siteFolder, LatestPointer);
        return File.Exists(pointer) ? Path.Combine(siteFolder, File.ReadAllText(pointer).Trim()) : null;
    }
}
