using System.Diagnostics;

namespace OitCrawler.Tests.Support;

/// <summary>
/// A folder the kernel refuses to create files in. Without root, mode 0555 does it. As root (CI containers) the
/// mode is ignored, so a read-only tmpfs is mounted there instead; where mounting is not allowed either, /sys
/// (sysfs, where nobody may create a file) stands in. <see cref="How"/> says which, for assertion messages.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool _mounted;

    private ReadOnlyFolder(string path, string how, bool mounted)
    {
        Path = path;
        How = how;
        _mounted = mounted;
    }

    public string Path { get; }

    public string How { get; }

    public static ReadOnlyFolder Create(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!CanCreateFileIn(path))
        {
            return new ReadOnlyFolder(path, "mode 0555", mounted: false);
        }

        if (Run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path) && !CanCreateFileIn(path))
        {
            return new ReadOnlyFolder(path, "read-only tmpfs", mounted: true);
        }

        return CanCreateFileIn("/sys")
            ? throw new InvalidOperationException($"no way to make a read-only folder here: running as root, mount refused, /sys writable")
            : new ReadOnlyFolder("/sys", "/sys (sysfs)", mounted: false);
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", Path);
        }

        if (Path != "/sys")
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanCreateFileIn(string folder)
    {
        var probe = System.IO.Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such program
        }
    }
}
